package dev.bakongpay.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.spi.ProviderSettings;
import dev.bakongpay.spi.RateLimit;
import dev.bakongpay.spi.RateLimiter;
import dev.bakongpay.spi.StorageProviders;
import dev.bakongpay.spi.StoreException;
import dev.bakongpay.testsupport.RequiresService;
import dev.bakongpay.testsupport.Service;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Choosing the Redis rate limiter from configuration")
class RedisRateLimiterProviderTest {
    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    @DisplayName("ServiceLoader finds the redis factory beside the in-memory one")
    void discovered() {
        assertThat(StorageProviders.rateLimiterIds(loader)).contains("redis", "memory");
    }

    @Test
    @DisplayName("a redis:// url picks the redis adapter, which limits through Redis")
    @RequiresService(Service.REDIS)
    void pickedByUrl() throws Exception {
        String prefix = TestRedis.uniquePrefix();
        RateLimiter l = StorageProviders.openRateLimiter(
                null, new ProviderSettings(TestRedis.url(), Map.of("keyPrefix", prefix), Clock.systemUTC()), loader);
        try {
            assertThat(l).isInstanceOf(RedisRateLimiter.class);
            assertThat(((RedisRateLimiter) l).keyPrefix()).isEqualTo(prefix);
            assertThat(l.tryAcquire("k", RateLimit.perMinute(1)).allowed()).isTrue();
            assertThat(l.tryAcquire("k", RateLimit.perMinute(1)).allowed()).isFalse();
        } finally {
            ((AutoCloseable) l).close();
            TestRedis.deleteKeys(prefix);
        }
    }

    @Test
    @DisplayName("an unreachable Redis fails loudly with a StoreException, not a silent fallback")
    void unreachable() {
        assertThatThrownBy(() ->
                        StorageProviders.openRateLimiter("redis", ProviderSettings.of("redis://127.0.0.1:1"), loader))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Redis");
    }
}
