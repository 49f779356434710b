import { createHmac, timingSafeEqual } from 'crypto';

/** The header BakongPay signs webhooks with: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
export const SIGNATURE_HEADER = 'BakongPay-Signature';
/** The event id to dedupe deliveries by (the same on every retry). */
export const EVENT_ID_HEADER = 'BakongPay-Event-Id';

/** The outcome of a check: `stale` is further than the tolerance from now; `mismatch` another secret or a changed body. */
export type WebhookVerdict = 'valid' | 'malformed' | 'stale' | 'mismatch';

export interface WebhookCheckOptions {
  /** Now, in Unix seconds (default: the clock). */
  now?: number;
  /** How far the signed time may be from now, in seconds (default 300). */
  toleranceSeconds?: number;
}

/**
 * Checks a webhook's signature over its **raw** body (as received, before any JSON parsing); several
 * `v1` are allowed (secret rotation), one matching is enough.
 */
export function checkWebhook(
  secret: string,
  signatureHeader: string | null | undefined,
  rawBody: Buffer | string,
  options: WebhookCheckOptions = {},
): WebhookVerdict {
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? 300;
  let timestamp: string | undefined;
  const signatures: string[] = [];
  for (const part of (signatureHeader ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') timestamp = value;
    else if (key === 'v1') signatures.push(value);
  }
  if (timestamp === undefined || !/^\d{1,15}$/.test(timestamp) || signatures.length === 0) return 'malformed';
  if (!signatures.every((s) => /^(?:[0-9a-fA-F]{2})+$/.test(s))) return 'malformed';
  if (Math.abs(now - Number(timestamp)) > tolerance) return 'stale';
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  let matched = false;
  for (const s of signatures) {
    const candidate = Buffer.from(s, 'hex');
    // constant time, and every candidate is compared
    matched = (candidate.length === expected.length && timingSafeEqual(candidate, expected)) || matched;
  }
  return matched ? 'valid' : 'mismatch';
}

/** Whether the webhook is genuine and signed within the tolerance (default 5 minutes) of now. */
export function verifyWebhook(
  secret: string,
  signatureHeader: string | null | undefined,
  rawBody: Buffer | string,
  options: WebhookCheckOptions = {},
): boolean {
  return checkWebhook(secret, signatureHeader, rawBody, options) === 'valid';
}
