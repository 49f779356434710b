package dev.bakongpay.spi;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What configuration hands an adapter factory found by {@link StorageProviders}.
 *
 * @param url     the adapter's address ({@code BAKONGPAY_DB_URL}, {@code BAKONGPAY_REDIS_URL});
 *                nullable, each adapter documents what it does without one
 * @param options adapter options by name (e.g. {@code user}, {@code password}, {@code keyPrefix},
 *                {@code migrate}); each adapter's README lists its own
 * @param clock   the clock stores and limiters read time from
 */
public record ProviderSettings(String url, Map<String, String> options, Clock clock) {

    public ProviderSettings {
        url = url == null || url.isBlank() ? null : url.strip();
        options = options == null ? Map.of() : Map.copyOf(options);
        Objects.requireNonNull(clock, "clock must not be null");
    }

    public static ProviderSettings of(String url) {
        return new ProviderSettings(url, Map.of(), Clock.systemUTC());
    }

    public String option(String name, String fallback) {
        String v = options.get(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** The URL with any password removed, for logs. */
    public String redactedUrl() {
        return url == null
                ? "(none)"
                : url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]*):[^/@]*@", "//$1:***@");
    }
}
