package dev.bakongpay.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.RateLimit;
import dev.bakongpay.spi.RateLimiter;
import dev.bakongpay.spi.testkit.RateLimiterContract;
import dev.bakongpay.testsupport.MutableClock;
import dev.bakongpay.testsupport.RequiresService;
import dev.bakongpay.testsupport.Service;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rate-limiter contract on Redis, with the test's clock as Bucket4j's client clock. */
@DisplayName("Redis rate limiter")
@RequiresService(Service.REDIS)
class RedisRateLimiterTest extends RateLimiterContract {
    private static String prefix;
    private final List<RedisRateLimiter> opened = new ArrayList<>();

    @BeforeAll
    static void requireRedis() {
        prefix = TestRedis.uniquePrefix();
    }

    @AfterAll
    static void cleanUp() {
        if (prefix != null) TestRedis.deleteKeys(prefix);
    }

    @Override
    protected RateLimiter createLimiter(MutableClock clock) {
        RedisRateLimiter l = RedisRateLimiter.builder(TestRedis.url())
                .keyPrefix(prefix)
                .clock(clock)
                .build();
        opened.add(l);
        return l;
    }

    @AfterEach
    void close() {
        opened.forEach(RedisRateLimiter::close);
    }

    @Test
    @DisplayName("buckets live under the configured key prefix and expire from Redis")
    void keysUnderPrefix() {
        limiter.tryAcquire(key, RateLimit.perMinute(5));
        assertThat(TestRedis.countKeys(prefix + key)).isEqualTo(1);
    }
}
