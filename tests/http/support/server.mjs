// A real vouch-server for the HTTP tier: the built binary (or $VOUCH_SERVER_BIN,
// to run these tests against another build) on a free loopback port, with a
// temporary database, config and mounted directory; killed on stop().
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const serverBinary =
  process.env.VOUCH_SERVER_BIN ?? join(root, 'build', 'native', 'src', 'server', 'vouch-server');
export const adminToken = 'http-tier-admin-token-0123456789';

/**
 * Starts a server. `files` = { 'name': Buffer|string } written under the
 * mounted directory (served at /dist/); `config` merges into the config file.
 * `dir`: reuse the directory (and database) of an earlier, killed server.
 */
export async function startServer({ files = {}, config = {}, args = [], dir: reuse = '' } = {}) {
  const dir = reuse || mkdtempSync(join(tmpdir(), 'vouch-http-'));
  const mount = join(dir, 'dist');
  mkdirSync(mount, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(mount, name)), { recursive: true });
    writeFileSync(join(mount, name), bytes);
  }
  writeFileSync(join(dir, 'secret.txt'), 'not for the web');
  const configPath = join(dir, 'vouch.json');
  writeFileSync(configPath, JSON.stringify({
    admin_token: adminToken,
    hmac_secret: 'http-tier-hmac-secret-0123456789abcdef0123',
    moderation: 'none',
    upload_dir: 'uploads',
    limits: { submissions_per_ip: 100000, submissions_per_product: 100000 },
    ...config,
  }));
  const child = spawn(serverBinary, ['serve', '--db', join(dir, 'vouch.db'), '--config', configPath,
    '--port', '0', '--host', '127.0.0.1', '--mount', `/dist/=${mount}`, ...args],
  { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 20000);
    const check = () => {
      const match = log.match(/listening on http:\/\/127\.0\.0\.1:(\d+)\n/);
      if (match) {
        clearTimeout(timer);
        child.stderr.off('data', check);
        resolve(Number(match[1]));
      }
    };
    child.stderr.on('data', check);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${log}`)); });
  });
  return {
    port, dir, mount, child,
    log: () => log,
    /** SIGKILL (no clean-up at all); the directory stays for a restart. */
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a CLI command of the binary; resolves { code, stderr } (bounded). */
export function runBinary(args, timeoutMs = 20000) {
  return new Promise((resolve) => {
    const child = spawn(serverBinary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stderr }); });
  });
}

/** `method` on /api/v1/admin/`path` with the tier's admin token: { status, body (parsed JSON) }. */
export async function adminJson(server, method, path, body) {
  const response = await fetch(`http://127.0.0.1:${server.port}/api/v1/admin/${path}`, {
    method,
    headers: { Authorization: `Bearer ${adminToken}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json() };
}

/** Polls `check` every 100 ms until it returns a truthy value (no timing assertion: the bound only ends a hung test). */
export async function until(check, what, limitMs = 120000) {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > limitMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
