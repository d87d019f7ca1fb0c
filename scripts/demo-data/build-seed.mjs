// Builds the demo store's seed: one file in vouch-server's own JSON export
// format ({"reviews": [...]}, restored by `vouch-server import`), so every
// seeded review passes the core's validator exactly as a store's import would.
//
// Sources, in order:
//  1. Real reviews: scripts/demo-data/clothing-reviews.csv.br, committed (Kaggle
//     "Women's E-Commerce Clothing Reviews", CC0; upstream, licence and what was
//     kept in clothing-reviews.md), so every clone seeds the same store as CI.
//     Each demo product takes the rows of one "Clothing ID"; the capsule box
//     takes every row. Text, title, rating, "Recommended IND" and
//     "Positive Feedback Count" (as helpful votes) are kept as they are; the
//     dataset has no dates and no names, so dates are spread over three years
//     and first names + initials are drawn from a fixed list. Provenance:
//     imported (source import:kaggle-womens-clothing), never "verified purchase".
//  2. scripts/demo-data/multilingual-reviews.json: reviews written for the
//     demo in zh-CN, zh-TW, ja, es, fr, de (marked there as demo content), with
//     photos, merchant replies, verified purchases and two pending reviews.
//  3. Generated English reviews (source import:vouch-demo-generator) that fill
//     the capsule box up to 20,000 reviews.
// Everything is deterministic (seeded PRNG) except "now".
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { seededRandom } from '../lib/random.mjs';
import { products } from './products.mjs';

const DAY = 86400;

/** The committed real reviews (brotli-compressed CSV, make-clothing-reviews.mjs writes it). */
export const clothingReviewsFile = new URL('./clothing-reviews.csv.br', import.meta.url).pathname;
/** Its columns, as named by the upstream dataset. */
export const CLOTHING_COLUMNS = ['Clothing ID', 'Title', 'Review Text', 'Rating', 'Recommended IND', 'Positive Feedback Count'];

/** The committed CSV's text. */
export function readClothingReviews(file = clothingReviewsFile) {
  return brotliDecompressSync(readFileSync(file)).toString('utf8');
}

/** RFC 4180 CSV (quoted fields with commas, quotes and line breaks). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const FIRST_NAMES = [
  'Maya', 'Claire', 'Priya', 'Hannah', 'Olivia', 'Grace', 'Sofia', 'Emma', 'Rachel', 'Jess', 'Nora', 'Leah',
  'Amara', 'Beth', 'Carla', 'Dana', 'Erin', 'Fiona', 'Gwen', 'Holly', 'Iris', 'Jade', 'Kate', 'Laura', 'Mia',
  'Nadia', 'Paige', 'Quinn', 'Rosa', 'Sam', 'Tara', 'Uma', 'Vera', 'Wendy', 'Yasmin', 'Zoe', 'Alice', 'Ruth',
];
const INITIALS = 'ABCDEFGHJKLMNPRSTVW';

function authorName(next) {
  return `${FIRST_NAMES[Math.floor(next() * FIRST_NAMES.length)]} ${INITIALS[Math.floor(next() * INITIALS.length)]}.`;
}

/** Seconds before `now`: most reviews recent, a long tail back to three years. */
function age(next) {
  return Math.floor(Math.pow(next(), 1.8) * 1095 * DAY) + Math.floor(next() * DAY);
}

