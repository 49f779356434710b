package dev.bakongpay.client;

import dev.bakongpay.client.generated.ApiClient;
import dev.bakongpay.client.generated.ApiException;
import dev.bakongpay.client.generated.api.PaymentsApi;
import dev.bakongpay.client.generated.api.QrApi;
import dev.bakongpay.client.generated.model.BulkRequest;
import dev.bakongpay.client.generated.model.BulkResult;
import dev.bakongpay.client.generated.model.CheckResult;
import dev.bakongpay.client.generated.model.CreateRequest;
import dev.bakongpay.client.generated.model.CreateResult;
import dev.bakongpay.client.generated.model.LookupRequest;
import dev.bakongpay.client.generated.model.Md5Request;
import dev.bakongpay.client.generated.model.QrGenerateRequest;
import dev.bakongpay.client.generated.model.QrGenerateResult;
import dev.bakongpay.client.generated.model.Transaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The BakongPay API over the JDK's {@link HttpClient}. Each method answers the {@code data} of a
 * successful answer (the generated models in {@code dev.bakongpay.client.generated.model}) or throws a
 * {@link BakongPayException}. A 429 is retried after the server's {@code Retry-After}, at most
 * {@link Builder#maxRetries} times and only when that wait is at most {@link Builder#maxRetryWait}.
 * Thread-safe; build one per API key and keep it.
 */
public final class BakongPayClient {
    /** Sleeps between retries; tests pass one that records the waits instead. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final ApiClient apiClient;
    private final PaymentsApi payments;
    private final QrApi qr;
    private final int maxRetries;
    private final Duration maxRetryWait;
    private final Sleeper sleeper;
    private final Clock clock;

    private BakongPayClient(Builder b) {
        this.apiClient = new ApiClient(b.httpClient, ApiClient.createDefaultObjectMapper(), b.baseUrl + "/api/v1");
        String authorization = "Bearer " + b.apiKey;
        apiClient.setRequestInterceptor(request -> request.header("Authorization", authorization));
        if (b.requestTimeout != null) apiClient.setReadTimeout(b.requestTimeout);
        this.payments = new PaymentsApi(apiClient);
        this.qr = new QrApi(apiClient);
        this.maxRetries = b.maxRetries;
        this.maxRetryWait = b.maxRetryWait;
        this.sleeper = b.sleeper;
        this.clock = b.clock;
    }

    /**
     * A client of the server at {@code baseUrl} (e.g. {@code http://127.0.0.1:8080}, without
     * {@code /api/v1}) that calls with {@code apiKey} ({@code bk_test_…} or {@code bk_live_…}).
     */
    public static Builder builder(String baseUrl, String apiKey) {
        return new Builder(baseUrl, apiKey);
    }

    /** Creates a KHQR payment, stored PENDING. */
    public CreateResult create(CreateRequest request) {
        return create(request, null);
    }

    /**
     * Creates a KHQR payment; sent again with the same {@code idempotencyKey} and body, the server
     * answers the first payment again instead of making a second one (another body: a 409).
     */
    public CreateResult create(CreateRequest request, String idempotencyKey) {
        return call(() -> payments.createKhqr(request, null, idempotencyKey).getData());
    }

    /** The payment's status ({@code PENDING}, {@code SUCCESS}, {@code FAILED}, {@code EXPIRED}), asking Bakong when pending. */
    public CheckResult checkMd5(String md5) {
        return call(() -> payments.checkMd5(new Md5Request().md5(md5), null).getData());
    }

    /** Up to 50 statuses in one call (PRO and ENTERPRISE plans; else a 403 {@code plan_upgrade_required}). */
    public BulkResult checkBulk(List<String> md5s) {
        return call(() -> payments.checkBulk(new BulkRequest().md5s(md5s), null).getData());
    }

    /** The stored transaction found by its transaction id, md5 or Bakong's payment hash. */
    public Transaction lookup(LookupRequest.TypeEnum by, String query) {
        return call(
                () -> payments.lookupTransaction(new LookupRequest().type(by).query(query), null)
                        .getData());
    }

    /** A PNG or SVG of any valid KHQR, as a data URL in {@link QrGenerateResult#getQrImage()}. */
    public QrGenerateResult generateQr(QrGenerateRequest request) {
        return call(() -> qr.generateQr(request, null).getData());
    }

    /** The generated client underneath (same key), for what the methods above do not cover. */
    public ApiClient apiClient() {
        return apiClient;
    }

    private interface Call<T> {
        T run() throws ApiException;
    }

    private <T> T call(Call<T> call) {
        for (int attempt = 0; ; attempt++) {
            BakongPayException error;
            try {
                return call.run();
            } catch (ApiException e) {
                if (e.getCode() == 0 && e.getCause() instanceof IOException io) throw new UncheckedIOException(io);
                error = ErrorAnswers.from(e, apiClient.getObjectMapper(), clock);
            }
            if (!(error instanceof RateLimitException limited) || attempt >= maxRetries) throw error;
            Duration wait = limited.retryAfter().orElse(Duration.ofSeconds(1));
            if (wait.compareTo(maxRetryWait) > 0) throw error; // longer than allowed: the caller decides
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw error;
            }
        }
    }

    /** Settings of a {@link BakongPayClient}. */
    public static final class Builder {
        private final String baseUrl;
        private final String apiKey;
        private HttpClient.Builder httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxRetries = 2;
        private Duration maxRetryWait = Duration.ofSeconds(10);
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
        private Clock clock = Clock.systemUTC();

        private Builder(String baseUrl, String apiKey) {
            String url = Objects.requireNonNull(baseUrl, "baseUrl");
            this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        }

        /** How many times a 429 is retried (default 2; 0 turns retries off). */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) throw new IllegalArgumentException("maxRetries must be 0 or more");
            this.maxRetries = maxRetries;
            return this;
        }

        /** The longest {@code Retry-After} the client waits out by itself (default 10 s); a longer one is thrown. */
        public Builder maxRetryWait(Duration maxRetryWait) {
            this.maxRetryWait = Objects.requireNonNull(maxRetryWait, "maxRetryWait");
            return this;
        }

        /** How long one request may take (default 30 s). */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /** The JDK client builder to use (proxy, SSL context, executor…). */
        public Builder httpClient(HttpClient.Builder httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public BakongPayClient build() {
            return new BakongPayClient(this);
        }
    }
}
