// The owner console at /admin/ with no flag: where vouch-server finds its files
// (config console_dir, $VOUCH_CONSOLE_DIR, dist/admin above the executable,
// <exe_dir>/../share/vouch/admin), the log line saying which, and the headers
// of what it serves (CSP, no framing, no CORS, no-cache for index.html).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { serverBinary } from './support/server.mjs';

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; " +
  "connect-src 'self'; font-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const work = mkdtempSync(join(tmpdir(), 'vouch-console-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** A console folder holding an index.html that names it, and a script. */
function consoleFolder(path, marker) {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'index.html'), `<!doctype html><title>${marker}</title>`);
  writeFileSync(join(path, 'console.js'), `// ${marker}\n`);
  return path;
}

/** The binary at `path` (hard link, else a copy): /proc/self/exe then names `path`. */
function placeBinary(path) {
  mkdirSync(dirname(path), { recursive: true });
  try {
    linkSync(serverBinary, path);
  } catch {
    copyFileSync(serverBinary, path);
  }
  return path;
}

async function serve({ binary = serverBinary, config = {}, env = {} } = {}) {
  const dir = mkdtempSync(join(work, 'run-'));
  writeFileSync(join(dir, 'vouch.json'), JSON.stringify({ admin_token: 'console-test-token-0123456789', ...config }));
  const environment = { ...process.env, ...env };
  if (!('VOUCH_CONSOLE_DIR' in env)) delete environment.VOUCH_CONSOLE_DIR;
  const child = spawn(binary, ['serve', '--db', join(dir, 'db.sqlite'), '--config', join(dir, 'vouch.json'),
    '--host', '127.0.0.1', '--port', '0', '--mount', `/dist/=${dir}`], { env: environment, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start:\n${log}`)), 20000);
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const match = log.match(/listening on http:\/\/127\.0\.0\.1:(\d+)\n/);
      if (match) { clearTimeout(timer); resolve(Number(match[1])); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`exited ${code}:\n${log}`)); });
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    log: () => log,
    get: (path, headers = {}) => fetch(base + path, { headers, redirect: 'manual' }),
    stop: () => new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGKILL'); }),
  };
}

test('config console_dir: /admin redirects to /admin/, which serves index.html with the console headers', async () => {
  const dir = consoleFolder(join(work, 'configured'), 'configured console');
  const server = await serve({ config: { console_dir: dir } });
  try {
    assert.match(server.log(), new RegExp(`owner console at /admin/ from ${dir} \\(config console_dir\\)`));
    const redirect = await server.get('/admin');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('location'), '/admin/');
    const page = await server.get('/admin/', { Origin: 'https://elsewhere.example' });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /configured console/);
    assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(page.headers.get('content-security-policy'), CSP);
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    assert.equal(page.headers.get('access-control-allow-origin'), null, 'no CORS on the console');
    const script = await server.get('/admin/console.js');
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(script.headers.get('content-security-policy'), CSP);
    assert.equal(script.headers.get('access-control-allow-origin'), null);
    assert.equal((await server.get('/admin/missing.js')).status, 404);
  } finally {
    await server.stop();
  }
});

test('a configured console_dir without index.html is reported, not replaced by another', async () => {
  const server = await serve({ config: { console_dir: join(work, 'nothing-here') }, env: { VOUCH_CONSOLE_DIR: consoleFolder(join(work, 'env-unused'), 'env') } });
  try {
    assert.match(server.log(), /owner console not available: config console_dir: .*nothing-here\/index\.html is missing/);
    assert.equal((await server.get('/admin/')).status, 404);
    assert.equal((await server.get('/admin')).status, 404);
  } finally {
    await server.stop();
  }
});

test('VOUCH_CONSOLE_DIR when the config names none', async () => {
  const dir = consoleFolder(join(work, 'from-env'), 'env console');
  const server = await serve({ env: { VOUCH_CONSOLE_DIR: dir } });
  try {
    assert.match(server.log(), /owner console at \/admin\/ from .*from-env \(VOUCH_CONSOLE_DIR\)/);
    assert.match(await (await server.get('/admin/')).text(), /env console/);
  } finally {
    await server.stop();
  }
});

test('dist/admin found by walking up from a build tree inside a checkout', async () => {
  const checkout = join(work, 'checkout');
  consoleFolder(join(checkout, 'dist', 'admin'), 'checkout console');
  const binary = placeBinary(join(checkout, 'build', 'native', 'src', 'server', 'vouch-server'));
  const server = await serve({ binary });
  try {
    assert.match(server.log(), /owner console at \/admin\/ from .*checkout\/dist\/admin \(build tree\)/);
    assert.match(await (await server.get('/admin/')).text(), /checkout console/);
  } finally {
    await server.stop();
  }
});

test('an installed binary finds ../share/vouch/admin; with nothing anywhere the log says so', async () => {
  const prefix = join(work, 'prefix');
  consoleFolder(join(prefix, 'share', 'vouch', 'admin'), 'installed console');
  const server = await serve({ binary: placeBinary(join(prefix, 'bin', 'vouch-server')) });
  try {
    assert.match(server.log(), /owner console at \/admin\/ from .*prefix\/bin\/\.\.\/share\/vouch\/admin \(installed share\/vouch\/admin\)/);
    assert.match(await (await server.get('/admin/')).text(), /installed console/);
  } finally {
    await server.stop();
  }
  const bare = await serve({ binary: placeBinary(join(work, 'bare', 'bin', 'vouch-server')) });
  try {
    assert.match(bare.log(), /owner console not available: no dist\/admin\/index\.html near .*bare\/bin \(run npm run build\)/);
    assert.equal((await bare.get('/admin/')).status, 404);
  } finally {
    await bare.stop();
  }
});
