package dev.bakongpay.core.config;

import dev.bakongpay.core.config.internal.EnvironmentReader;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.RateLimit;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything a BakongPay deployment is told at start-up. Immutable; build it with
 * {@link #builder()} in code or {@link #fromEnvironment(Function)} from variables:
 *
 * <pre>{@code
 * BakongPayConfig config = BakongPayConfig.fromEnvironment(ConfigLookup.standard(Path.of("bakongpay.properties")));
 * }</pre>
 *
 * @param port              HTTP port ({@code BAKONGPAY_PORT}, default 8080)
 * @param publicUrl         the address customers reach, base of {@code checkoutUrl} ({@code BAKONGPAY_PUBLIC_URL})
 * @param apiKeys           API keys to seed, key → plan ({@code BAKONGPAY_API_KEYS}); keys start {@code bk_live_} or {@code bk_test_}
 * @param storage           storage adapter id, or null to choose by {@code dbUrl} ({@code BAKONGPAY_STORAGE})
 * @param dbUrl             JDBC URL, or null for the embedded default ({@code BAKONGPAY_DB_URL})
 * @param redisUrl          Redis URL for shared rate limits, or null for in-process limits ({@code BAKONGPAY_REDIS_URL})
 * @param bakongUrl         NBC's Bakong Open API base URL ({@code BAKONGPAY_BAKONG_URL})
 * @param bakongToken       NBC token, nullable ({@code BAKONGPAY_BAKONG_TOKEN})
 * @param bakongEmail       e-mail registered with NBC, to renew the token; nullable ({@code BAKONGPAY_BAKONG_EMAIL})
 * @param bakongProxy       HTTP proxy for calls to NBC, nullable ({@code BAKONGPAY_BAKONG_PROXY})
 * @param rateLimits        a limit for every plan ({@code BAKONGPAY_RATE_LIMITS})
 * @param defaultExpiry     QR lifetime when a request names none ({@code BAKONGPAY_DEFAULT_EXPIRY_SECONDS}, 900)
 * @param maxExpiry         longest QR lifetime a request may ask ({@code BAKONGPAY_MAX_EXPIRY_SECONDS}, 86400)
 * @param maxBodyBytes      largest request body accepted ({@code BAKONGPAY_MAX_BODY_BYTES}, 65536)
 * @param pendingCacheTtl   how long a "not paid yet" answer from NBC is reused ({@code BAKONGPAY_PENDING_CACHE_MILLIS}, 2000)
 */
public record BakongPayConfig(
        int port,
        URI publicUrl,
        Map<String, Plan> apiKeys,
        String storage,
        String dbUrl,
        String redisUrl,
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
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
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
        return Map.of(Plan.FREE, RateLimit.perMinute(60), Plan.PRO, RateLimit.perMinute(600),
                Plan.ENTERPRISE, RateLimit.perMinute(6000));
    }

    /** Every default: port 8080, NBC's URL, no keys, memory storage. */
    public static BakongPayConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads every {@code BAKONGPAY_*} variable through {@code lookup} (feed tests with
     * {@code Map::get}). Unset or empty variables take their defaults.
     *
     * @throws ConfigurationException listing every bad variable at once
     */
    public static BakongPayConfig fromEnvironment(Function<String, String> lookup) {
        return EnvironmentReader.read(lookup, builder());
    }

    /** The limit for {@code plan}. */
    public RateLimit rateLimit(Plan plan) {
        return rateLimits.get(plan);
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return new Builder().port(port).publicUrl(publicUrl).apiKeys(apiKeys).storage(storage).dbUrl(dbUrl)
                .redisUrl(redisUrl).bakongUrl(bakongUrl).bakongToken(bakongToken).bakongEmail(bakongEmail)
                .bakongProxy(bakongProxy).rateLimits(rateLimits).defaultExpiry(defaultExpiry).maxExpiry(maxExpiry)
                .maxBodyBytes(maxBodyBytes).pendingCacheTtl(pendingCacheTtl);
    }

    @Override
    public String toString() { // keys and the token are secrets: never print them
        return "BakongPayConfig[port=" + port + ", publicUrl=" + publicUrl + ", apiKeys=" + apiKeys.size()
                + " key(s), storage=" + storage + ", dbUrl=" + (dbUrl == null ? null : "(set)")
                + ", redisUrl=" + (redisUrl == null ? null : "(set)") + ", bakongUrl=" + bakongUrl
                + ", bakongToken=" + (bakongToken == null ? null : "(set)") + ", bakongProxy=" + bakongProxy
                + ", rateLimits=" + rateLimits + ", defaultExpiry=" + defaultExpiry + ", maxExpiry=" + maxExpiry
                + ", maxBodyBytes=" + maxBodyBytes + ", pendingCacheTtl=" + pendingCacheTtl + "]";
    }

    /** Collects settings; unset ones take their defaults in {@link #build()}. */
    public static final class Builder {
        private int port = 8080;
        private URI publicUrl;
        private Map<String, Plan> apiKeys = Map.of();
        private String storage;
        private String dbUrl;
        private String redisUrl;
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

        public Builder port(int v) { port = v; return this; }
        public Builder publicUrl(URI v) { publicUrl = v; return this; }
        public Builder apiKeys(Map<String, Plan> v) { apiKeys = v; return this; }
        public Builder storage(String v) { storage = v; return this; }
        public Builder dbUrl(String v) { dbUrl = v; return this; }
        public Builder redisUrl(String v) { redisUrl = v; return this; }
        public Builder bakongUrl(URI v) { bakongUrl = v; return this; }
        public Builder bakongToken(String v) { bakongToken = v; return this; }
        public Builder bakongEmail(String v) { bakongEmail = v; return this; }
        public Builder bakongProxy(URI v) { bakongProxy = v; return this; }
        public Builder rateLimits(Map<Plan, RateLimit> v) { rateLimits = v; return this; }
        public Builder defaultExpiry(Duration v) { defaultExpiry = v; return this; }
        public Builder maxExpiry(Duration v) { maxExpiry = v; return this; }
        public Builder maxBodyBytes(int v) { maxBodyBytes = v; return this; }
        public Builder pendingCacheTtl(Duration v) { pendingCacheTtl = v; return this; }

        public BakongPayConfig build() {
            URI url = publicUrl != null ? publicUrl : URI.create("http://localhost:" + (port == 0 ? 8080 : port));
            return new BakongPayConfig(port, url, apiKeys, storage, dbUrl, redisUrl, bakongUrl, bakongToken,
                    bakongEmail, bakongProxy, rateLimits, defaultExpiry, maxExpiry, maxBodyBytes, pendingCacheTtl);
        }
    }
}
