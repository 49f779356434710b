package dev.bakongpay.core.config;

import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.RateLimit;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a host tells the payment rules and the API at start-up. Immutable; build it with
 * {@link #builder()}. Core reads no environment: a host reads its own settings (the reference
 * server declares each of its settings once, in {@code bakongpay-server}) and hands core typed values.
 *
 * <pre>{@code
 * BakongPayConfig config = BakongPayConfig.builder()
 *         .publicUrl(URI.create("https://pay.example.com"))
 *         .apiKeys(Map.of("bk_live_0123456789", Plan.PRO))
 *         .bakongToken(token)
 *         .build();
 * }</pre>
 *
 * @param publicUrl         the address customers reach, base of {@code checkoutUrl} (default {@code http://localhost:8080})
 * @param apiKeys           API keys to seed, key → plan; keys start {@code bk_live_} or {@code bk_test_}
 * @param bakongUrl         NBC's Bakong Open API base URL (default {@link #NBC_URL})
 * @param bakongToken       NBC token, nullable
 * @param bakongEmail       e-mail registered with NBC, to renew the token; nullable
 * @param bakongProxy       HTTP proxy for calls to NBC, nullable
 * @param rateLimits        a limit for every plan (a plan left out keeps its default)
 * @param defaultExpiry     QR lifetime when a request names none (900 s)
 * @param maxExpiry         longest QR lifetime a request may ask (24 h)
 * @param maxBodyBytes      largest request body accepted (65536)
 * @param pendingCacheTtl   how long a "not paid yet" answer from NBC is reused (2 s)
 */
public record BakongPayConfig(
        URI publicUrl,
        Map<String, Plan> apiKeys,
        URI bakongUrl,
        String bakongToken,
        String bakongEmail,
        URI bakongProxy,
        Map<Plan, RateLimit> rateLimits,
        Duration defaultExpiry,
        Duration maxExpiry,
        int maxBodyBytes,
        Duration pendingCacheTtl) {

    /** NBC's production Open API. */
    public static final URI NBC_URL = URI.create("https://api-bakong.nbc.gov.kh");
    /** Shortest QR lifetime: less cannot be scanned and paid in time. */
    public static final Duration MIN_EXPIRY = Duration.ofSeconds(60);

    public BakongPayConfig {
        Objects.requireNonNull(publicUrl, "publicUrl");
        apiKeys = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(apiKeys, "apiKeys")));
        apiKeys.keySet().forEach(k -> {
            if (!k.startsWith("bk_live_") && !k.startsWith("bk_test_")) {
                throw new IllegalArgumentException("API keys must start with bk_live_ or bk_test_");
            }
        });
        Objects.requireNonNull(bakongUrl, "bakongUrl");
        Map<Plan, RateLimit> limits = new EnumMap<>(defaultRateLimits());
        limits.putAll(Objects.requireNonNull(rateLimits, "rateLimits"));
        rateLimits = Map.copyOf(limits);
        Objects.requireNonNull(defaultExpiry, "defaultExpiry");
        Objects.requireNonNull(maxExpiry, "maxExpiry");
        if (maxExpiry.compareTo(MIN_EXPIRY) < 0) throw new IllegalArgumentException("maxExpiry must be at least 60 s");
        if (defaultExpiry.compareTo(MIN_EXPIRY) < 0 || defaultExpiry.compareTo(maxExpiry) > 0) {
            throw new IllegalArgumentException("defaultExpiry must be 60 s to maxExpiry");
        }
        if (maxBodyBytes < 1024) throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
        Objects.requireNonNull(pendingCacheTtl, "pendingCacheTtl");
        if (pendingCacheTtl.isNegative()) throw new IllegalArgumentException("pendingCacheTtl must not be negative");
    }

    /** 60, 600 and 6,000 requests per minute for FREE, PRO and ENTERPRISE. */
    public static Map<Plan, RateLimit> defaultRateLimits() {
        return Map.of(
                Plan.FREE,
                RateLimit.perMinute(60),
                Plan.PRO,
                RateLimit.perMinute(600),
                Plan.ENTERPRISE,
                RateLimit.perMinute(6000));
    }

    /** Every default: {@code http://localhost:8080}, NBC's URL, no keys, the default limits and expiries. */
    public static BakongPayConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The limit for {@code plan}. */
    public RateLimit rateLimit(Plan plan) {
        return rateLimits.get(plan);
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return new Builder()
                .publicUrl(publicUrl)
                .apiKeys(apiKeys)
                .bakongUrl(bakongUrl)
                .bakongToken(bakongToken)
                .bakongEmail(bakongEmail)
                .bakongProxy(bakongProxy)
                .rateLimits(rateLimits)
                .defaultExpiry(defaultExpiry)
                .maxExpiry(maxExpiry)
                .maxBodyBytes(maxBodyBytes)
                .pendingCacheTtl(pendingCacheTtl);
    }

    @Override
    public String toString() { // keys and the token are secrets: never print them
        return "BakongPayConfig[publicUrl=" + publicUrl + ", apiKeys=" + apiKeys.size()
                + " key(s), bakongUrl=" + bakongUrl
                + ", bakongToken=" + (bakongToken == null ? null : "(set)") + ", bakongProxy=" + bakongProxy
                + ", rateLimits=" + rateLimits + ", defaultExpiry=" + defaultExpiry + ", maxExpiry=" + maxExpiry
                + ", maxBodyBytes=" + maxBodyBytes + ", pendingCacheTtl=" + pendingCacheTtl + "]";
    }

    /** Collects settings; unset ones take their defaults in {@link #build()}. */
    public static final class Builder {
        private URI publicUrl;
        private Map<String, Plan> apiKeys = Map.of();
        private URI bakongUrl = NBC_URL;
        private String bakongToken;
        private String bakongEmail;
        private URI bakongProxy;
        private Map<Plan, RateLimit> rateLimits = Map.of();
        private Duration defaultExpiry = Duration.ofSeconds(900);
        private Duration maxExpiry = Duration.ofHours(24);
        private int maxBodyBytes = 64 * 1024;
        private Duration pendingCacheTtl = Duration.ofSeconds(2);

        private Builder() {}

        public Builder publicUrl(URI v) {
            publicUrl = v;
            return this;
        }

        public Builder apiKeys(Map<String, Plan> v) {
            apiKeys = v;
            return this;
        }

        public Builder bakongUrl(URI v) {
            bakongUrl = v;
            return this;
        }

        public Builder bakongToken(String v) {
            bakongToken = v;
            return this;
        }

        public Builder bakongEmail(String v) {
            bakongEmail = v;
            return this;
        }

        public Builder bakongProxy(URI v) {
            bakongProxy = v;
            return this;
        }

        public Builder rateLimits(Map<Plan, RateLimit> v) {
            rateLimits = v;
            return this;
        }

        public Builder defaultExpiry(Duration v) {
            defaultExpiry = v;
            return this;
        }

        public Builder maxExpiry(Duration v) {
            maxExpiry = v;
            return this;
        }

        public Builder maxBodyBytes(int v) {
            maxBodyBytes = v;
            return this;
        }

        public Builder pendingCacheTtl(Duration v) {
            pendingCacheTtl = v;
            return this;
        }

        public BakongPayConfig build() {
            URI url = publicUrl != null ? publicUrl : URI.create("http://localhost:8080");
            return new BakongPayConfig(
                    url,
                    apiKeys,
                    bakongUrl,
                    bakongToken,
                    bakongEmail,
                    bakongProxy,
                    rateLimits,
                    defaultExpiry,
                    maxExpiry,
                    maxBodyBytes,
                    pendingCacheTtl);
        }
    }
}
