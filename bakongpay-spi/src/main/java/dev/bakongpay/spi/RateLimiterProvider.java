package dev.bakongpay.spi;

/**
 * A factory of {@link RateLimiter}, found by {@link java.util.ServiceLoader} under
 * {@code META-INF/services/dev.bakongpay.spi.RateLimiterProvider} and picked by its {@link #id()}.
 * A limiter it opens that holds resources (a Redis connection) also implements
 * {@link AutoCloseable}; the host closes it at shutdown.
 */
public interface RateLimiterProvider {

    /** The name configuration picks it by: {@code memory}, {@code redis}, … */
    String id();

    /** Whether this adapter serves {@code url} when no id is configured (redis: {@code redis://…}). */
    default boolean accepts(String url) {
        return false;
    }

    /** Opens the limiter; throws {@link StoreException} if it cannot be reached. */
    RateLimiter open(ProviderSettings settings);
}
