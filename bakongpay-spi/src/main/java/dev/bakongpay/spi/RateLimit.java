package dev.bakongpay.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket: holds {@code capacity} tokens and refills them evenly over {@code period}
 * (60 per minute is one token a second, with bursts of up to 60).
 */
public record RateLimit(long capacity, Duration period) {

    public RateLimit {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        Objects.requireNonNull(period, "period must not be null");
        if (period.toMillis() < 1) throw new IllegalArgumentException("period must be at least 1 ms, was " + period);
    }

    public static RateLimit perSecond(long n) {
        return new RateLimit(n, Duration.ofSeconds(1));
    }

    public static RateLimit perMinute(long n) {
        return new RateLimit(n, Duration.ofMinutes(1));
    }

    public static RateLimit perHour(long n) {
        return new RateLimit(n, Duration.ofHours(1));
    }

    /** Nanoseconds to refill one token. */
    public long nanosPerToken() {
        return Math.max(1, period.toNanos() / capacity);
    }

    /** Checks a request size: 1 to {@code capacity} tokens (more could never be granted). */
    public int checkTokens(int tokens) {
        if (tokens < 1 || tokens > capacity) {
            throw new IllegalArgumentException("tokens must be 1 to " + capacity + ", was " + tokens);
        }
        return tokens;
    }

    /** Bucket name suffix that changes with the limit, so a plan change starts a fresh bucket. */
    public String signature() {
        return capacity + "per" + period.toMillis() + "ms";
    }
}
