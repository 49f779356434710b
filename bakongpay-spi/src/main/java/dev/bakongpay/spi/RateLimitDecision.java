package dev.bakongpay.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The answer of {@link RateLimiter#tryAcquire}, ready for {@code X-RateLimit-*} and
 * {@code Retry-After} headers.
 *
 * @param allowed    whether the tokens were taken
 * @param limit      the bucket's capacity
 * @param remaining  tokens left after this decision
 * @param retryAfter when denied, the wait until the asked tokens are there; when allowed and the
 *                   bucket is now empty, the wait until the next token; otherwise zero
 * @param resetAt    when the bucket will be full again if nothing more is taken
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, Duration retryAfter, Instant resetAt) {

    public RateLimitDecision {
        if (limit < 1) throw new IllegalArgumentException("limit must be at least 1");
        if (remaining < 0 || remaining > limit)
            throw new IllegalArgumentException("remaining must be 0 to limit, was " + remaining);
        Objects.requireNonNull(retryAfter, "retryAfter must not be null");
        if (retryAfter.isNegative()) throw new IllegalArgumentException("retryAfter must not be negative");
        if (!allowed && retryAfter.isZero()) throw new IllegalArgumentException("a denial must say how long to wait");
        Objects.requireNonNull(resetAt, "resetAt must not be null");
    }

    /**
     * Builds a decision from a bucket's state in the units token buckets compute in.
     *
     * @param nanosToWait for a denial, nanoseconds until the asked tokens are there (ignored if allowed)
     */
    public static RateLimitDecision of(
            boolean allowed, RateLimit limit, long remaining, long nanosToWait, Instant now) {
        long perToken = limit.nanosPerToken();
        long wait = allowed ? (remaining == 0 ? perToken : 0) : Math.max(1, nanosToWait);
        Instant reset = now.plusNanos(Math.multiplyExact(limit.capacity() - remaining, perToken));
        return new RateLimitDecision(allowed, limit.capacity(), remaining, Duration.ofNanos(wait), reset);
    }

    /** Whole seconds for a {@code Retry-After} header, rounded up, at least 1 when denied. */
    public long retryAfterSeconds() {
        long s = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return allowed ? s : Math.max(1, s);
    }
}
