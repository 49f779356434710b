'use strict';
// The hand-written layer against a scripted HTTP server: what goes out, and what a caller gets back.
const { test, beforeEach, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const { BakongPay, AuthenticationError, BakongPayError, RateLimitError, ValidationError } = require('..');

const CREATED = {
  success: true,
  data: {
    transactionId: '3f1c0f0e-8a53-4a55-9a57-7e0e0f5b0c11', qrString: '000201', qrImage: 'data:image/png;base64,AA==',
    md5: 'a1b2c3d4e5f67890a1b2c3d4e5f67890', deepLink: 'bakong://pay',
    checkoutUrl: 'http://127.0.0.1/pay/3f1c0f0e-8a53-4a55-9a57-7e0e0f5b0c11', expiresAt: '2026-06-02T14:00:00Z',
  },
};
const RATE_LIMITED = { success: false, error: { code: 'rate_limit_exceeded', message: 'Rate limit exceeded', details: [] } };

let server;
let script;
let seen;
let waits;

beforeEach(async () => {
  script = [];
  seen = [];
  waits = [];
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      const answer = script.shift();
      const headers = { 'Content-Type': 'application/json', 'X-Request-Id': `req-${seen.length}` };
      if (answer.retryAfter) headers['Retry-After'] = answer.retryAfter;
      res.writeHead(answer.status, headers);
      res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterEach(() => new Promise((resolve) => server.close(resolve)));

function client() {
  return new BakongPay({
    baseUrl: `http://127.0.0.1:${server.address().port}/`,
    apiKey: 'bk_test_abc12345',
    sleep: async (ms) => { waits.push(ms); },
  });
}

const coffee = { amount: 1.5, merchantName: 'Coffee Corner', bakongId: 'coffee@aclb' };

test('sends the key and the Idempotency-Key and answers the data', async () => {
  script.push({ status: 200, body: CREATED });

  const created = await client().create(coffee, { idempotencyKey: 'order-1001' });

  assert.equal(created.md5, 'a1b2c3d4e5f67890a1b2c3d4e5f67890');
  assert.equal(seen[0].headers.authorization, 'Bearer bk_test_abc12345');
  assert.equal(seen[0].headers['idempotency-key'], 'order-1001');
  assert.deepEqual(JSON.parse(seen[0].body), coffee);
});

test('a 422 is a ValidationError with the envelope and the request id', async () => {
  const details = [{ field: 'amount', code: 'invalid_value', message: 'must be greater than 0' }];
  script.push({ status: 422, body: { success: false, error: { code: 'validation_failed', message: 'amount: must be greater than 0', details } } });

  const e = await client().create({ ...coffee, amount: 0 }).catch((x) => x);

  assert.ok(e instanceof ValidationError);
  assert.ok(e instanceof BakongPayError);
  assert.equal(e.status, 422);
  assert.equal(e.code, 'validation_failed');
  assert.equal(e.message, 'amount: must be greater than 0');
  assert.deepEqual(e.details, details);
  assert.equal(e.requestId, 'req-1');
});

test('a 401 is an AuthenticationError', async () => {
  script.push({ status: 401, body: { success: false, error: { code: 'invalid_api_key', message: 'Unknown key', details: [] } } });

  const e = await client().checkMd5('a1').catch((x) => x);

  assert.ok(e instanceof AuthenticationError);
  assert.equal(e.code, 'invalid_api_key');
});

test('a 429 is retried after Retry-After, seconds or a date, then answers', async () => {
  script.push({ status: 429, body: RATE_LIMITED, retryAfter: '2' });
  script.push({ status: 429, body: RATE_LIMITED, retryAfter: new Date(Date.now() + 5_000).toUTCString() });
  script.push({ status: 200, body: CREATED });

  const created = await client().create(coffee, { idempotencyKey: 'order-7' });

  assert.equal(created.transactionId, '3f1c0f0e-8a53-4a55-9a57-7e0e0f5b0c11');
  assert.equal(waits[0], 2000);
  assert.equal(waits.length, 2);
  assert.ok(waits[1] > 3000 && waits[1] <= 5000, `waited ${waits[1]} ms for a date 5 s ahead`);
  assert.deepEqual(seen.map((s) => s.headers['idempotency-key']), ['order-7', 'order-7', 'order-7']);
});

test('retries are bounded, then the 429 is thrown', async () => {
  for (let i = 0; i < 5; i++) script.push({ status: 429, body: RATE_LIMITED, retryAfter: '1' });

  const e = await client().checkMd5('a1').catch((x) => x);

  assert.ok(e instanceof RateLimitError);
  assert.equal(seen.length, 3);
  assert.equal(e.retryAfterMs, 1000);
});

test('a wait longer than allowed is thrown at once', async () => {
  script.push({ status: 429, body: RATE_LIMITED, retryAfter: '1800' });

  const e = await client().checkMd5('a1').catch((x) => x);

  assert.ok(e instanceof RateLimitError);
  assert.equal(seen.length, 1);
  assert.deepEqual(waits, []);
  assert.equal(e.retryAfterMs, 1_800_000);
});

test('an answer without the envelope keeps its status', async () => {
  script.push({ status: 502, body: '<html>Bad gateway</html>' });

  const e = await client().checkMd5('a1').catch((x) => x);

  assert.ok(e instanceof BakongPayError);
  assert.equal(e.status, 502);
  assert.equal(e.code, 'http_502');
});
