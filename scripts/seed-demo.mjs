// Seeds the demo database once, through vouch-server's own importer (so every
// row passes the core's validator like any store's import would). What goes
// in: scripts/demo-data/build-seed.mjs (real clothing reviews from ../shared
// when present, reviews written for the demo in six languages, generated
// reviews up to 20,000 for the capsule box). A second start keeps everything
// (the marker var/seeded), including what shoppers submitted meanwhile.
//
//   node scripts/seed-demo.mjs [--port 8080]   seeds var/vouch.db unless already seeded
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib/run.mjs';
import { buildSeed, topUp } from './demo-data/build-seed.mjs';
import { reviewPhotoSvg } from './gen-demo-images.mjs';

// Overridable so a second checkout or a test can run beside the real demo.
export const varDir = process.env.VOUCH_VAR_DIR || join(root, 'var');
export const serverBinary = process.env.VOUCH_SERVER_BINARY || join(root, 'build', 'native', 'src', 'server', 'vouch-server');
export const demoDatabase = join(varDir, 'vouch.db');
export const demoConfig = join(varDir, 'vouch.json');
/** Review photos of the seed, served by `npm start` at /demo-photos/. */
export const demoPhotos = join(varDir, 'demo-photos');
const seededMarker = join(varDir, 'seeded');

const clothingCsv = join(root, '..', 'shared', 'data', 'reviews', 'en_womens_clothing_ecommerce_reviews.first20000.csv');

/**
 * Writes the demo's vouch.json once (random admin token and HMAC secret, by
 * `vouch-server init-config`), holding every shopper review for moderation
 * (`"moderation": "all"`) so the demo shows the whole path: submitted,
 * pending, approved by the admin, published.
 */
export function ensureDemoConfig({ binary = serverBinary, config = demoConfig } = {}) {
  if (existsSync(config)) return;
  const made = spawnSync(binary, ['init-config', config, '--store-name', 'Fern & Thread'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (made.status !== 0) throw new Error(`seed: vouch-server init-config failed (${made.status})`);
  const settings = JSON.parse(readFileSync(config, 'utf8'));
  settings.moderation = 'all';
  writeFileSync(config, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
}

/**
 * Imports the demo reviews once. `photoBase` must be the absolute URL the
 * photos will be served from (snapshots accept only absolute http(s) media URLs).
 * @returns {{ seeded: boolean, imported?: number }}
 */
export function seedDemo({
  binary = serverBinary, db = demoDatabase, config = demoConfig, dir = varDir,
  photoBase = 'http://localhost:8080/demo-photos', log = console.log,
} = {}) {
  const marker = join(dir, 'seeded');
  if (existsSync(marker)) return { seeded: false };
  const shared = existsSync(clothingCsv);
  if (shared) {
    log('seed: real reviews from ../shared/data/reviews (Women\'s E-Commerce Clothing Reviews, Kaggle, CC0)');
  } else {
    log(`seed: ${clothingCsv} not present (a clone without ../shared): seeding from the committed`);
    log('      multilingual demo reviews and generated English reviews instead');
  }
  const now = Math.floor(Date.now() / 1000);
  const seed = buildSeed({ clothingCsv: shared ? clothingCsv : null, photoBase, now });
  const photoDir = join(dir, 'demo-photos');
  mkdirSync(photoDir, { recursive: true });
  for (const photo of seed.photos) writeFileSync(join(photoDir, photo.file), reviewPhotoSvg(photo.product, photo.seed));
  const file = join(dir, 'demo-seed.json');
  writeFileSync(file, JSON.stringify({ format: 'vouch-export', version: 1, reviews: seed.reviews }));
  log(`seed: importing ${seed.reviews.length} reviews (${seed.realRows} real, ${seed.reviews.length - seed.realRows - seed.generated} written for the demo, ${seed.generated} generated); once, takes a while`);
  const run = (path) => {
    const result = spawnSync(binary, ['import', '--db', db, '--config', config, '--format', 'vouch-json', '--partial', path], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const lines = (result.stdout || '').trim().split('\n');
    const summary = lines.pop();
    if (result.status !== 0) throw new Error(`seed: import failed (${result.status}): ${lines.slice(-5).join('\n')}\n${summary}`);
    // Refused rows and rows kept as pending for a moderator (they wait in the
    // moderation queue) are both topped up; a row kept with a note is published.
    const refused = lines.filter((line) => !/: row \d+: kept the review/.test(line)).map((line) => Number((line.match(/: row (\d+)/) || [])[1])).filter(Boolean);
    for (const line of lines.slice(0, 3)) log(`seed: refused ${line.slice(line.indexOf('row'))}`);
    return { summary, refused, imported: Number((summary.match(/(\d+) imported/) || [])[1] || 0) };
  };
  const first = run(file);
  log(`seed: ${first.summary}`);
  let imported = first.imported;
  // Refused rows (e.g. real reviews containing links) are replaced by generated
  // ones so the capsule box shows exactly its target count.
  const extra = topUp(seed, first.refused, now);
  if (extra.length) {
    const extraFile = join(dir, 'demo-seed-top-up.json');
    writeFileSync(extraFile, JSON.stringify({ format: 'vouch-export', version: 1, reviews: extra }));
    const second = run(extraFile);
    log(`seed: top-up: ${second.summary}`);
    imported += second.imported;
  }
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return { seeded: true, imported };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--port');
  const port = at > 0 ? Number(process.argv[at + 1]) : Number(process.env.PORT || 8080);
  seedDemo({ photoBase: `http://localhost:${port}/demo-photos` });
}