function iso(seconds) {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// Merchant replies to some low ratings: what a small shop writes back.
const REPLIES = [
  'Thank you for taking the time to write this. Sizing feedback goes straight to our pattern maker; if you would like to exchange, just reply to your order e-mail.',
  'We are sorry it did not work out. Returns are free for 30 days, and we have passed your comments on the fabric to our mill.',
  'Thanks for the honest review. We have updated the size guide on this page with the measurements you mentioned.',
];

// Generated English reviews: short, plain, varied enough not to be near-duplicates.
const OPENINGS = {
  5: ['Love it.', 'Exactly what I hoped for.', 'My new favourite.', 'Worth every cent.', 'Beautiful quality.'],
  4: ['Really nice.', 'Very happy overall.', 'Good buy.', 'Pretty great.', 'Almost perfect.'],
  3: ['It is fine.', 'Mixed feelings.', 'Okay, not amazing.', 'Decent but not special.', 'Average.'],
  2: ['Disappointed.', 'Not for me.', 'Expected more.', 'Not great.', 'Underwhelming.'],
  1: ['Sent it back.', 'Poor quality.', 'Would not buy again.', 'Very disappointed.', 'Returned it.'],
};
const DETAILS = [
  'the fabric feels {q} and the colour matches the photos',
  'I am {h} and ordered a {s}, the length is {l}',
  'it washed {w} on a cold cycle',
  'the fit across the shoulders is {f}',
  'I wore it to {o} and got {c}',
  'the stitching looks {q} up close',
  'delivery took {d} days and the parcel had no plastic',
];
const FILL = {
  q: { good: ['soft', 'substantial', 'lovely', 'well made'], bad: ['thin', 'scratchy', 'cheap', 'uneven'] },
  h: { good: ["5'4\"", "5'7\"", '165 cm', '172 cm', "5'2\""], bad: ["5'4\"", "5'9\"", '160 cm', '175 cm'] },
  s: { good: ['small', 'medium', 'size 8', 'XS', 'large'], bad: ['small', 'medium', 'size 10', 'large'] },
  l: { good: ['just right', 'perfect for me', 'as described'], bad: ['too short', 'far too long', 'odd'] },
  w: { good: ['well', 'without shrinking', 'beautifully'], bad: ['badly', 'and shrank', 'and pilled'] },
  f: { good: ['relaxed but neat', 'true to size', 'flattering'], bad: ['tight', 'boxy', 'strange'] },
  o: { good: ['a wedding', 'work', 'a dinner', 'the office', 'a picnic'], bad: ['work', 'a dinner', 'a party'] },
  c: { good: ['compliments', 'asked where it was from'], bad: ['no compliments', 'a sore neck from the label'] },
  d: { good: ['two', 'three', 'four'], bad: ['nine', 'twelve', 'eight'] },
};
const CLOSINGS = { good: ['Would buy again.', 'Recommended.', 'Ordering another colour.', ''], bad: ['Returned.', 'Not recommended.', 'Shame.', ''] };

function generatedReview(next, product, index) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const roll = next();
  const rating = roll < 0.56 ? 5 : roll < 0.77 ? 4 : roll < 0.89 ? 3 : roll < 0.95 ? 2 : 1;
  const mood = rating >= 4 ? 'good' : 'bad';
  const fill = (template) => template.replace(/\{(\w)\}/g, (_, key) => pick(FILL[key][mood]));
  const first = fill(pick(DETAILS));
  let second = fill(pick(DETAILS));
  if (second === first) second = fill(DETAILS[(DETAILS.indexOf(first) + 1) % DETAILS.length]);
  const closing = pick(CLOSINGS[mood]);
  const body = `${pick(OPENINGS[rating])} ${first[0].toUpperCase()}${first.slice(1)}, and ${second}. ${closing ? `${closing} ` : ''}(Review #${index + 1} of the demo's generated set.)`;
  return {
    product_id: product.id,
    rating,
    title: pick(OPENINGS[rating]).replace(/\.$/, ''),
    body,
    author: authorName(next),
    status: 'published',
    verification: 'imported',
    source: 'import:vouch-demo-generator',
    recommends: rating >= 4,
    language: 'en',
    helpful_up: Math.floor(Math.pow(next(), 4) * 12),
    created: null,
  };
}

/**
 * @param {{ clothingCsv?: string, photoBase: string, now: number }} options
 *   clothingCsv: the real reviews' CSV text (default: the committed file);
 *   photoBase: absolute URL prefix of the generated photos (the snapshot only
 *   accepts absolute http(s) media URLs); now: Unix seconds.
 * @returns {{ reviews: object[], photos: { file: string, product: object, seed: number }[], counts: Record<string, number>, realRows: number }}
 */
