'use strict';
// The webhook verifier against the vectors every SDK shares, made by the server's Java signer.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { checkWebhook, verifyWebhook } = require('..');

const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'webhook-signature-vectors.json'), 'utf8'));

for (const c of vectors.cases) {
  test(`vector ${c.name}: ${c.expected}`, () => {
    const options = { now: vectors.now, toleranceSeconds: vectors.tolerance_seconds };
    assert.equal(checkWebhook(c.secret, c.header, Buffer.from(c.body, 'utf8'), options), c.expected);
    assert.equal(verifyWebhook(c.secret, c.header, c.body, options), c.valid);
  });
}

test('a missing header is malformed', () => {
  assert.equal(checkWebhook('whsec_test_secret', undefined, '{}'), 'malformed');
});
