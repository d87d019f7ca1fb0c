// Limits on the request head and body, and message framing per RFC 9112 §6
// (issue #13 A2, A6, B5): refused before the body is read, with the API's
// JSON error shape, and the server keeps answering.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { exchange, get, head } from './support/raw_http.mjs';
import { adminToken, startServer } from './support/server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

async function stillServing() {
  const health = await get(server.port, '/api/v1/health', {}, 5000);
  assert.equal(health.status, 200);
}

function errorCode(response) {
  return JSON.parse(response.body).error.code;
}

test('too many header fields -> 431', async () => {
  const headers = {};
  for (let i = 0; i < 300; i += 1) headers[`X-Field-${i}`] = 'v';
  const result = await exchange(server.port, head('GET', '/api/v1/health', headers), { timeoutMs: 5000 });
  assert.equal(result.responses[0]?.status, 431);
  assert.equal(errorCode(result.responses[0]), 'header_fields_too_large');
  await stillServing();
});

test('too many header bytes in a few fields -> 431', async () => {
  const headers = { 'X-Big-1': 'a'.repeat(9000), 'X-Big-2': 'b'.repeat(9000) };
  const result = await exchange(server.port, head('GET', '/api/v1/health', headers), { timeoutMs: 5000 });
  assert.equal(result.responses[0]?.status, 431);
  await stillServing();
});

test('a megabyte of headers is refused without being kept', async () => {
  const headers = {};
  for (let i = 0; i < 1024; i += 1) headers[`X-Flood-${i}`] = 'f'.repeat(1000);
  const result = await exchange(server.port, head('GET', '/api/v1/health', headers), { timeoutMs: 5000 });
  assert.ok(result.responses.length === 1 || result.closed, 'answered or closed, never served');
  if (result.responses.length) assert.equal(result.responses[0].status, 431);
  await stillServing();
});

test('two different Content-Lengths -> 400', async () => {
  const request = 'POST /api/v1/reviews/r1/votes HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
    'Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 40\r\n\r\n{}';
  const result = await exchange(server.port, request, { timeoutMs: 5000 });
  assert.equal(result.responses[0]?.status, 400);
  assert.equal(errorCode(result.responses[0]), 'bad_framing');
});

test('an unknown transfer coding or chunked not last -> 400/501 at once', async () => {
  const cases = [['xchunked', 400], ['chunked, gzip', 400], ['gzip, chunked', 501], ['chunked, chunked', 400]];
  for (const [coding, status] of cases) {
    const request = `POST /api/v1/reviews/r1/votes HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
      `Content-Type: application/json\r\nTransfer-Encoding: ${coding}\r\n\r\n`;
    const result = await exchange(server.port, request, { timeoutMs: 5000 });
    assert.equal(result.timedOut, false, `${coding}: answered without waiting`);
    assert.equal(result.responses[0]?.status, status, coding);
  }
});

test('Content-Length with Transfer-Encoding -> 400 (request smuggling)', async () => {
  const request = 'POST /api/v1/reviews/r1/votes HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
    'Content-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n';
  const result = await exchange(server.port, request, { timeoutMs: 5000 });
  assert.equal(result.responses[0]?.status, 400);
});

test('a declared 100 MiB body -> 413 before any of it is sent', async () => {
  const request = head('POST', '/api/v1/admin/import?format=auto', {
    Authorization: `Bearer ${adminToken}`, 'Content-Type': 'text/csv', 'Content-Length': String(100 * 1024 * 1024),
  });
  // Only the head goes out: a server that reads the body first never answers.
  const result = await exchange(server.port, request, { timeoutMs: 5000 });
  assert.equal(result.responses[0]?.status, 413);
  assert.equal(errorCode(result.responses[0]), 'payload_too_large');
  assert.match(result.responses[0].headers.connection ?? '', /close/i);
});

test('each route its own limit: a 5,000-byte vote is refused from its Content-Length', async () => {
  const request = head('POST', '/api/v1/reviews/r1/votes', {
    'Content-Type': 'application/json', 'Content-Length': '5000',
  });
  const result = await exchange(server.port, request, { timeoutMs: 5000 });
  assert.equal(result.responses[0]?.status, 413);
});

test('each route its own limit: a chunked vote is cut off once it passes 4 KiB', async () => {
  const chunk = 'x'.repeat(1024);
  let body = '';
  for (let i = 0; i < 8; i += 1) body += `${chunk.length.toString(16)}\r\n${chunk}\r\n`;
  // No final chunk: the server must not wait for the end to refuse.
  const request = head('POST', '/api/v1/reviews/r1/votes', {
    'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked',
  }) + body;
  const result = await exchange(server.port, request, { timeoutMs: 5000 });
  assert.equal(result.timedOut, false, 'refused while reading');
  if (result.responses.length) assert.equal(result.responses[0].status, 413);
  await stillServing();
});

test('a chunked body within the limit is read and handled', async () => {
  const json = JSON.stringify({ vote: 'up', visitor: 'visitor-12345' });
  const request = head('POST', '/api/v1/reviews/r1/votes', {
    'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', Connection: 'close',
  }) + `${json.length.toString(16)}\r\n${json}\r\n0\r\n\r\n`;
  const result = await exchange(server.port, request, { timeoutMs: 5000 });
  // The review does not exist: the body was parsed and the route answered.
  assert.equal(result.responses[0]?.status, 404);
});

test('an undocumented method on a known path -> 405 with Allow', async () => {
  const result = await exchange(server.port, head('PUT', '/api/v1/health', { 'Content-Length': '0', Connection: 'close' }), { timeoutMs: 5000 });
  assert.equal(result.responses[0]?.status, 405);
  assert.match(result.responses[0].headers.allow, /GET/);
  assert.equal(errorCode(result.responses[0]), 'method_not_allowed');
  const unknown = await get(server.port, '/api/v1/nothing-here');
  assert.equal(unknown.status, 404);
});

test('an HTTP/1.1 request without Host -> 400 (RFC 9112 §3.2)', async () => {
  const result = await exchange(server.port, 'GET /api/v1/health HTTP/1.1\r\nConnection: close\r\n\r\n', { timeoutMs: 5000 });
  assert.equal(result.responses[0]?.status, 400);
});
