// A real vouch-server as a child process on a free loopback port, for the tests,
// the docs check and the benchmarks (one place, so they all find the binary,
// pick ports and wait for readiness the same way).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where a built vouch-server may be: $VOUCH_SERVER, the lead's tree, the engineers' trees. */
export const SERVER_CANDIDATES = [
  process.env.VOUCH_SERVER,
  join(root, 'build/native/src/server/vouch-server'),
  join(root, 'build/demo-native/src/server/vouch-server'),
  join(root, 'build/server-native/src/server/vouch-server'),
].filter(Boolean);

/** The first built vouch-server of SERVER_CANDIDATES, or undefined. */
export function findServerBinary() {
  return SERVER_CANDIDATES.find((path) => existsSync(path));
}

/** A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it). */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** Polls `url` until it answers 2xx (about 10 s), then returns that response. */
export async function waitForOk(url, headers = {}) {
  for (let i = 0; i < 100; i += 1) {
    try {
      const response = await fetch(url, { headers });
      if (response.ok) return response;
    } catch {
      // not listening yet
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  throw new Error(`${url} did not answer`);
}

/**
 * Starts `binary serve --host 127.0.0.1 --port <port> ...args` and waits for
 * /api/v1/health. `port` defaults to a free one (pass your own when the URL
 * must be known earlier, e.g. for seeded photo URLs). stdio defaults to
 * 'ignore' because the server logs every request.
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, port: number, url: string, stop: () => void }>}
 */
export async function startVouchServer({ binary, args = [], port, stdio = 'ignore' }) {
  const chosenPort = port ?? (await freePort());
  const url = `http://127.0.0.1:${chosenPort}`;
  const child = spawn(binary, ['serve', '--host', '127.0.0.1', '--port', String(chosenPort), ...args], { stdio });
  const stop = () => child.kill('SIGTERM');
  try {
    await waitForOk(`${url}/api/v1/health`);
  } catch (error) {
    stop(); // else the child keeps the test process alive after the failure
    throw new Error(`vouch-server did not answer on ${url}`, { cause: error });
  }
  return { child, port: chosenPort, url, stop };
}
