'use strict';
// The package against a running sandbox (TypeScriptClientIT starts it and runs this file):
// BAKONGPAY_URL, BAKONG_SIMULATOR_URL, BAKONGPAY_PRO_KEY, BAKONGPAY_FREE_KEY (3 calls an hour).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { BakongPay, AuthenticationError, RateLimitError, ValidationError } = require('..');

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const baseUrl = env('BAKONGPAY_URL');
const pro = new BakongPay({ baseUrl, apiKey: env('BAKONGPAY_PRO_KEY') });
const coffee = (amount) => ({ amount, currency: 'USD', merchantName: 'Coffee Corner', bakongId: 'coffee@aclb', description: 'Order #1001' });

/** The customer pays in the simulator's bank app, through its control API. */
async function pay(qr) {
  const paid = await fetch(`${env('BAKONG_SIMULATOR_URL')}/simulator/payments`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ qr }),
  });
  assert.equal(paid.status, 201, await paid.text());
}

test('a payment from create to lookup', async () => {
  const created = await pro.create(coffee(1.5), { idempotencyKey: 'order-1001' });
  const again = await pro.create(coffee(1.5), { idempotencyKey: 'order-1001' });
  assert.equal(again.transactionId, created.transactionId, 'the same Idempotency-Key answers the same payment');
  assert.equal((await pro.checkMd5(created.md5)).status, 'PENDING');

  await pay(created.qrString);

  const paid = await pro.checkMd5(created.md5);
  assert.equal(paid.status, 'SUCCESS');
  assert.equal(paid.transaction.amount, 1.5);
  for (const [type, query] of [['transactionId', created.transactionId], ['md5', created.md5], ['hash', paid.transaction.hash]]) {
    const found = await pro.lookup(query, type);
    assert.equal(found.transactionId, created.transactionId, `by ${type}`);
    assert.equal(found.status, 'SUCCESS');
    assert.equal(found.description, 'Order #1001');
  }

  const pending = (await pro.create(coffee(2))).md5;
  const bulk = await pro.checkBulk([created.md5, pending]);
  assert.equal(bulk.total, 2);
  assert.equal(bulk.results[created.md5].status, 'SUCCESS');
  assert.equal(bulk.results[pending].status, 'PENDING');
});

test('renders PNG and SVG', async () => {
  const { qrString } = await pro.create(coffee(3));

  const png = await pro.generateQr({ qrString, size: 200, format: 'png' });
  const svg = await pro.generateQr({ qrString, format: 'svg' });

  assert.equal(png.mimeType, 'image/png');
  const image = Buffer.from(png.qrImage.slice('data:image/png;base64,'.length), 'base64');
  assert.deepEqual([...image.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.equal(svg.mimeType, 'image/svg+xml');
  assert.ok(svg.qrImage.startsWith('data:image/svg+xml'), svg.qrImage.slice(0, 40));
});

test('errors are typed: 422, 401, 429', async () => {
  const invalid = await pro.create(coffee(0)).catch((e) => e);
  assert.ok(invalid instanceof ValidationError, String(invalid));
  assert.ok(invalid.details.some((d) => d.field === 'amount'));
  assert.ok(invalid.requestId);

  const refused = await new BakongPay({ baseUrl, apiKey: 'bk_test_not_a_key_000' }).create(coffee(1)).catch((e) => e);
  assert.ok(refused instanceof AuthenticationError, String(refused));
  assert.equal(refused.code, 'invalid_api_key');

  // the FREE key's allowance is 3 an hour: its Retry-After is longer than the client waits by itself
  const free = new BakongPay({ baseUrl, apiKey: env('BAKONGPAY_FREE_KEY') });
  let limited;
  for (let i = 0; i < 10 && !limited; i++) {
    limited = await free.create(coffee(1)).then(() => undefined, (e) => e);
  }
  assert.ok(limited instanceof RateLimitError, String(limited));
  assert.equal(limited.code, 'rate_limit_exceeded');
  assert.ok(limited.retryAfterMs > 0);
});
