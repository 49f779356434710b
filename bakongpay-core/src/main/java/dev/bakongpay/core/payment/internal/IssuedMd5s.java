package dev.bakongpay.core.payment.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The md5s this node issued in the last few seconds, so that two creates of the same payload in
 * the same millisecond (a kiosk, a fixed-price item, a load test) get different KHQRs before
 * either reaches the store. A KHQR's md5 covers its creation time in milliseconds, so only
 * creates stamped with the same millisecond can collide; an md5 is remembered for
 * {@value #RETENTION_MILLIS} ms of the injected clock. Bounded: past {@value #MAX_ENTRIES} entries
 * (tens of thousands of creates a second) the oldest are forgotten first, and the store's unique
 * index, which stays the last word across nodes, catches what it forgot.
 *
 * <p>A map of md5 to the time it was issued, swept about once a second by whichever create comes
 * due: every create passes here, and a cache's upkeep on each write (Caffeine's, on the caller's
 * thread) cost more than the lookup.
 */
public final class IssuedMd5s {
    static final long RETENTION_MILLIS = 5_000;
    static final int MAX_ENTRIES = 200_000;
    private static final long SWEEP_EVERY_MILLIS = 1_000;

    private final Clock clock;
    private final int maxEntries;
    private final Map<String, Long> issuedAt = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);

    public IssuedMd5s(Clock clock) {
        this(clock, MAX_ENTRIES);
    }

    IssuedMd5s(Clock clock, int maxEntries) {
        this.clock = clock;
        this.maxEntries = maxEntries;
    }

    /** Reserves {@code md5}; false when this node already issued it (then change the creation time and try again). */
    public boolean reserve(String md5) {
        long now = clock.millis();
        Long issued = now;
        while (true) {
            Long earlier = issuedAt.putIfAbsent(md5, issued);
            if (earlier == null) break;
            if (now - earlier < RETENTION_MILLIS) return false;
            if (issuedAt.replace(md5, earlier, issued)) break; // forgotten by now: issue it again
        }
        long due = nextSweep.get();
        if ((now >= due || issuedAt.size() > maxEntries) && nextSweep.compareAndSet(due, now + SWEEP_EVERY_MILLIS)) {
            sweep(now);
        }
        return true;
    }

    /** Forgets what is past the retention; when still over the bound, the oldest down to nine tenths of it. */
    private synchronized void sweep(long now) {
        issuedAt.values().removeIf(t -> now - t >= RETENTION_MILLIS);
        int excess = issuedAt.size() - maxEntries * 9 / 10;
        if (issuedAt.size() <= maxEntries || excess <= 0) return;
        long[] times = issuedAt.values().stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(times);
        long cutoff = times[Math.min(excess, times.length) - 1];
        issuedAt.values().removeIf(t -> t < cutoff);
        Iterator<Long> sameAge = issuedAt.values().iterator();
        while (issuedAt.size() > maxEntries * 9 / 10 && sameAge.hasNext()) {
            if (sameAge.next() == cutoff) sameAge.remove();
        }
    }

    long size() {
        sweep(clock.millis());
        return issuedAt.size();
    }
}
