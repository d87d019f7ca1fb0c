// The store-owner docs cannot rot: every ```sh block of the pages below is run
// in order (one bash session per page, like a reader following along) in an
// empty folder with vouch-server on the PATH, against a real server on a free
// loopback port (the docs' 8080 is replaced). Each block must exit 0; the
// page's own expectations are asserted on the output. The Node signing
// snippet is run and its token must verify a review; the PHP one too when
// `php` is installed. The webhook page's Node receiver and shell check run
// against real deliveries of a real server.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { root } from './support/core.mjs';
import { findServerBinary, freePort, startVouchServer } from '../../scripts/lib/server-process.mjs';

const serverBinary = findServerBinary();

/** Fenced blocks of one language, in document order. */
export function fencedBlocks(markdown, language) {
  const blocks = [];
  const pattern = /^```([\w-]*)\n([\s\S]*?)^```$/gm;
  for (let match = pattern.exec(markdown); match; match = pattern.exec(markdown)) {
    if (match[1] === language) blocks.push(match[2]);
  }
  return blocks;
}

/** Runs the page's sh blocks in one bash; returns the output of each block. */
function runPage(page, dir, port) {
  const blocks = fencedBlocks(readFileSync(join(root, 'docs', page), 'utf8'), 'sh');
  assert.ok(blocks.length > 0, `${page} has no sh blocks`);
  const separator = '@@@vouch-docs-block@@@';
  const script = [
    'set -eo pipefail',
    // Background servers started by the page end with it.
    "trap 'jobs -p | xargs -r kill 2>/dev/null; wait 2>/dev/null; true' EXIT",
    ...blocks.map((block) => `${block.replaceAll('localhost:8080', `127.0.0.1:${port}`).replaceAll('--port 8080', `--port ${port}`)}\necho; echo ${separator}`),
  ].join('\n');
  const result = spawnSync('bash', ['-c', script], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${dirname(serverBinary)}:${process.env.PATH}` },
    timeout: 120000,
  });
  assert.equal(result.status, 0, `${page}: a block failed:\n${result.stdout}\n${result.stderr}`);
  const outputs = result.stdout.split(separator).map((s) => s.trim());
  assert.equal(outputs.length - 1, blocks.length, `${page}: not every block ran`);
  return outputs;
}

test('docs/quickstart.md: every shell command works as written', { skip: !serverBinary && 'vouch-server not built' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vouch-docs-'));
  const port = await freePort();
  const out = runPage('quickstart.md', dir, port);
  assert.match(out[0], /"ok":\s*true/);
  assert.match(out[1], /"sku-123"/);
  assert.match(out[2], /^https:\/\/myshop\.example\/products\/sku-123\?review_token=[\w-]+\.[\w-]+$/m);
  assert.match(out[3], /"verified":\s*true/, 'the shell-signed token verifies the review');
  assert.match(out[4], /"reviews"/);
  assert.match(out[4], /"entries"/);
});

test('docs/static-hosting.md: the import + static export example works', { skip: !serverBinary && 'vouch-server not built' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vouch-docs-static-'));
  const [out] = runPage('static-hosting.md', dir, await freePort());
  assert.match(out, /format judgeme: 2 rows, 2 imported, 0 skipped/);
  assert.match(out, /summaries\.json/);
  assert.match(out, /sku-123\.bin/);
  const summaries = JSON.parse(readFileSync(join(dir, 'site', 'summaries.json'), 'utf8'));
  assert.equal(summaries.summaries['sku-123'].count, 2);
});

test('docs/quickstart.md: the Node and PHP signing snippets make tokens the server accepts', { skip: !serverBinary && 'vouch-server not built' }, async (t) => {
  const markdown = readFileSync(join(root, 'docs', 'quickstart.md'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'vouch-docs-sign-'));
  spawnSync(serverBinary, ['init-config', join(dir, 'vouch.json')], { encoding: 'utf8' });
  const config = JSON.parse(readFileSync(join(dir, 'vouch.json'), 'utf8'));
  writeFileSync(join(dir, 'sign-review-link.mjs'), fencedBlocks(markdown, 'js')[0]);
  writeFileSync(join(dir, 'sign.php'), fencedBlocks(markdown, 'php')[0]);
  const env = { ...process.env, VOUCH_HMAC_SECRET: config.hmac_secret };
  const signers = [['node', ['sign-review-link.mjs', 'sku-node', '77']]];
  const php = spawnSync('php', ['--version']);
  if (php.status === 0) signers.push(['php', ['sign.php']]);
  else t.diagnostic('php is not installed: the PHP snippet was not run');

  const server = await startVouchServer({ binary: serverBinary, args: ['--db', join(dir, 'r.db'), '--config', join(dir, 'vouch.json')] });
  try {
    for (const [command, args] of signers) {
      const signed = spawnSync(command, args, { cwd: dir, env, encoding: 'utf8' });
      assert.equal(signed.status, 0, `${command}: ${signed.stderr}`);
      const token = signed.stdout.trim();
      assert.match(token, /^[\w-]+\.[\w-]+$/);
      const product = command === 'node' ? 'sku-node' : 'sku-123';
      const submit = () => fetch(`${server.url}/api/v1/products/${product}/reviews`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ rating: 4, title: 'Nice', body: `Signed by the ${command} snippet of the quick start.`, author: 'Docs Test', email: 'docs@example.com', consent: true, token }),
      }).then((r) => r.json());
      assert.equal((await submit()).verified, true, `${command} token verifies`);
      assert.equal((await submit()).verified, false, `${command} token is single-use`);
    }
  } finally {
    server.stop();
  }
});

test('docs/webhooks.md: the Node receiver and the shell check accept real deliveries and refuse forged, old and replayed ones', { skip: !serverBinary && 'vouch-server not built' }, async (t) => {
  const markdown = readFileSync(join(root, 'docs', 'webhooks.md'), 'utf8');
  const dir = mkdtempSync(join(tmpdir(), 'vouch-docs-webhooks-'));
  const [verifier, receiver] = fencedBlocks(markdown, 'js');
  writeFileSync(join(dir, 'verify-webhook.mjs'), verifier);
  writeFileSync(join(dir, 'receiver.mjs'), receiver);
  writeFileSync(join(dir, 'verify-webhook.sh'), fencedBlocks(markdown, 'sh')[0]);
  if (spawnSync('php', ['--version']).status !== 0) t.diagnostic('php is not installed: the PHP snippet was not run');
  const secret = 'docs-webhook-secret-0123456789abcdef01';
  writeFileSync(join(dir, 'secret.txt'), `${secret}\n`);

  // The page's receiver, as a reader would run it; and a capture endpoint for the shell check.
  const receiverPort = await freePort();
  const node = spawn('node', ['receiver.mjs'], { cwd: dir, env: { ...process.env, PORT: String(receiverPort), VOUCH_WEBHOOK_SECRET: secret }, stdio: ['ignore', 'pipe', 'inherit'] });
  let printed = '';
  node.stdout.on('data', (chunk) => { printed += chunk; });
  const captured = [];
  const capture = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => { captured.push({ header: req.headers['vouch-signature'], body: Buffer.concat(chunks).toString('utf8') }); res.writeHead(204).end(); });
  });
  await new Promise((resolve) => capture.listen(0, '127.0.0.1', resolve));
  writeFileSync(join(dir, 'vouch.json'), JSON.stringify({
    admin_token: 'docs-webhooks-admin-token-0123456789',
    webhooks: { endpoints: [
      { url: `http://127.0.0.1:${receiverPort}/vouch`, secret_file: 'secret.txt', events: ['review.created'] },
      { url: `http://127.0.0.1:${capture.address().port}/capture`, secret_file: 'secret.txt', events: ['review.created'] },
    ] },
  }));
  const server = await startVouchServer({ binary: serverBinary, args: ['--db', join(dir, 'w.db'), '--config', join(dir, 'vouch.json')] });
  try {
    const submitted = await fetch(`${server.url}/api/v1/products/sku-hook/reviews`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rating: 1, title: 'Too small', body: 'The jumper runs two sizes small; the wool itself is lovely and soft.', author: 'Docs Test', email: 'docs@example.com', consent: true }),
    });
    assert.equal(submitted.status, 201, await submitted.clone().text());
    for (let i = 0; i < 200 && !(captured.length && /review\.created/.test(printed)); i += 1) await new Promise((r) => setTimeout(r, 100));
    assert.match(printed, /^review\.created #\d+ evt_[0-9a-f]{32}$/m, 'the Node receiver accepted the delivery');
    assert.equal(captured.length, 1);

    const { header, body } = captured[0];
    writeFileSync(join(dir, 'body.json'), body);
    const check = (useSecret, useHeader, file = 'body.json') =>
      spawnSync('sh', ['verify-webhook.sh', useSecret, useHeader, file, 'seen.txt'], { cwd: dir, encoding: 'utf8' });
    const genuine = check(secret, header);
    assert.equal(genuine.status, 0, genuine.stderr);
    assert.match(genuine.stdout, /^genuine: evt_[0-9a-f]{32}$/m);
    const replay = check(secret, header);
    assert.notEqual(replay.status, 0);
    assert.match(replay.stderr, /replayed event id/);
    const forged = check('not-the-endpoint-secret-0123456789', header);
    assert.notEqual(forged.status, 0);
    assert.match(forged.stderr, /wrong signature/);
    writeFileSync(join(dir, 'tampered.json'), body.replace('two sizes', 'one size'));
    assert.match(check(secret, header, 'tampered.json').stderr, /wrong signature/);
    // Correctly signed, but ten minutes old: a recorded delivery replayed later.
    const old = Math.floor(Date.now() / 1000) - 600;
    const oldHeader = `t=${old},v1=${createHmac('sha256', secret).update(`${old}.${body}`).digest('hex')}`;
    const stale = check(secret, oldHeader);
    assert.notEqual(stale.status, 0);
    assert.match(stale.stderr, /timestamp too old/);
    assert.match(check(secret, 'v1=deadbeef').stderr, /malformed/);
  } finally {
    server.stop();
    node.kill();
    capture.close();
  }
});
