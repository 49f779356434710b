package dev.bakongpay.spi.memory;

import dev.bakongpay.spi.RateLimit;
import dev.bakongpay.spi.RateLimitDecision;
import dev.bakongpay.spi.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets in memory, refilled greedily (one token every {@code period / capacity}) from the
 * {@link Clock}, so tests move time instead of sleeping. Exact under concurrency: each bucket is
 * updated under its own lock. Only for one node: every node would have its own buckets.
 */
public final class MemoryRateLimiter implements RateLimiter {
    private static final int SWEEP_EVERY = 4096;

    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public MemoryRateLimiter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RateLimitDecision tryAcquire(String key, RateLimit limit, int tokens) {
        Objects.requireNonNull(key, "key");
        limit.checkTokens(tokens);
        Instant now = clock.instant();
        long nowNanos = nanos(now);
        Bucket b = buckets.computeIfAbsent(key + '|' + limit.signature(), k -> new Bucket(limit, nowNanos));
        RateLimitDecision d = b.take(tokens, nowNanos, now);
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) sweep(nowNanos);
        return d;
    }

    /** Forgets buckets that are full again: they would behave exactly like a new one. */
    private void sweep(long nowNanos) {
        buckets.values().removeIf(b -> b.isFullAt(nowNanos));
    }

    private static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    /** Number of buckets held (for tests). */
    int bucketCount() {
        return buckets.size();
    }

    private static final class Bucket {
        private final RateLimit limit;
        private final long perToken;
        private long tokens;
        private long lastRefill; // nanos; the remainder of a partly refilled token is kept

        Bucket(RateLimit limit, long now) {
            this.limit = limit;
            this.perToken = limit.nanosPerToken();
            this.tokens = limit.capacity();
            this.lastRefill = now;
        }

        synchronized RateLimitDecision take(int n, long now, Instant nowInstant) {
            refill(now);
            if (tokens >= n) {
                tokens -= n;
                if (tokens + n == limit.capacity()) lastRefill = now; // a full bucket starts refilling only now
                return RateLimitDecision.of(true, limit, tokens, 0, nowInstant);
            }
            long wait = (n - tokens) * perToken - (now - lastRefill);
            return RateLimitDecision.of(false, limit, tokens, wait, nowInstant);
        }

        private void refill(long now) {
            long elapsed = now - lastRefill;
            if (elapsed <= 0) return; // a clock going backwards refills nothing
            long add = elapsed / perToken;
            if (add <= 0) return;
            if (add >= limit.capacity() - tokens) {
                tokens = limit.capacity();
                lastRefill = now;
            } else {
                tokens += add;
                lastRefill += add * perToken;
            }
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens == limit.capacity();
        }
    }
}