export function buildSeed({ clothingCsv = readClothingReviews(), photoBase, now }) {
  const next = seededRandom(20261123);
  const reviews = [];
  const photos = [];
  let realRows = 0;

  {
    const [header, ...rows] = parseCsv(clothingCsv);
    const col = (name) => header.indexOf(name);
    const [cId, cTitle, cBody, cRating, cRec, cHelpful] = ['Clothing ID', 'Title', 'Review Text', 'Rating', 'Recommended IND', 'Positive Feedback Count'].map(col);
    for (const product of products) {
      for (const row of rows) {
        if (row.length < header.length) continue;
        if (product.clothingId !== null && row[cId] !== product.clothingId) continue;
        // Rating-only rows have no text: the validator (import mode) refuses an empty body.
        if (!row[cBody].trim()) continue;
        const rating = Number(row[cRating]);
        const created = now - age(next);
        const review = {
          product_id: product.id,
          rating,
          title: row[cTitle],
          body: row[cBody],
          author: authorName(next),
          status: 'published',
          verification: 'imported',
          source: 'import:kaggle-womens-clothing',
          recommends: row[cRec] === '1',
          language: 'en',
          helpful_up: Number(row[cHelpful]) || 0,
          created: iso(created),
        };
        if (rating <= 2 && next() < 0.08) review.reply = { text: REPLIES[Math.floor(next() * REPLIES.length)], time: iso(Math.min(now, created + DAY + Math.floor(next() * 2 * DAY))) };
        reviews.push(review);
        realRows += 1;
      }
    }
  }

  const fixtures = JSON.parse(readFileSync(new URL('./multilingual-reviews.json', import.meta.url), 'utf8')).reviews;
  fixtures.forEach((fixture, index) => {
    const product = products.find((p) => p.id === fixture.product);
    if (!product) throw new Error(`multilingual-reviews.json: review ${index}: unknown product ${fixture.product}`);
    const created = now - fixture.days_ago * DAY - Math.floor(next() * DAY);
    const media = [];
    for (let i = 0; i < (fixture.photos || 0); i += 1) {
      const file = `${product.id}-${index + 1}-${i + 1}.svg`;
      photos.push({ file, product, seed: index * 10 + i + 1 });
      media.push({ kind: 'photo', url: `${photoBase}/${file}` });
    }
    reviews.push({
      product_id: product.id,
      rating: fixture.rating,
      title: fixture.title,
      body: fixture.body,
      author: fixture.author,
      status: fixture.status || 'published',
      verification: fixture.verified ? 'verified_purchase' : 'unverified',
      source: fixture.verified ? 'invited' : 'web',
      recommends: fixture.rating >= 4,
      language: fixture.language,
      helpful_up: Math.floor(next() * 9),
      media,
      created: iso(created),
      ...(fixture.reply ? { reply: { text: fixture.reply, time: iso(Math.min(now, created + DAY)) } } : {}),
    });
  });

  const counts = {};
  // Targets count published reviews: that is the number shoppers see.
  for (const review of reviews) if (review.status === 'published') counts[review.product_id] = (counts[review.product_id] || 0) + 1;
  let generated = 0;
  for (const product of products) {
    const want = product.target || 0;
    for (let have = counts[product.id] || 0; have < want; have += 1) {
      const review = generatedReview(next, product, generated);
      review.created = iso(now - age(next));
      reviews.push(review);
      generated += 1;
    }
    counts[product.id] = Math.max(counts[product.id] || 0, want);
  }

  // One featured review per product: the most helpful published 5★ one with text.
  for (const product of products) {
    const best = reviews
      .filter((r) => r.product_id === product.id && r.status === 'published' && r.rating === 5 && r.body.length > 120)
      .sort((a, b) => b.helpful_up - a.helpful_up)[0];
    if (best) best.featured = true;
  }
  return { reviews, photos, counts, realRows, generated, next };
}

/**
 * Generated reviews that bring products with a `target` back to it after the
 * import (the importer may refuse a real review, or hold it for moderation).
 * @param {{ next: () => number, generated: number }} seed
 * @param {Record<string, number>} published published reviews per product id, as stored
 */
export function topUp(seed, published, now) {
  const extra = [];
  for (const product of products) {
    const missing = product.target ? product.target - (published[product.id] || 0) : 0;
    for (let i = 0; i < missing; i += 1) {
      const review = generatedReview(seed.next, product, seed.generated + extra.length);
      review.created = iso(now - age(seed.next));
      extra.push(review);
    }
  }
  return extra;
}
