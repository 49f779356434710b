package dev.bakongpay.core.internal;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Instant;

/**
 * Caffeine's time from the injected {@link Clock}, so that cache TTLs follow the same clock as
 * everything else and tests move it by hand instead of sleeping. Nanoseconds since the epoch
 * (a {@code long} holds them until the year 2262).
 */
public final class ClockTicker {
    private ClockTicker() {}

    public static Ticker of(Clock clock) {
        if (clock.equals(Clock.systemUTC()) || clock.equals(Clock.systemDefaultZone())) {
            return Ticker.systemTicker(); // monotonic, and no Instant per read
        }
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }
}
