package dev.bakongpay.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.spi.RateLimit;
import dev.bakongpay.spi.RateLimitDecision;
import dev.bakongpay.spi.RateLimiter;
import dev.bakongpay.testsupport.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link RateLimiter}: a token bucket per key and limit, refilled evenly over
 * the period, time taken from the clock, never admitting more than the bucket holds.
 */
public abstract class RateLimiterContract {
    protected static final int THREADS = 8;
    /** 60 a minute: one token a second. */
    protected static final RateLimit SIXTY_A_MINUTE = RateLimit.perMinute(60);

    protected final MutableClock clock = new MutableClock();
    protected RateLimiter limiter;
    protected String key;

    /** A limiter reading time from {@code clock}. Keys are random per test, so it need not be empty. */
    protected abstract RateLimiter createLimiter(MutableClock clock);

    @BeforeEach
    void openLimiter() {
        limiter = createLimiter(clock);
        key = "key-" + Fixtures.randomHex(12);
    }

    protected int drain(String k, RateLimit limit) {
        int n = 0;
        while (limiter.tryAcquire(k, limit).allowed()) {
            if (++n > limit.capacity()) throw new AssertionError("admitted more than the capacity " + limit.capacity());
        }
        return n;
    }

    @Nested
    @DisplayName("A bucket")
    class Bucket {
        @Test
        @DisplayName("admits its capacity, counting the remaining tokens down, then denies")
        void capacityThenDeny() {
            RateLimit limit = RateLimit.perMinute(3);
            assertThat(limiter.tryAcquire(key, limit))
                    .extracting(RateLimitDecision::allowed, RateLimitDecision::limit, RateLimitDecision::remaining)
                    .containsExactly(true, 3L, 2L);
            assertThat(limiter.tryAcquire(key, limit).remaining()).isEqualTo(1);
            RateLimitDecision last = limiter.tryAcquire(key, limit);
            assertThat(last.allowed()).isTrue();
            assertThat(last.remaining()).isZero();
            assertThat(last.retryAfter()).isEqualTo(Duration.ofSeconds(20));
            RateLimitDecision denied = limiter.tryAcquire(key, limit);
            assertThat(denied.allowed()).isFalse();
            assertThat(denied.remaining()).isZero();
            assertThat(denied.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
            assertThat(denied.retryAfterSeconds()).isBetween(1L, 20L);
        }

        @Test
        @DisplayName("tells when it will be full again")
        void resetAt() {
            limiter.tryAcquire(key, SIXTY_A_MINUTE, 10);
            RateLimitDecision d = limiter.tryAcquire(key, SIXTY_A_MINUTE, 5);
            assertThat(d.remaining()).isEqualTo(45);
            assertThat(d.resetAt())
                    .isBetween(clock.instant().plusSeconds(14), clock.instant().plusSeconds(15));
        }

        @Test
        @DisplayName("refills one token per period/capacity as the clock moves, up to its capacity")
        void refill() {
            assertThat(drain(key, SIXTY_A_MINUTE)).isEqualTo(60);
            clock.advance(Duration.ofMillis(999));
            assertThat(limiter.tryAcquire(key, SIXTY_A_MINUTE).allowed()).isFalse();
            clock.advance(Duration.ofMillis(1));
            assertThat(limiter.tryAcquire(key, SIXTY_A_MINUTE).allowed()).isTrue();
            assertThat(limiter.tryAcquire(key, SIXTY_A_MINUTE).allowed()).isFalse();
            clock.advance(Duration.ofHours(3));
            assertThat(drain(key, SIXTY_A_MINUTE)).isEqualTo(60);
        }

        @Test
        @DisplayName("a denied caller who waits retryAfter is admitted")
        void retryAfterIsEnough() {
            drain(key, SIXTY_A_MINUTE);
            clock.advance(Duration.ofMillis(300));
            RateLimitDecision denied = limiter.tryAcquire(key, SIXTY_A_MINUTE);
            assertThat(denied.allowed()).isFalse();
            clock.advance(denied.retryAfter());
            assertThat(limiter.tryAcquire(key, SIXTY_A_MINUTE).allowed()).isTrue();
        }
    }

    @Nested
    @DisplayName("Taking several tokens")
    class SeveralTokens {
        @Test
        @DisplayName("takes them all or none")
        void allOrNone() {
            RateLimit limit = RateLimit.perMinute(10);
            assertThat(limiter.tryAcquire(key, limit, 7).remaining()).isEqualTo(3);
            RateLimitDecision denied = limiter.tryAcquire(key, limit, 4);
            assertThat(denied.allowed()).isFalse();
            assertThat(denied.remaining()).isEqualTo(3);
            assertThat(limiter.tryAcquire(key, limit, 3).allowed()).isTrue();
        }

        @Test
        @DisplayName("refuses requests that no bucket of that size could ever grant")
        void beyondCapacity() {
            assertThatThrownBy(() -> limiter.tryAcquire(key, RateLimit.perMinute(5), 6))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> limiter.tryAcquire(key, RateLimit.perMinute(5), 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("Keys and limits")
    class Keys {
        @Test
        @DisplayName("each key has its own bucket")
        void separateKeys() {
            RateLimit limit = RateLimit.perMinute(2);
            drain(key, limit);
            assertThat(limiter.tryAcquire(key + "-other", limit).allowed()).isTrue();
        }

        @Test
        @DisplayName("a key whose plan changes starts with a full bucket of the new size")
        void limitChange() {
            drain(key, RateLimit.perMinute(2));
            assertThat(drain(key, RateLimit.perMinute(5))).isEqualTo(5);
        }
    }

    @Nested
    @DisplayName("Concurrency")
    class Concurrency {
        @Test
        @DisplayName("threads hammering one key are admitted exactly as many times as the bucket holds")
        void neverMoreThanCapacity() {
            RateLimit limit = RateLimit.perHour(100);
            List<RateLimitDecision> ds = Race.run(THREADS, 40, i -> limiter.tryAcquire(key, limit));
            List<RateLimitDecision> admitted =
                    ds.stream().filter(RateLimitDecision::allowed).toList();
            assertThat(admitted).hasSize(100);
            assertThat(admitted).extracting(RateLimitDecision::remaining).doesNotHaveDuplicates();
        }

        @Test
        @DisplayName("threads taking several tokens each never overdraw the bucket")
        void severalTokensRace() {
            RateLimit limit = RateLimit.perHour(50);
            List<RateLimitDecision> ds = Race.run(THREADS, 10, i -> limiter.tryAcquire(key, limit, 1 + i % 3));
            int taken = 0;
            for (int i = 0; i < ds.size(); i++) if (ds.get(i).allowed()) taken += 1 + i % 3;
            assertThat(taken).isLessThanOrEqualTo(50).isGreaterThan(45);
        }
    }
}
