// Raw HTTP/1.1 over a TCP socket: the bytes a hostile or careless client sends,
// exactly, and the responses parsed back out of the byte stream (so pipelined
// answers can be counted). Every wait is bounded.
import { connect } from 'node:net';

/** Opens a socket to 127.0.0.1:port; resolves once connected. */
export function openSocket(port) {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * Parses as many complete responses as `buffer` holds. Each:
 * { status, headers (lower-case names, arrays joined by ', '), body: Buffer }.
 * Bodies are delimited by Content-Length (or none for 1xx/204/304/HEAD).
 */
export function parseResponses(buffer, { head = false } = {}) {
  const responses = [];
  let at = 0;
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n', at);
    if (end < 0) break;
    const lines = buffer.subarray(at, end).toString('latin1').split('\r\n');
    const status = Number(lines[0].split(' ')[1]);
    const headers = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    let bodyStart = end + 4;
    if (status >= 100 && status < 200) { at = bodyStart; continue; }
    const length = head || status === 204 || status === 304 ? 0 : Number(headers['content-length'] ?? 0);
    if (headers['transfer-encoding']) throw new Error('chunked responses are not expected here');
    if (buffer.length < bodyStart + length) break;
    responses.push({ status, headers, body: buffer.subarray(bodyStart, bodyStart + length) });
    at = bodyStart + length;
  }
  return { responses, rest: buffer.subarray(at) };
}

/**
 * Writes `request` (string or Buffer) and collects bytes until `count`
 * responses parsed, the peer closed, or `timeoutMs` passed. Resolves
 * { responses, closed, timedOut, raw }.
 */
export function exchange(port, request, { count = 1, timeoutMs = 10000, socket, head = false } = {}) {
  return new Promise(async (resolve, reject) => {
    let sock;
    try {
      sock = socket ?? await openSocket(port);
    } catch (error) {
      reject(error);
      return;
    }
    let raw = Buffer.alloc(0);
    let done = false;
    const finish = (result) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.off('data', onData);
      if (!socket) sock.destroy();
      resolve({ ...result, raw });
    };
    const onData = (chunk) => {
      raw = Buffer.concat([raw, chunk]);
      const { responses } = parseResponses(raw, { head });
      if (responses.length >= count) finish({ responses, closed: false, timedOut: false });
    };
    const timer = setTimeout(() => finish({ ...parseResponses(raw, { head }), closed: false, timedOut: true }), timeoutMs);
    sock.on('data', onData);
    sock.once('close', () => finish({ ...parseResponses(raw, { head }), closed: true, timedOut: false }));
    sock.once('error', () => {});
    if (request.length) sock.write(request);
  });
}

/** One GET with a fresh connection; resolves the parsed response or throws on timeout. */
export async function get(port, path, headers = {}, timeoutMs = 10000) {
  const lines = Object.entries({ Host: '127.0.0.1', Connection: 'close', ...headers })
    .map(([name, value]) => `${name}: ${value}\r\n`).join('');
  const result = await exchange(port, `GET ${path} HTTP/1.1\r\n${lines}\r\n`, { timeoutMs });
  if (!result.responses.length) throw new Error(`no answer to GET ${path} within ${timeoutMs} ms`);
  return result.responses[0];
}

/** A request head from its parts (no body). */
export function head(method, path, headers = {}) {
  const lines = Object.entries({ Host: '127.0.0.1', ...headers })
    .map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return `${method} ${path} HTTP/1.1\r\n${lines}\r\n`;
}
