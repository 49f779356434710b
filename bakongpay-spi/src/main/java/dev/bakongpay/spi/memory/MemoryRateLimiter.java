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
import java.util.concurrent.atomic.AtomicReference;

/**
 * Token buckets in memory, refilled greedily (one token every {@code period / capacity}) from the
 * {@link Clock}, so tests move time instead of sleeping. Exact under concurrency: each bucket's
 * state is replaced by compare-and-set. Only for one node: every node would have its own buckets.
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

    /**
     * One bucket: its state (tokens, last refill) is one immutable value swapped by compare-and-set,
     * so a request thread that is descheduled mid-decision never makes the others wait (with one
     * hot key and dozens of threads on two cores, a lock here was the longest wait of a request).
     */
    private static final class Bucket {
        private final RateLimit limit;
        private final long perToken;
        private final AtomicReference<State> state;

        /** {@code lastRefill} in nanos; the remainder of a partly refilled token is kept. */
        private record State(long tokens, long lastRefill) {}

        Bucket(RateLimit limit, long now) {
            this.limit = limit;
            this.perToken = limit.nanosPerToken();
            this.state = new AtomicReference<>(new State(limit.capacity(), now));
        }

        RateLimitDecision take(int n, long now, Instant nowInstant) {
            while (true) {
                State before = state.get();
                State s = refill(before, now);
                if (s.tokens() >= n) {
                    // a full bucket starts refilling only now
                    State after = new State(s.tokens() - n, s.tokens() == limit.capacity() ? now : s.lastRefill());
                    if (state.compareAndSet(before, after)) {
                        return RateLimitDecision.of(true, limit, after.tokens(), 0, nowInstant);
                    }
                } else if (s == before || state.compareAndSet(before, s)) {
                    long wait = (n - s.tokens()) * perToken - (now - s.lastRefill());
                    return RateLimitDecision.of(false, limit, s.tokens(), wait, nowInstant);
                }
            }
        }

        private State refill(State s, long now) {
            long elapsed = now - s.lastRefill();
            if (elapsed <= 0) return s; // a clock going backwards refills nothing
            long add = elapsed / perToken;
            if (add <= 0) return s;
            if (add >= limit.capacity() - s.tokens()) return new State(limit.capacity(), now);
            return new State(s.tokens() + add, s.lastRefill() + add * perToken);
        }

        boolean isFullAt(long now) {
            return refill(state.get(), now).tokens() == limit.capacity();
        }
    }
}
