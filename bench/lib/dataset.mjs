// Realistic review sets for the benchmarks: the real English reviews of
// ../shared/data/reviews/ (Kaggle Women's E-Commerce Clothing Reviews, CC0),
// resampled with a fixed seed, with synthetic dates, votes, flags and photos,
// plus ~30% generated Chinese and Japanese reviews (no open CJK review corpus
// exists; the text is assembled from the phrase lists below). Output: snapshot
// JSON text in the documented format (docs/snapshot-format.md). The binary
// snapshot is made from it by the core itself (bench/native/core_bench.cpp convert).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../scripts/lib/run.mjs';
import { seededRandom } from '../../scripts/lib/random.mjs';

export const sharedData = join(root, '..', 'shared', 'data');
export const clothingCsv = join(sharedData, 'reviews', 'en_womens_clothing_ecommerce_reviews.first20000.csv');

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** The English source reviews: [{title, body, rating, recommends}] with a body. */
export function loadEnglishReviews() {
  const rows = parseCsv(readFileSync(clothingCsv, 'utf8'));
  const header = rows[0];
  const col = (name) => header.indexOf(name);
  const [title, body, rating, rec] = ['Title', 'Review Text', 'Rating', 'Recommended IND'].map(col);
  return rows.slice(1)
    .filter((r) => r.length === header.length && r[body].trim() !== '')
    .map((r) => ({ title: r[title], body: r[body], rating: Number(r[rating]), recommends: r[rec] === '1' }));
}

const zhOpeners = ['这件衣服', '裙子', '面料', '做工', '颜色', '尺码', '版型', '质量', '快递', '客服', '上身效果', '领口'];
const zhComments = ['非常好，穿着很舒服', '比想象中的薄一点', '和图片一样漂亮', '有点偏大，建议买小一码', '洗了一次就起球了',
  '性价比很高', '颜色很正，没有色差', '穿上显瘦，很满意', '线头有点多', '物流很快，包装也很好', '夏天穿刚好，很透气',
  '袖子有点长', '朋友都说好看', '价格便宜质量不错', '不太适合我的身材'];
const zhTitles = ['很满意', '一般般', '推荐购买', '质量很好', '有点失望', '超出预期', '还可以', '会回购'];
const jaComments = ['生地がとても柔らかいです', 'サイズはぴったりでした', '色が写真と少し違います', '着心地が良くて毎日着ています',
  '値段の割に品質が良い', '少し大きめなので一つ下のサイズがおすすめ', '洗濯しても縮みませんでした', '配送が早かったです'];
const jaTitles = ['満足です', 'おすすめ', 'まあまあ', 'リピートします', '少し残念'];
const authorsEn = ['Anna K.', 'Maria', 'Jess', 'L. Chen', 'Sophie', 'Rachel P.', 'Emma', 'Kate W.', 'Olivia', 'Grace'];
const authorsZh = ['王女士', '小李', '张三', '陈小姐', '刘', '赵敏'];
const authorsJa = ['さくら', '佐藤', 'ゆき', '田中'];
const topics = ['fit', 'fabric', 'color', 'quality', 'sizing', 'shipping'];

const pick = (random, list) => list[Math.floor(random() * list.length)];
const iso = (seconds) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/**
 * Snapshot JSON for `count` reviews of one product (fixed seed per count).
 * @returns {string}
 */
export function snapshotJson(count, english, { seed = 20261123, product = 'bench-dress' } = {}) {
  const random = seededRandom(seed ^ count);
  const newest = Date.UTC(2026, 10, 1) / 1000;
  const span = 3 * 365 * 86400;
  const lines = [];
  for (let i = 0; i < count; i++) {
    const kind = random();
    const created = newest - Math.floor(random() * span);
    let review;
    if (kind < 0.7) {
      const source = english[Math.floor(random() * english.length)];
      review = { title: source.title, body: source.body, rating: source.rating, author: pick(random, authorsEn), language: 'en', recommends: source.recommends };
    } else if (kind < 0.9) {
      const parts = [];
      const n = 1 + Math.floor(random() * 4);
      for (let k = 0; k < n; k++) parts.push(pick(random, zhOpeners) + pick(random, zhComments));
      review = { title: pick(random, zhTitles), body: parts.join('，') + '。', rating: 1 + Math.floor(random() * 5), author: pick(random, authorsZh), language: 'zh-CN', recommends: random() < 0.7 };
    } else {
      const parts = [];
      const n = 1 + Math.floor(random() * 3);
      for (let k = 0; k < n; k++) parts.push(pick(random, jaComments));
      review = { title: pick(random, jaTitles), body: parts.join('。') + '。', rating: 1 + Math.floor(random() * 5), author: pick(random, authorsJa), language: 'ja', recommends: random() < 0.7 };
    }
    const media = random() < 0.08 ? [{ kind: 'photo', url: `https://cdn.example/r${i}.jpg`, width: 800, height: 1000 }] : [];
    const topicList = random() < 0.4 ? [pick(random, topics)] : [];
    lines.push(JSON.stringify({
      id: `r${i}`,
      rating: review.rating,
      title: review.title,
      body: review.body,
      author: review.author,
      created: iso(created),
      language: review.language,
      verification: random() < 0.6 ? 'verified_purchase' : 'unverified_web',
      recommends: review.recommends,
      helpful_up: random() < 0.3 ? Math.floor(random() * 40) : 0,
      helpful_down: random() < 0.1 ? Math.floor(random() * 5) : 0,
      media,
      aspects: random() < 0.3 ? [{ name: 'fit', value: 1 + Math.floor(random() * 5) }] : [],
      featured: random() < 0.002,
      topics: topicList,
    }));
  }
  const head = { format: 'vouch.snapshot', version: 1, product: { id: product, name: 'Bench linen dress', url: '', image: '' } };
  return `${JSON.stringify(head).slice(0, -1)},"reviews":[\n${lines.join(',\n')}\n]}\n`;
}
