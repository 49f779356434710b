package dev.bakongpay.spring.boot;

import dev.bakongpay.core.config.BakongPayConfig;
import dev.bakongpay.spi.Plan;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * BakongPay's settings in a Spring Boot application, under {@code bakongpay.*}.
 *
 * @param enabled       Whether BakongPay's auto-configuration applies at all.
 * @param publicUrl     The address shoppers reach this application at: checkout links are <public-url>/pay/<transactionId>.
 * @param apiKeys       API keys to accept and their plan (FREE, PRO, ENTERPRISE), seeded into the key store at start-up (stored hashed); keys start with bk_live_ or bk_test_.
 * @param bakong        NBC's Bakong Open API, which checks payments made with bk_live_ keys.
 * @param simulator     The Bakong simulator that checks payments made with bk_test_ keys.
 * @param defaultExpiry How long a KHQR stays payable when a request names no expiresInSeconds.
 * @param maxExpiry     The longest expiry a request may ask for.
 * @param reconcileEvery How often payments nobody checks are checked with Bakong in the background (0 turns it off).
 * @param redisUrl      Redis URL (redis:// or rediss://) for rate limits shared by every node; in memory (per node) when unset.
 * @param jdbc          The store on the application's DataSource.
 * @param paths         Where the endpoints, the checkout page and health are served.
 */
@ConfigurationProperties("bakongpay")
public record BakongPayProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("http://localhost:8080") URI publicUrl,
        Map<String, Plan> apiKeys,
        @DefaultValue Bakong bakong,
        @DefaultValue Simulator simulator,
        @DefaultValue("15m") Duration defaultExpiry,
        @DefaultValue("24h") Duration maxExpiry,
        @DefaultValue("30s") Duration reconcileEvery,
        String redisUrl,
        @DefaultValue Jdbc jdbc,
        @DefaultValue Paths paths) {

    public BakongPayProperties {
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
        // every problem at once, each naming its property, before the payment service would refuse it
        List<String> problems = new ArrayList<>();
        if (maxExpiry.compareTo(BakongPayConfig.MIN_EXPIRY) < 0) {
            problems.add("bakongpay.max-expiry was '" + maxExpiry + "' but it must be at least 60s");
        }
        if (defaultExpiry.compareTo(BakongPayConfig.MIN_EXPIRY) < 0 || defaultExpiry.compareTo(maxExpiry) > 0) {
            problems.add("bakongpay.default-expiry was '" + defaultExpiry
                    + "' but it must be from 60s to bakongpay.max-expiry (" + maxExpiry + ")");
        }
        if (reconcileEvery.isNegative()) {
            problems.add("bakongpay.reconcile-every was '" + reconcileEvery + "' but it must not be negative");
        }
        if (!publicUrl.isAbsolute() || !List.of("http", "https").contains(publicUrl.getScheme())) {
            problems.add("bakongpay.public-url was '" + publicUrl + "' but it must be an absolute http(s) URL");
        }
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
    }

    /**
     * NBC's Bakong Open API.
     *
     * @param url   Base URL of NBC's Bakong Open API.
     * @param token NBC API token; without it, bk_live_ payments cannot be checked (checks answer 502).
     * @param email E-mail registered with NBC, used to renew the token before it expires.
     */
    public record Bakong(
            @DefaultValue("https://api-bakong.nbc.gov.kh") URI url, String token, String email) {
        @Override
        public String toString() { // the token is a secret
            return "Bakong[url=" + url + ", token=" + (token == null ? null : "(set)") + "]";
        }
    }

    /**
     * A Bakong simulator for bk_test_ keys.
     *
     * @param url   Base URL of a running Bakong simulator; without it, bk_test_ payments cannot be checked.
     * @param token The token the simulator expects.
     */
    public record Simulator(
            URI url, @DefaultValue("sandbox") String token) {}

    /**
     * The JDBC store, used when the application has a DataSource.
     *
     * @param migrate Whether BakongPay creates and migrates its tables (bakongpay_*, history in bakongpay_schema_history) at start-up.
     */
    public record Jdbc(@DefaultValue("true") boolean migrate) {}

    /**
     * Servlet paths, relative to the application's context path.
     *
     * @param api      Where the five endpoints and openapi.json are served.
     * @param checkout Where the hosted checkout page is served; it must end with /pay, the last segment of checkout links.
     * @param health   Where BakongPay's health answers (JSON, 200 UP or 503 DOWN).
     */
    public record Paths(
            @DefaultValue("/api/v1") String api,
            @DefaultValue("/pay") String checkout,
            @DefaultValue("/bakongpay/health") String health) {

        public Paths {
            api = trimmed("bakongpay.paths.api", api);
            checkout = trimmed("bakongpay.paths.checkout", checkout);
            health = trimmed("bakongpay.paths.health", health);
            if (!checkout.endsWith("/pay")) {
                throw new IllegalArgumentException("bakongpay.paths.checkout was '" + checkout
                        + "' but it must end with /pay (checkout links are <public-url>/pay/<id>; "
                        + "set bakongpay.public-url to the part before /pay)");
            }
        }

        private static String trimmed(String name, String path) {
            if (path == null || !path.startsWith("/") || path.length() < 2) {
                throw new IllegalArgumentException(
                        name + " was '" + path + "' but it must be a path such as /api/v1 (not / alone)");
            }
            return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        }
    }
}
