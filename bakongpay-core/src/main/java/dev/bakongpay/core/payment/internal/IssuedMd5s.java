package dev.bakongpay.core.payment.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bakongpay.core.internal.ClockTicker;
import java.time.Clock;
import java.time.Duration;

/**
 * The md5s this node issued in the last few seconds, so that two creates of the same payload in
 * the same millisecond (a kiosk, a fixed-price item, a load test) get different KHQRs before
 * either reaches the store. A KHQR's md5 covers its creation time in milliseconds, so only
 * creates stamped with the same millisecond can collide; an md5 is remembered for
 * {@value #RETENTION_MILLIS} ms of the injected clock. Bounded: past {@value #MAX_ENTRIES} entries
 * (tens of thousands of creates a second) the oldest are forgotten first, and the store's unique
 * index, which stays the last word across nodes, catches what it forgot.
 */
public final class IssuedMd5s {
    static final long RETENTION_MILLIS = 5_000;
    static final int MAX_ENTRIES = 200_000;

    private final Cache<String, Boolean> issued;

    public IssuedMd5s(Clock clock) {
        this(clock, MAX_ENTRIES);
    }

    IssuedMd5s(Clock clock, int maxEntries) {
        issued = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(Duration.ofMillis(RETENTION_MILLIS))
                .ticker(ClockTicker.of(clock))
                .executor(Runnable::run)
                .build();
    }

    /** Reserves {@code md5}; false when this node already issued it (then change the creation time and try again). */
    public boolean reserve(String md5) {
        return issued.asMap().putIfAbsent(md5, Boolean.TRUE) == null;
    }

    long size() {
        issued.cleanUp();
        return issued.estimatedSize();
    }
}
