// docs/openapi.yaml against the server itself: every operation has an
// operationId and a security requirement (public ones `security: []`), and on
// every documented path the documented methods are routed while every other
// method gets 405 with an Allow header naming the documented ones.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, root } from './support/server.mjs';
import { exchange, head } from './support/raw_http.mjs';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * The operations of the document's `paths`, read by indentation (the file is
 * written in the two-space block style this reader expects; a line it cannot
 * place fails the test instead of being skipped).
 */
function readOperations(text) {
  const operations = [];
  let inPaths = false;
  let path = null;
  let operation = null;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) {
      inPaths = line === 'paths:';
      continue;
    }
    if (!inPaths || line.trim() === '' || line.trim().startsWith('#')) continue;
    const pathMatch = line.match(/^ {2}(\/\S*):$/);
    if (pathMatch) {
      path = pathMatch[1];
      operation = null;
      continue;
    }
    const methodMatch = line.match(/^ {4}([a-z]+):$/);
    if (methodMatch && methodMatch[1] === 'parameters') {
      operation = null; // path-level parameters (OpenAPI 3), shared by the path's operations
      continue;
    }
    if (methodMatch) {
      assert.ok(path, `method outside a path: ${line}`);
      assert.ok(METHODS.includes(methodMatch[1]), `unknown method key ${methodMatch[1]} under ${path}`);
      operation = { path, method: methodMatch[1], keys: new Map() };
      operations.push(operation);
      continue;
    }
    const keyMatch = line.match(/^ {6}([A-Za-z]+):\s*(.*)$/);
    if (keyMatch && operation) operation.keys.set(keyMatch[1], keyMatch[2]);
  }
  return operations;
}

const operations = readOperations(readFileSync(join(root, 'docs', 'openapi.yaml'), 'utf8'));
let server;

// --test-clock: the documented test-only route exists (docs/api.md "Test clock").
before(async () => { server = await startServer({ args: ['--test-clock'] }); });
after(async () => { await server?.stop(); });

test('every operation has a unique operationId and says who may call it', () => {
  assert.ok(operations.length >= 20, `read ${operations.length} operations`);
  const ids = operations.map((op) => op.keys.get('operationId'));
  for (const op of operations) {
    assert.ok(op.keys.get('operationId'), `${op.method} ${op.path}: no operationId`);
    const admin = op.path.startsWith('/api/v1/admin/');
    const security = op.keys.get('security');
    if (admin) assert.notEqual(security?.replace(/\s*#.*$/, ''), '[]', `${op.method} ${op.path}: an admin route marked public`);
    else assert.equal(security?.replace(/\s*#.*$/, ''), '[]', `${op.method} ${op.path}: a public route without security: []`);
  }
  assert.equal(new Set(ids).size, ids.length, 'operationIds repeat');
});

test('documented methods are routed; every other method on a documented path is 405 with Allow', async () => {
  const byPath = new Map();
  for (const op of operations) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op.method]);
  for (const [path, documented] of byPath) {
    const target = path.replace(/\{[^}]+\}/g, 'x1');
    for (const method of METHODS) {
      const body = method === 'get' || method === 'delete' ? '' : '{}';
      const request = head(method.toUpperCase(), target, {
        'Content-Type': 'application/json', 'Content-Length': String(body.length), Connection: 'close',
      }) + body;
      const { responses, raw } = await exchange(server.port, request, { timeoutMs: 10000 });
      const answer = responses[0];
      assert.ok(answer, `${method} ${target}: no answer\n${raw}`);
      if (documented.includes(method)) {
        assert.notEqual(answer.status, 405, `${method} ${target} is documented but not routed`);
        assert.notEqual(answer.status, 501, `${method} ${target} is documented but not implemented`);
      } else {
        assert.equal(answer.status, 405, `${method} ${target} is not documented: expected 405, got ${answer.status}`);
        const allow = (answer.headers.allow ?? '').toLowerCase();
        for (const m of documented) assert.ok(allow.includes(m), `${method} ${target}: Allow "${allow}" lacks ${m}`);
      }
    }
  }
});
