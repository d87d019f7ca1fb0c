// `vouch-server orders import` as a command (docs/review-requests.md,
// "Importing past orders"): the built binary on a CSV file with good and
// hostile rows prints one line per problem (file, line, column, why) and the
// summary last; exit status 2 when something was refused, 0 when not, 1 for a
// file it cannot read; --dry-run and --strict write nothing; the served API
// then lists the imported orders (source "import").
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { adminToken, serverBinary, startServer } from './support/server.mjs';

const HEADER = 'order_id,fulfilled_at,customer_name,customer_email,customer_locale,product,product_name,product_url,product_image';

// One timestamp for every row: the rows of one order must agree on
// fulfilled_at, and taking the clock per row split order 1001 whenever a
// second ticked between its two rows (CI failed on that once).
const when = new Date(Date.now() - 86400000).toISOString().replace(/\.\d+Z$/, 'Z');

function row(id, email, product, name = 'Mug') {
  return [id, when, 'Mia', email, 'de-CH', product, name, `https://shop.example/products/${product}`, ''].map((f) => `"${f.replaceAll('"', '""')}"`).join(',');
}

function importOrders(dir, file, ...flags) {
  const result = spawnSync(serverBinary, ['orders', 'import', '--db', join(dir, 'vouch.db'), ...flags, file], { encoding: 'utf8', timeout: 60000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

test('orders import: per-row errors with line and column, the summary, exit codes, dry run and strict', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vouch-orders-'));
  try {
    const file = join(dir, 'orders.csv');
    writeFileSync(file, `\uFEFF${[HEADER, row('1001', 'mia@example.com', 'mug'), row('1001', 'mia@example.com', 'plate', 'Plate, "24 cm"'), row('1002', 'not-an-address', 'mug'), row('1003', 'li@example.com', 'mug', '=cmd|"/c calc"!A1'), '1004,x'].join('\r\n')}\r\n`);

    const dry = importOrders(dir, file, '--dry-run');
    assert.equal(dry.code, 2, dry.err);
    assert.match(dry.out, /orders\.csv: line 4, column customer_email: customer\.email: not an address mail can go to \(invalid\)\n/);
    assert.match(dry.out, /orders\.csv: line 6: the row has 2 fields, the header 9 \(field_count\)\n/);
    assert.match(dry.out, /5 rows, 4 orders: 2 would import \(2 with a review request scheduled\), 0 already known, 2 refused — dry run, nothing written\n$/);

    const strict = importOrders(dir, file, '--strict');
    assert.equal(strict.code, 2);
    assert.match(strict.out, /--strict: nothing written/);

    const first = importOrders(dir, file);
    assert.equal(first.code, 2);
    assert.match(first.out, /5 rows, 4 orders: 2 imported \(2 with a review request scheduled\), 0 already known, 2 refused\n$/);
    const again = importOrders(dir, file);
    assert.match(again.out, /2 already known/);

    const good = join(dir, 'good.csv');
    writeFileSync(good, `${HEADER}\n${row('2001', 'bo@example.com', 'mug')}\n`);
    assert.equal(importOrders(dir, good).code, 0);
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, `${HEADER},coupon\n`);
    const refused = importOrders(dir, broken);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /broken\.csv: line 1, column 10: unknown column "coupon".*\(nothing imported\)/);
    assert.equal(importOrders(dir, join(dir, 'missing.csv')).code, 1);

    // The served API sees them: what was stored dry-run and strict did not double.
    const server = await startServer({ dir });
    try {
      const listed = await (await fetch(`http://127.0.0.1:${server.port}/api/v1/admin/orders`, { headers: { Authorization: `Bearer ${adminToken}` } })).json();
      assert.deepEqual(listed.orders.map((o) => o.order_id).sort(), ['1001', '1003', '2001']);
      const mug = listed.orders.find((o) => o.order_id === '1001');
      assert.equal(mug.source, 'import');
      assert.equal(mug.customer.locale, 'de');
      assert.deepEqual(mug.items.map((i) => i.name), ['Mug', 'Plate, "24 cm"']);
      assert.equal(listed.orders.find((o) => o.order_id === '1003').items[0].name, '=cmd|"/c calc"!A1');
    } finally {
      await server.kill();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
