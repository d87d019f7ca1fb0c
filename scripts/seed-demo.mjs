// Seeds the demo database once, through vouch-server's own importer (so every
// row passes the core's validator like any store's import would). What goes
// in: scripts/demo-data/build-seed.mjs (the real clothing reviews committed in
// scripts/demo-data/clothing-reviews.csv.br, reviews written for the demo in
// six languages, generated reviews up to 20,000 for the capsule box). It
// reads nothing outside the repository: every clone seeds the store CI tests. A second start keeps everything
// (the marker var/seeded), including what shoppers submitted meanwhile. The
// questions and answers: scripts/demo-data/seed-questions.mjs (own marker).
//
//   node scripts/seed-demo.mjs [--port 8080]   seeds var/vouch.db unless already seeded
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoRequests } from './lib/demo-requests.mjs';
import { root } from './lib/run.mjs';
import { buildSeed, topUp } from './demo-data/build-seed.mjs';
import { seedDemoQuestions } from './demo-data/seed-questions.mjs';
import { reviewPhotoSvg } from './gen-demo-images.mjs';

// Overridable so a second checkout or a test can run beside the real demo.
export const varDir = process.env.VOUCH_VAR_DIR || join(root, 'var');
export const serverBinary = process.env.VOUCH_SERVER_BINARY || join(root, 'build', 'native', 'src', 'server', 'vouch-server');
export const demoDatabase = join(varDir, 'vouch.db');
export const demoConfig = join(varDir, 'vouch.json');
/** Review photos of the seed, served by `npm start` at /demo-photos/. */
export const demoPhotos = join(varDir, 'demo-photos');
const seededMarker = join(varDir, 'seeded');
/** The demo owner's login for the console at /admin/ (name, then password), mode 0600. */
export const demoOwnerFile = join(varDir, 'demo-owner.txt');
export const demoOwnerName = 'owner';

/**
 * Writes the demo's vouch.json once (random admin token and HMAC secret, by
 * `vouch-server init-config`; `publicUrl` is where shoppers reach the server,
 * the base of uploaded photos' URLs), holding every shopper review for moderation
 * (`"moderation": "all"`) so the demo shows the whole path: submitted,
 * pending, approved by the admin, published.
 */
/** The demo's mail goes to the loopback relay `npm start` runs (scripts/lib/smtp-relay.mjs). */
export const demoMail = {
  smtp_url: `smtp://127.0.0.1:${Number(process.env.MAIL_PORT || 2525)}`,
  starttls: 'off',
  from: 'reviews@fern-and-thread.example',
  from_name: 'Fern & Thread',
};

export function ensureDemoConfig({ binary = serverBinary, config = demoConfig, publicUrl = 'http://localhost:8080' } = {}) {
  if (existsSync(config)) {
    // Configs written before photo URLs needed public_url (shoppers' photos would be
    // refused), before the outbox (no mail would go out) or before review requests
    // (the demo mails at once, scripts/lib/demo-requests.mjs): add what is missing.
    const settings = JSON.parse(readFileSync(config, 'utf8'));
    if (settings.public_url && settings.mail && settings.requests) return;
    settings.public_url ||= publicUrl;
    settings.mail ||= demoMail;
    settings.requests ||= demoRequests;
    writeFileSync(config, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
    return;
  }
  const made = spawnSync(binary, ['init-config', config, '--store-name', 'Fern & Thread', '--public-url', publicUrl], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (made.status !== 0) throw new Error(`seed: vouch-server init-config failed (${made.status})`);
  const settings = JSON.parse(readFileSync(config, 'utf8'));
  settings.moderation = 'all';
  settings.mail = demoMail;
  settings.requests = demoRequests;
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
  // The questions have their own marker: a var/ seeded before them gets them once.
  const questions = () => seedDemoQuestions({ binary, db, config, dir, log });
  if (existsSync(marker)) return { seeded: false, questions: questions() };
  log('seed: real reviews from scripts/demo-data/clothing-reviews.csv.br (Women\'s E-Commerce Clothing Reviews, Kaggle, CC0)');
  const now = Math.floor(Date.now() / 1000);
  const seed = buildSeed({ photoBase, now });
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
    for (const line of lines.slice(0, 3)) log(`seed: refused ${line.slice(line.indexOf('row'))}`);
    return { summary, imported: Number((summary.match(/(\d+) imported/) || [])[1] || 0) };
  };
  const first = run(file);
  log(`seed: ${first.summary}`);
  let imported = first.imported;
  // Rows the importer refused or held for moderation (e.g. real reviews with
  // links) are made up by generated ones, so the capsule box shows exactly its
  // target count of published reviews: counted from what was stored, whatever
  // the importer's rules.
  const extra = topUp(seed, publishedCounts(binary, db, dir), now);
  if (extra.length) {
    const extraFile = join(dir, 'demo-seed-top-up.json');
    writeFileSync(extraFile, JSON.stringify({ format: 'vouch-export', version: 1, reviews: extra }));
    const second = run(extraFile);
    log(`seed: top-up: ${second.summary}`);
    imported += second.imported;
  }
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return { seeded: true, imported, questions: questions() };
}

/**
 * Creates the demo owner once with `vouch-server user add` (the password goes
 * in on stdin, never on the command line) and keeps the login in
 * var/demo-owner.txt beside the admin token. Returns { name, password }.
 */
export function ensureDemoOwner({ binary = serverBinary, db = demoDatabase, config = demoConfig, file = demoOwnerFile } = {}) {
  if (existsSync(file)) {
    const [name, password] = readFileSync(file, 'utf8').split('\n');
    return { name, password };
  }
  const password = randomBytes(15).toString('base64url');
  const made = spawnSync(binary, ['user', 'add', demoOwnerName, '--role', 'owner', '--db', db, '--config', config],
    { input: `${password}\n`, stdio: ['pipe', 'ignore', 'pipe'], encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`seed: vouch-server user add ${demoOwnerName} failed (${made.status}): ${made.stderr}`);
  writeFileSync(file, `${demoOwnerName}\n${password}\n`, { mode: 0o600 });
  return { name: demoOwnerName, password };
}

/** Published reviews per product in `db`, read from the server's own static export. */
function publishedCounts(binary, db, dir) {
  const out = join(dir, 'demo-seed-count');
  rmSync(out, { recursive: true, force: true });
  const result = spawnSync(binary, ['export', '--db', db, '--static', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`seed: export --static failed (${result.status})`);
  const { summaries } = JSON.parse(readFileSync(join(out, 'summaries.json'), 'utf8'));
  rmSync(out, { recursive: true, force: true });
  return Object.fromEntries(Object.entries(summaries).map(([id, summary]) => [id, summary.count]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--port');
  const port = at > 0 ? Number(process.argv[at + 1]) : Number(process.env.PORT || 8080);
  seedDemo({ photoBase: `http://localhost:${port}/demo-photos` });
  ensureDemoOwner();
}
