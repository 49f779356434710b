export { BakongPay, BakongPayOptions, CreateOptions } from './client';
export { AuthenticationError, BakongPayError, ErrorDetail, RateLimitError, ValidationError } from './errors';
export { checkWebhook, verifyWebhook, EVENT_ID_HEADER, SIGNATURE_HEADER, WebhookCheckOptions, WebhookVerdict } from './webhook';
// the generated models (CreateRequest, CreateResult, CheckResult, Transaction…) and APIs
export * from './generated';
