package dev.bakongpay.adapters.redis;

import dev.bakongpay.spi.ProviderSettings;
import dev.bakongpay.spi.RateLimiter;
import dev.bakongpay.spi.RateLimiterProvider;
import dev.bakongpay.spi.StoreException;

/**
 * The {@code redis} rate-limiter adapter for configuration: serves {@code redis://} and
 * {@code rediss://} URLs. Option {@code keyPrefix} (default {@value RedisRateLimiter#DEFAULT_KEY_PREFIX}).
 */
public final class RedisRateLimiterProvider implements RateLimiterProvider {

    @Override
    public String id() {
        return RedisRateLimiter.ID;
    }

    @Override
    public boolean accepts(String url) {
        return url != null
                && (url.startsWith("redis://") || url.startsWith("rediss://") || url.startsWith("redis-socket://"));
    }

    @Override
    public RateLimiter open(ProviderSettings settings) {
        if (!accepts(settings.url())) {
            throw new StoreException(
                    "the redis rate limiter needs a redis:// url, was '" + settings.redactedUrl() + "'");
        }
        return RedisRateLimiter.builder(settings.url())
                .keyPrefix(settings.option("keyPrefix", RedisRateLimiter.DEFAULT_KEY_PREFIX))
                .clock(settings.clock())
                .build();
    }
}
