/** One entry of `error.details`: a field and what is wrong with it. */
export interface ErrorDetail {
  field: string;
  code: string;
  message: string;
}

/**
 * An error answer of the API: the HTTP status and the error envelope
 * `{"success": false, "error": {"code", "message", "details"}}`, with the answer's `X-Request-Id`.
 */
export class BakongPayError extends Error {
  override name = 'BakongPayError';

  constructor(
    /** 400, 401, 403, 404, 409, 413, 415, 422, 429, 502, 504… */
    readonly status: number,
    /** `error.code`: `validation_failed`, `invalid_api_key`, `rate_limit_exceeded`… */
    readonly code: string,
    message: string,
    /** `error.details`: one entry per field for a 422, else empty. */
    readonly details: ErrorDetail[],
    /** The answer's `X-Request-Id`, to quote when asking the server's operator. */
    readonly requestId?: string,
  ) {
    super(message);
  }
}

/** 401: the API key is missing, unknown, revoked or expired (`code` says which). */
export class AuthenticationError extends BakongPayError {
  override name = 'AuthenticationError';
}

/** 422: a field is wrong; `details` names each field and rule. */
export class ValidationError extends BakongPayError {
  override name = 'ValidationError';
}

/** 429: the key's plan allows no more requests now; thrown once the client's retries are spent. */
export class RateLimitError extends BakongPayError {
  override name = 'RateLimitError';

  constructor(
    code: string,
    message: string,
    details: ErrorDetail[],
    requestId: string | undefined,
    /** The answer's `Retry-After`, in milliseconds, when it had one. */
    readonly retryAfterMs: number | undefined,
  ) {
    super(429, code, message, details, requestId);
  }
}

/** `Retry-After` as delay-seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, nowMs: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** The typed error for a non-2xx answer, read from its body (which may not be the envelope). */
export async function errorFrom(response: Response): Promise<BakongPayError> {
  const requestId = response.headers.get('X-Request-Id') ?? undefined;
  let code = `http_${response.status}`;
  let message = `HTTP ${response.status} without the API's error envelope`;
  let details: ErrorDetail[] = [];
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; details?: ErrorDetail[] } };
    if (body?.error?.code) {
      code = body.error.code;
      message = body.error.message ?? message;
      details = body.error.details ?? [];
    }
  } catch {
    // not JSON (a proxy's page, say): the status alone is what is known
  }
  switch (response.status) {
    case 401:
      return new AuthenticationError(401, code, message, details, requestId);
    case 422:
      return new ValidationError(422, code, message, details, requestId);
    case 429:
      return new RateLimitError(code, message, details, requestId, retryAfterMs(response.headers.get('Retry-After')));
    default:
      return new BakongPayError(response.status, code, message, details, requestId);
  }
}
