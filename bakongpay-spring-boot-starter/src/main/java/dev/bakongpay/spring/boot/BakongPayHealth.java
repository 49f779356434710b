package dev.bakongpay.spring.boot;

import dev.bakongpay.adapters.redis.RedisRateLimiter;
import dev.bakongpay.spi.RateLimiter;
import dev.bakongpay.spi.Storage;
import java.util.Optional;

/**
 * Whether BakongPay can take payments: its store answers a query. Told by the health servlet and,
 * with Actuator, by the {@code bakongpay} health indicator.
 */
final class BakongPayHealth {
    /** A hash no key has: looking it up is the cheapest query that proves the store answers. */
    private static final String PROBE_HASH = "0".repeat(64);

    private final Storage storage;
    private final String limiter;

    BakongPayHealth(Storage storage, RateLimiter limiter) {
        this.storage = storage;
        this.limiter = limiter instanceof RedisRateLimiter ? "redis" : "memory";
    }

    /** Empty when the store answers, else what went wrong (for the log, not for the caller). */
    Optional<RuntimeException> problem() {
        try {
            storage.apiKeys().findByHash(PROBE_HASH);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }

    String store() {
        return storage.adapterId();
    }

    String limiter() {
        return limiter;
    }
}
