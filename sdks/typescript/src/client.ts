import {
  BulkResult,
  CheckResult,
  Configuration,
  CreateRequest,
  CreateResult,
  LookupRequestTypeEnum,
  PaymentsApi,
  QRApi,
  QrGenerateRequest,
  QrGenerateResult,
  ResponseError,
  Transaction,
} from './generated';
import { errorFrom, retryAfterMs } from './errors';

export interface BakongPayOptions {
  /** The server, e.g. `http://127.0.0.1:8080` (without `/api/v1`). */
  baseUrl: string;
  /** `bk_test_…` (sandbox and simulator) or `bk_live_…`. */
  apiKey: string;
  /** How many times a 429 is retried after its `Retry-After` (default 2; 0 turns retries off). */
  maxRetries?: number;
  /** The longest `Retry-After` waited out by the client, in ms (default 10 000); a longer one is thrown. */
  maxRetryWaitMs?: number;
  /** The fetch to use (default: the global one of Node 18+). */
  fetch?: typeof fetch;
  /** Waits between retries (tests pass one that records instead of sleeping). */
  sleep?: (ms: number) => Promise<void>;
}

export interface CreateOptions {
  /** Same key and body again: the first payment is answered again instead of a second one (other body: 409). */
  idempotencyKey?: string;
}

/**
 * The BakongPay API. Each method resolves to the `data` of a successful answer or rejects with a
 * `BakongPayError` (`AuthenticationError`, `ValidationError`, `RateLimitError` for 401, 422, 429).
 */
export class BakongPay {
  /** The generated APIs underneath (same key and retries; their errors are not converted). */
  readonly payments: PaymentsApi;
  readonly qr: QRApi;

  constructor(options: BakongPayOptions) {
    const baseFetch = options.fetch ?? fetch;
    const maxRetries = options.maxRetries ?? 2;
    const maxWait = options.maxRetryWaitMs ?? 10_000;
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    // the generated code sends string bodies, so a request can be sent again as it is
    const retryingFetch: typeof fetch = async (input, init) => {
      for (let attempt = 0; ; attempt++) {
        const response = await baseFetch(input, init);
        if (response.status !== 429 || attempt >= maxRetries) return response;
        const wait = retryAfterMs(response.headers.get('Retry-After')) ?? 1000;
        if (wait > maxWait) return response;
        await response.body?.cancel();
        await sleep(wait);
      }
    };
    const configuration = new Configuration({
      basePath: options.baseUrl.replace(/\/+$/, '') + '/api/v1',
      accessToken: options.apiKey,
      fetchApi: retryingFetch,
    });
    this.payments = new PaymentsApi(configuration);
    this.qr = new QRApi(configuration);
  }

  /** Creates a KHQR payment, stored PENDING. */
  create(request: CreateRequest, options: CreateOptions = {}): Promise<CreateResult> {
    return typed(async () => (await this.payments.createKhqr({ createRequest: request, idempotencyKey: options.idempotencyKey })).data);
  }

  /** The payment's status (`PENDING`, `SUCCESS`, `FAILED`, `EXPIRED`), asking Bakong while it is pending. */
  checkMd5(md5: string): Promise<CheckResult> {
    return typed(async () => (await this.payments.checkMd5({ md5Request: { md5 } })).data);
  }

  /** Up to 50 statuses in one call (PRO and ENTERPRISE plans; else 403 `plan_upgrade_required`). */
  checkBulk(md5s: string[]): Promise<BulkResult> {
    return typed(async () => (await this.payments.checkBulk({ bulkRequest: { md5s } })).data);
  }

  /** The stored transaction, found by its transaction id (default), md5 or Bakong's payment hash. */
  lookup(query: string, type: LookupRequestTypeEnum = 'transactionId'): Promise<Transaction> {
    return typed(async () => (await this.payments.lookupTransaction({ lookupRequest: { query, type } })).data);
  }

  /** A PNG or SVG of any valid KHQR, as a data URL in `qrImage`. */
  generateQr(request: QrGenerateRequest): Promise<QrGenerateResult> {
    return typed(async () => (await this.qr.generateQr({ qrGenerateRequest: request })).data);
  }
}

async function typed<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (e instanceof ResponseError) throw await errorFrom(e.response);
    throw e;
  }
}
