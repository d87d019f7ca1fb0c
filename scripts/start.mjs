// `npm start`: runs vouch-server on http://localhost:8080 (PORT overrides) with
// the demo store at /, the widget bundle at /dist/, the owner console at
// /admin/ (found by vouch-server itself in dist/admin) and the API at /api/v1/.
// First start: writes var/vouch.json (random admin token and HMAC secret) and
// seeds var/vouch.db once and creates the demo owner (scripts/seed-demo.mjs).
// The demo's e-mail goes to a loopback SMTP relay run here (no external relay
// needed): each mail is logged, kept as var/mail/<time>-N.eml, and shown with
// its text on the console's Outbox page. var/ is gitignored.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib/run.mjs';
import { startRelay } from './lib/smtp-relay.mjs';
import { demoConfig, demoDatabase, demoPhotos, ensureDemoConfig, ensureDemoOwner, seedDemo, serverBinary, varDir } from './seed-demo.mjs';

const port = Number(process.env.PORT || 8080);
if (!existsSync(serverBinary)) {
  console.error(`start: ${serverBinary} is missing; run npm run build`);
  process.exit(1);
}
mkdirSync(varDir, { recursive: true });
ensureDemoConfig({ publicUrl: `http://localhost:${port}` });
// Photo URLs in snapshots are absolute: they name the port of the first start.
seedDemo({ photoBase: `http://localhost:${port}/demo-photos` });
mkdirSync(demoPhotos, { recursive: true });
const owner = ensureDemoOwner();

const config = JSON.parse(readFileSync(demoConfig, 'utf8'));
// The demo mailbox: the relay the config's loopback smtp_url names.
const loopback = /^smtp:\/\/127\.0\.0\.1:(\d+)$/.exec(config.mail?.smtp_url || '');
let relay = null;
if (loopback) {
  try {
    relay = await startRelay({ port: Number(loopback[1]), dir: join(varDir, 'mail'), onMessage: (m, file) => console.log(`mail: to ${m.to.join(', ')}: ${m.subject} (${file})`) });
  } catch (error) {
    console.error(`start: the demo mailbox could not listen on 127.0.0.1:${loopback[1]} (${error.code || error.message}); set MAIL_PORT and remove "mail" from var/vouch.json to pick another port`);
  }
}
const server = spawn(
  serverBinary,
  ['serve', '--db', demoDatabase, '--config', demoConfig, '--port', String(port), '--host', '0.0.0.0',
    '--mount', `/dist/=${join(root, 'dist')}`, '--mount', `/demo-photos/=${demoPhotos}`, '--mount', `/=${join(root, 'demo')}`],
  { stdio: 'inherit' },
);
console.log(`Vouch demo store:     http://localhost:${port}/`);
console.log(`  20,000 reviews:     http://localhost:${port}/products/capsule-wardrobe-box.html`);
console.log(`Developer playground: http://localhost:${port}/playground.html`);
console.log(`Owner console:        http://localhost:${port}/admin/`);
console.log(`  demo owner login:   ${owner.name} / ${owner.password}   (var/demo-owner.txt)`);
console.log(`Admin API token (var/vouch.json, for scripts): ${config.admin_token}`);
if (relay) console.log(`Demo mailbox:         var/mail/*.eml and the console's Outbox page (relay on 127.0.0.1:${relay.port})`);
if (relay) console.log('  review requests:    the console\'s Review requests page, "Send a test order" (mailed at once)');
console.log('Press Ctrl+C to stop.');
// Ctrl+C reaches the whole process group; a plain `kill` of this script is forwarded.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.kill('SIGTERM'));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
