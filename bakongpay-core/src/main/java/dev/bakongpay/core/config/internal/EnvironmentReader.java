package dev.bakongpay.core.config.internal;

import dev.bakongpay.core.config.BakongPayConfig;
import dev.bakongpay.core.config.ConfigurationException;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.RateLimit;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code BAKONGPAY_*} variables into a {@link BakongPayConfig.Builder}, collecting every
 * problem before failing, because an operator should not fix one variable per restart.
 */
public final class EnvironmentReader {
    private static final Pattern RATE = Pattern.compile("(FREE|PRO|ENTERPRISE)=([1-9][0-9]{0,9})/([smh])");
    private static final Pattern KEY = Pattern.compile("bk_(live|test)_[A-Za-z0-9_-]{8,200}");

    private final Function<String, String> lookup;
    private final List<String> problems = new ArrayList<>();

    private EnvironmentReader(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    public static BakongPayConfig read(Function<String, String> lookup, BakongPayConfig.Builder b) {
        EnvironmentReader r = new EnvironmentReader(lookup);
        r.integer("BAKONGPAY_PORT", 0, 65535, "a whole number from 0 to 65535", b::port);
        r.url("BAKONGPAY_PUBLIC_URL", b::publicUrl);
        r.text("BAKONGPAY_API_KEYS", v -> b.apiKeys(r.apiKeys(v)));
        r.text("BAKONGPAY_STORAGE", b::storage);
        r.text("BAKONGPAY_DB_URL", v -> r.check("BAKONGPAY_DB_URL", v, v.startsWith("jdbc:"),
                "must be a JDBC URL starting with jdbc:", () -> b.dbUrl(v)));
        r.text("BAKONGPAY_REDIS_URL", v -> r.check("BAKONGPAY_REDIS_URL", v,
                v.startsWith("redis://") || v.startsWith("rediss://"),
                "must be a URL starting with redis:// or rediss://", () -> b.redisUrl(v)));
        r.url("BAKONGPAY_BAKONG_URL", b::bakongUrl);
        r.text("BAKONGPAY_BAKONG_TOKEN", b::bakongToken);
        r.text("BAKONGPAY_BAKONG_EMAIL", v -> r.check("BAKONGPAY_BAKONG_EMAIL", v,
                v.matches("[^@\\s]+@[^@\\s]+") && v.length() <= 30,
                "must be the e-mail address registered with NBC (at most 30 characters)", () -> b.bakongEmail(v)));
        r.text("BAKONGPAY_BAKONG_PROXY", v -> {
            URI proxy = r.parseUrl(v.contains("://") ? v : "http://" + v);
            r.check("BAKONGPAY_BAKONG_PROXY", v, proxy != null && proxy.getPort() > 0,
                    "must be host:port or http://host:port", () -> b.bakongProxy(proxy));
        });
        r.text("BAKONGPAY_RATE_LIMITS", v -> b.rateLimits(r.rateLimits(v)));
        Duration[] expiry = new Duration[2];
        r.integer("BAKONGPAY_DEFAULT_EXPIRY_SECONDS", 60, 86400 * 30, "a whole number of seconds from 60 to 2592000",
                s -> { expiry[0] = Duration.ofSeconds(s); b.defaultExpiry(expiry[0]); });
        r.integer("BAKONGPAY_MAX_EXPIRY_SECONDS", 60, 86400 * 30, "a whole number of seconds from 60 to 2592000",
                s -> { expiry[1] = Duration.ofSeconds(s); b.maxExpiry(expiry[1]); });
        r.integer("BAKONGPAY_MAX_BODY_BYTES", 1024, 16 * 1024 * 1024, "a whole number of bytes from 1024 to 16777216",
                b::maxBodyBytes);
        r.integer("BAKONGPAY_PENDING_CACHE_MILLIS", 0, 60_000, "a whole number of milliseconds from 0 to 60000",
                ms -> b.pendingCacheTtl(Duration.ofMillis(ms)));
        Duration def = expiry[0] != null ? expiry[0] : Duration.ofSeconds(900);
        Duration max = expiry[1] != null ? expiry[1] : Duration.ofHours(24);
        if (def.compareTo(max) > 0) {
            r.problems.add("BAKONGPAY_DEFAULT_EXPIRY_SECONDS was '" + def.toSeconds()
                    + "' but it must not exceed BAKONGPAY_MAX_EXPIRY_SECONDS (" + max.toSeconds() + ")");
        }
        if (!r.problems.isEmpty()) throw new ConfigurationException(r.problems);
        return b.build();
    }

    private void text(String name, Consumer<String> sink) {
        String v = lookup.apply(name);
        if (v != null && !v.isBlank()) sink.accept(v.strip());
    }

    private void integer(String name, long min, long max, String expected, java.util.function.IntConsumer sink) {
        text(name, v -> {
            try {
                long n = Long.parseLong(v);
                if (n >= min && n <= max) {
                    sink.accept((int) n);
                    return;
                }
            } catch (NumberFormatException ignored) {
                // reported below with the expected form
            }
            problems.add(name + " was '" + v + "' but it must be " + expected);
        });
    }

    private void url(String name, Consumer<URI> sink) {
        text(name, v -> {
            URI u = parseUrl(v);
            check(name, v, u != null, "must be an absolute http:// or https:// URL", () -> sink.accept(u));
        });
    }

    private URI parseUrl(String v) {
        try {
            URI u = new URI(v);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? u : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private void check(String name, String value, boolean ok, String reason, Runnable apply) {
        if (ok) apply.run(); else problems.add(name + " was '" + value + "' but it " + reason);
    }

    private Map<String, Plan> apiKeys(String v) {
        Map<String, Plan> keys = new LinkedHashMap<>();
        for (String entry : v.split(",")) {
            String e = entry.strip();
            int eq = e.lastIndexOf('=');
            String key = eq < 0 ? e : e.substring(0, eq).strip();
            String plan = eq < 0 ? "" : e.substring(eq + 1).strip().toUpperCase(Locale.ROOT);
            if (!KEY.matcher(key).matches() || !List.of("FREE", "PRO", "ENTERPRISE").contains(plan)) {
                // the key is a secret: show only its prefix
                String shown = key.length() > 8 ? key.substring(0, 8) + "…" : key;
                problems.add("BAKONGPAY_API_KEYS was '" + shown + (eq < 0 ? "" : "=" + e.substring(eq + 1).strip())
                        + "' but it must look like bk_live_…=PLAN or bk_test_…=PLAN (at least 8 letters, digits, _ or - "
                        + "after the prefix; PLAN FREE, PRO or ENTERPRISE)");
            } else if (keys.put(key, Plan.valueOf(plan)) != null) {
                problems.add("BAKONGPAY_API_KEYS was '" + key.substring(0, 8) + "…' but it must list each key once");
            }
        }
        return keys;
    }

    private Map<Plan, RateLimit> rateLimits(String v) {
        Map<Plan, RateLimit> limits = new EnumMap<>(Plan.class);
        for (String entry : v.split(",")) {
            Matcher m = RATE.matcher(entry.strip().toUpperCase(Locale.ROOT).replace("/S", "/s")
                    .replace("/M", "/m").replace("/H", "/h"));
            if (!m.matches()) {
                problems.add("BAKONGPAY_RATE_LIMITS was '" + entry.strip() + "' but it must look like PLAN=N/s|m|h");
                continue;
            }
            long n = Long.parseLong(m.group(2));
            Duration period = switch (m.group(3)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                default -> Duration.ofHours(1);
            };
            limits.put(Plan.valueOf(m.group(1)), new RateLimit(n, period));
        }
        return limits;
    }
}
