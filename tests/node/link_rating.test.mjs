// ?vouch_rating= (a review-request mail's star link, docs/review-requests.md):
// web/src/data.js linkRating() is the one reader; exactly "1".."5" counts, any
// other value (naughty strings, look-alike digits, numbers in other spellings)
// is 0, so the form is not opened by a hostile or broken link.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { linkRating } from '../../web/src/data.js';
import { sharedDataOrSkip } from './support/core.mjs';

/** linkRating() as the page at `href` sees it. */
function ratingAt(href) {
  const saved = globalThis.window;
  globalThis.window = { location: { href } };
  try {
    return linkRating();
  } finally {
    globalThis.window = saved;
  }
}

const page = 'https://shop.example/products/mug?review_token=abc.def';
const withValue = (value) => `${page}&vouch_rating=${encodeURIComponent(value)}`;

test('1..5 are read, with or without the token, percent-encoded or not', () => {
  for (let n = 1; n <= 5; n += 1) {
    assert.equal(ratingAt(withValue(String(n))), n);
    assert.equal(ratingAt(`https://shop.example/p?vouch_rating=${n}`), n);
    assert.equal(ratingAt(`https://shop.example/p?vouch_rating=%3${n}#reviews`), n);
  }
  // The first value counts when the link repeats the parameter (URLSearchParams.get).
  assert.equal(ratingAt(`${page}&vouch_rating=2&vouch_rating=9`), 2);
});

test('no parameter and every other value are 0', () => {
  assert.equal(ratingAt(page), 0);
  assert.equal(ratingAt('https://shop.example/p#vouch_rating=4'), 0); // a fragment is not a query
  const hostile = ['', '0', '6', '9', '10', '45', '-1', '+4', '4.0', '4.', '.4', '4e0', '0x4', ' 4', '4 ', '\t4', '4\n',
    '04', '٤', '４', '𝟒', 'four', 'NaN', 'Infinity', 'true', 'null', 'undefined', '[4]', '{"n":4}', '4\u0000', '\u202e4',
    'javascript:alert(1)', '"><img src=x onerror=alert(1)>', '4"]', "4'], input[name=body", '4\\', '%34', '%%34'];
  for (const value of hostile) assert.equal(ratingAt(withValue(value)), 0, JSON.stringify(value));
  assert.equal(ratingAt(`${page}&vouch_rating=${'5'.repeat(100000)}`), 0);
  assert.equal(ratingAt(`${page}&vouch_rating=%E0%A4%A`), 0); // broken percent-encoding
});

test('the naughty strings corpus as vouch_rating is 0 (but the plain digits 1..5)', (t) => {
  const path = sharedDataOrSkip(t, 'conformance/naughty_strings/blns.json');
  if (!path) return;
  const strings = JSON.parse(readFileSync(path, 'utf8')).filter((s) => typeof s === 'string');
  assert.ok(strings.length > 400, `${strings.length} naughty strings`);
  for (const value of strings) {
    const expected = /^[1-5]$/.test(value) ? Number(value) : 0;
    assert.equal(ratingAt(withValue(value)), expected, JSON.stringify(value));
  }
});
