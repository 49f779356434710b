package dev.bakongpay.spi;

/**
 * Token buckets by key (typically an API key hash or merchant id). Thread-safe; a shared
 * implementation (Redis) is atomic across nodes. Contract: {@code RateLimiterContract}.
 */
public interface RateLimiter {

    /**
     * Takes {@code tokens} from {@code key}'s bucket for {@code limit} if it holds them, else takes
     * nothing. A bucket belongs to one key and one limit: a changed limit starts a fresh, full bucket.
     *
     * @param tokens 1 to {@code limit.capacity()}, else {@link IllegalArgumentException}
     * @throws StoreException if the backing store fails (callers decide whether to fail open)
     */
    RateLimitDecision tryAcquire(String key, RateLimit limit, int tokens);

    /** Takes one token. */
    default RateLimitDecision tryAcquire(String key, RateLimit limit) {
        return tryAcquire(key, limit, 1);
    }
}
