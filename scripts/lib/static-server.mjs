// A minimal static file server for the demo and the browser tests, until the
// review server serves them. Serves .wasm as application/wasm (streaming
// compilation requires it) and lets a caller add headers per path (CSP tests).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.bin': 'application/octet-stream',
};

/**
 * @param {object} options
 * @param {Record<string, string>} options.mounts URL prefix -> folder, e.g. { '/dist/': 'dist', '/': 'demo' }
 * @param {(path: string) => Record<string, string>} [options.headersFor] extra headers per URL path
 * @param {number} [options.port] 0 picks a free port
 * @param {string} [options.host]
 * @returns {Promise<{ server: import('node:http').Server, url: string, close: () => Promise<void> }>}
 */
export async function startStaticServer({ mounts, headersFor = () => ({}), port = 0, host = '127.0.0.1' }) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const prefix = prefixes.find((candidate) => path.startsWith(candidate));
    let file = prefix === undefined ? null : normalize(join(mounts[prefix], path.slice(prefix.length)));
    if (file && (file.endsWith(sep) || !extname(file))) file = join(file, 'index.html');
    const insideMount = file && prefix !== undefined && file.startsWith(normalize(mounts[prefix]));
    try {
      if (!insideMount || !['GET', 'HEAD'].includes(request.method)) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': CONTENT_TYPES[extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-cache',
        ...headersFor(path),
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('not found\n');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const url = `http://${host}:${server.address().port}`;
  return { server, url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
