package dev.bakongpay.spi.memory;

import dev.bakongpay.spi.ProviderSettings;
import dev.bakongpay.spi.RateLimiter;
import dev.bakongpay.spi.RateLimiterProvider;

/** The {@code memory} rate-limiter adapter: the default, for one node. */
public final class MemoryRateLimiterProvider implements RateLimiterProvider {

    @Override
    public String id() {
        return "memory";
    }

    @Override
    public boolean accepts(String url) {
        return url != null && url.startsWith("memory:");
    }

    @Override
    public RateLimiter open(ProviderSettings settings) {
        return new MemoryRateLimiter(settings.clock());
    }
}
