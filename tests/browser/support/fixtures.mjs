// Test snapshots, generated (never hand-written) and checked by the C++ core:
// each JSON snapshot is loaded through the wasm Store's strict loader before a
// test may serve it. Photos are small PNGs drawn with pngjs.
// The reviews are invented for these tests (English, German, French, Spanish,
// Chinese and Japanese text written for this project; no corpus copied).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { jsonToBinary, loadCore, loadJsonInto } from '../../node/support/core.mjs';
import { seededRandom } from '../../../scripts/lib/random.mjs';
import { findServerBinary } from '../../../scripts/lib/server-process.mjs';

const TEXTS = [
  ['en', 'Lovely linen', 'The fabric is soft after the first wash and the wrap closes well. Runs a little large, so I sized down.'],
  ['en', 'Colour faded', 'Nice cut, but the colour faded after three washes. Customer service replied quickly and offered an exchange.'],
  ['de', 'Sehr bequem', 'Der Stoff ist angenehm und die Passform stimmt. Die Lieferung dauerte allerdings fünf Tage.'],
  ['fr', 'Très jolie robe', 'La coupe est élégante et le lin respire bien en été. Un peu froissée à la livraison.'],
  ['es', 'Buena calidad', 'La tela es fresca y cómoda. La talla es correcta y el color es como en la foto.'],
  ['zh-CN', '面料很舒服', '亚麻面料透气，洗后更柔软。尺码偏大一点，建议选小一码。客服回复很快。'],
  ['ja', '着心地が良い', 'リネンの生地がさらっとしていて夏にぴったりです。サイズは少し大きめでした。'],
];
const TOPICS = ['fit', 'fabric', 'colour', 'delivery'];
const ASPECTS = ['quality', 'fit', 'value'];

const iso = (seconds) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** `count` reviews of one product; photo URLs point at `photoBase`. */
export function generateReviews(count, photoBase, seed = 7) {
  const next = seededRandom(seed);  // same seed, same reviews on every run
  const pick = (list) => list[Math.floor(next() * list.length)];
  const start = Date.UTC(2025, 0, 1) / 1000;
  const reviews = [];
  for (let i = 0; i < count; i += 1) {
    const [language, title, body] = TEXTS[i % TEXTS.length];
    const rating = [5, 5, 4, 5, 3, 4, 2, 5, 1, 4][i % 10];
    const withPhotos = i % 6 === 1;
    reviews.push({
      id: `r${String(i + 1).padStart(4, '0')}`,
      rating,
      title: i % 9 === 4 ? '' : title,
      // Every 5th body is long, so "read more" appears.
      body: i % 5 === 0 ? `${body} ${body} ${body} ${body}` : body,
      author: pick(['Ana', 'Ben K.', 'Chloé', 'Dieter', '李明', '佐藤', 'Eve']),
      created: iso(start + i * 86400 * 2 + 3600),
      updated: iso(start + i * 86400 * 2 + 3600),
      language,
      verification: i % 3 === 0 ? 'verified_purchase' : i % 7 === 2 ? 'imported' : 'unverified_web',
      incentivized: i % 11 === 3,
      source: i % 7 === 2 ? 'import:judge.me' : 'web',
      media: withPhotos
        ? [1, 2].map((k) => ({ kind: 'photo', url: `${photoBase}/photo-${(i + k) % 3}.png`, width: 120, height: 90 }))
        : [],
      aspects: i % 4 === 0 ? ASPECTS.map((name, k) => ({ name, value: 1 + ((i + k) % 5) })) : [],
      recommends: i % 4 === 1 ? null : rating >= 3,
      helpful_up: Math.floor(next() * 20),
      helpful_down: Math.floor(next() * 5),
      reply: i % 8 === 2 ? { text: 'Thank you for the feedback — we have passed it to our workshop.', time: iso(start + i * 86400 * 2 + 90000) } : null,
      featured: i === 5,
      topics: [TOPICS[i % TOPICS.length], ...(i % 3 === 0 ? [TOPICS[(i + 1) % TOPICS.length]] : [])],
    });
  }
  return reviews;
}

export function snapshotJson(product, reviews) {
  return JSON.stringify({ version: 1, product: { id: product, name: 'Linen Wrap Dress', url: '', image: '' }, reviews });
}

/** Loads `json` with the core's strict loader (the widget's JSON path); throws with the core's message if it refuses. */
export async function checkWithCore(json) {
  const core = await loadCore();
  const store = new core.Store();
  try {
    const status = await loadJsonInto(core, store, new TextEncoder().encode(json));
    if (!status.ok) throw new Error(`fixture rejected by the core: ${status.code}: ${status.message}`);
    return store.size();
  } finally {
    store.delete();
  }
}

function writePng(path, colour) {
  const png = new PNG({ width: 120, height: 90 });
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = colour[0];
    png.data[i + 1] = colour[1];
    png.data[i + 2] = colour[2];
    png.data[i + 3] = 255;
  }
  writeFileSync(path, PNG.sync.write(png));
}

/**
 * Writes the fixtures into `dir` (a fresh temp folder by default), served at /fixtures/.
 * @returns {Promise<string>} the folder
 */
export async function writeFixtures(photoBase, dir = mkdtempSync(join(tmpdir(), 'vouch-fixtures-'))) {
  writePng(join(dir, 'photo-0.png'), [200, 120, 80]);
  writePng(join(dir, 'photo-1.png'), [80, 140, 200]);
  writePng(join(dir, 'photo-2.png'), [90, 170, 100]);
  const files = {
    'demo-linen-dress.json': snapshotJson('demo-linen-dress', generateReviews(48, photoBase)),
    'empty.json': snapshotJson('empty', []),
  };
  for (const [name, json] of Object.entries(files)) {
    await checkWithCore(json);
    writeFileSync(join(dir, name), json);
  }
  // The same snapshots in the binary format (what the review server sends).
  for (const name of ['demo-linen-dress', 'empty']) {
    writeFileSync(join(dir, `${name}.bin`), await jsonToBinary(new TextEncoder().encode(files[`${name}.json`])));
  }
  writeFirstRenders(Object.keys(files).map((name) => join(dir, name)));
  return dir;
}

/**
 * The widget's first responses beside static snapshots (<name>.first-<locale>.json),
 * written by the server's own `vouch-server first-render`, as a store would.
 */
export function writeFirstRenders(paths) {
  const binary = findServerBinary();
  if (!binary) throw new Error('the browser fixtures need a built vouch-server (npm run build): it writes the first responses');
  execFileSync(binary, ['first-render', ...paths], { stdio: 'ignore' });
}

/** Reviews whose title, body, author and reply are the naughty strings (one per review). */
export async function writeNaughtyFixture(dir, blnsPath, photoBase) {
  const strings = JSON.parse(readFileSync(blnsPath, 'utf8')).filter((s) => s.length > 0);
  const base = generateReviews(1, photoBase)[0];
  const reviews = strings.map((text, i) => ({
    ...base,
    id: `n${i}`,
    title: text,
    body: text,
    author: text,
    media: [],
    reply: { text, time: base.created },
  }));
  const json = snapshotJson('naughty', reviews);
  await checkWithCore(json);
  writeFileSync(join(dir, 'naughty.json'), json);
  writeFirstRenders([join(dir, 'naughty.json')]);
  return strings;
}
