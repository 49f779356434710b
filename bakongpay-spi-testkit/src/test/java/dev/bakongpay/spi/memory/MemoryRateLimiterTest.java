package dev.bakongpay.spi.memory;

import dev.bakongpay.spi.RateLimiter;
import dev.bakongpay.spi.testkit.RateLimiterContract;
import dev.bakongpay.testsupport.MutableClock;
import org.junit.jupiter.api.DisplayName;

@DisplayName("In-memory rate limiter")
class MemoryRateLimiterTest extends RateLimiterContract {
    @Override
    protected RateLimiter createLimiter(MutableClock clock) {
        return new MemoryRateLimiter(clock);
    }
}
