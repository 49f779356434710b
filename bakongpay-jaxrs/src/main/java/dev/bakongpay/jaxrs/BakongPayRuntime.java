package dev.bakongpay.jaxrs;

import dev.bakongpay.core.config.BakongPayConfig;
import dev.bakongpay.core.metrics.Meters;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.core.payment.QrImageService;
import dev.bakongpay.spi.ApiKeyStore;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.RateLimit;
import dev.bakongpay.spi.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the endpoints run on: the payment and QR services from core, the API-key store, the rate
 * limiter with a limit per plan, the clock and the body size limit. A host builds one and hands
 * it to {@link BakongPayApplication}.
 *
 * <pre>{@code
 * BakongPayRuntime runtime = BakongPayRuntime.builder()
 *         .payments(payments).qrImages(new QrImageService(renderer, clock))
 *         .apiKeys(storage.apiKeys()).rateLimiter(limiter)
 *         .config(config)   // rate limits per plan and the body size limit
 *         .build();
 * }</pre>
 */
public record BakongPayRuntime(
        PaymentService payments,
        QrImageService qrImages,
        ApiKeyStore apiKeys,
        RateLimiter rateLimiter,
        Map<Plan, RateLimit> rateLimits,
        Clock clock,
        int maxBodyBytes,
        MeterRegistry meterRegistry) {

    public BakongPayRuntime {
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(qrImages, "qrImages");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(rateLimiter, "rateLimiter");
        Map<Plan, RateLimit> limits = new EnumMap<>(BakongPayConfig.defaultRateLimits());
        limits.putAll(Objects.requireNonNull(rateLimits, "rateLimits"));
        rateLimits = Map.copyOf(limits);
        Objects.requireNonNull(clock, "clock");
        if (maxBodyBytes < 1024) throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
        Objects.requireNonNull(meterRegistry, "meterRegistry");
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects the parts; rate limits, clock and body limit have the configuration's defaults. The
     * API-key store is put behind a {@link CachingApiKeyStore} (5 s) unless {@link #apiKeyCacheTtl}
     * says zero.
     */
    public static final class Builder {
        private PaymentService payments;
        private QrImageService qrImages;
        private ApiKeyStore apiKeys;
        private RateLimiter rateLimiter;
        private Map<Plan, RateLimit> rateLimits = BakongPayConfig.defaultRateLimits();
        private Clock clock = Clock.systemUTC();
        private int maxBodyBytes = 64 * 1024;
        private java.time.Duration apiKeyCacheTtl = CachingApiKeyStore.DEFAULT_TTL;
        private MeterRegistry meterRegistry = Meters.none();

        private Builder() {}

        public Builder payments(PaymentService v) {
            payments = v;
            return this;
        }

        public Builder qrImages(QrImageService v) {
            qrImages = v;
            return this;
        }

        public Builder apiKeys(ApiKeyStore v) {
            apiKeys = v;
            return this;
        }

        public Builder rateLimiter(RateLimiter v) {
            rateLimiter = v;
            return this;
        }

        public Builder rateLimits(Map<Plan, RateLimit> v) {
            rateLimits = v;
            return this;
        }

        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        public Builder maxBodyBytes(int v) {
            maxBodyBytes = v;
            return this;
        }
        /**
         * How long a found API key is trusted before the store is asked again (default 5 s; zero
         * asks on every request). A key revoked in the store stops working within this time on
         * every node. See {@link CachingApiKeyStore}.
         */
        public Builder apiKeyCacheTtl(java.time.Duration v) {
            apiKeyCacheTtl = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Where requests by endpoint and status, rate-limit refusals by plan and the API-key cache's
         * hits are recorded (names in the server README's metrics table); default: nowhere.
         */
        public Builder meterRegistry(MeterRegistry v) {
            meterRegistry = Objects.requireNonNull(v);
            return this;
        }

        /** Rate limits and body size limit from the configuration. */
        public Builder config(BakongPayConfig c) {
            return rateLimits(c.rateLimits()).maxBodyBytes(c.maxBodyBytes());
        }

        public BakongPayRuntime build() {
            ApiKeyStore keys = apiKeys == null ? null : CachingApiKeyStore.wrap(apiKeys, apiKeyCacheTtl, clock);
            if (keys instanceof CachingApiKeyStore cached && Meters.records(meterRegistry))
                cached.bindMetrics(meterRegistry);
            return new BakongPayRuntime(
                    payments, qrImages, keys, rateLimiter, rateLimits, clock, maxBodyBytes, meterRegistry);
        }
    }
}
