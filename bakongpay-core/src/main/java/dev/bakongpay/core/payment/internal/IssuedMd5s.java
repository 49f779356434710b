package dev.bakongpay.core.payment.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The md5s this node issued in the last few seconds, so that two creates of the same payload in
 * the same millisecond (a kiosk, a fixed-price item, a load test) get different KHQRs before
 * either reaches the store. A KHQR's md5 covers its creation time in milliseconds, so only
 * creates stamped with the same millisecond can collide; entries older than
 * {@value #RETENTION_MILLIS} ms are dropped about once a second. Bounded: past
 * {@value #MAX_ENTRIES} entries (thousands of creates a second) it starts afresh, and the
 * store's unique index, which stays the last word across nodes, catches what it forgot.
 */
public final class IssuedMd5s {
    static final long RETENTION_MILLIS = 5_000;
    static final int MAX_ENTRIES = 200_000;

    private final ConcurrentHashMap<String, Long> issued = new ConcurrentHashMap<>();
    private final AtomicLong nextPurge = new AtomicLong();

    /**
     * Reserves {@code md5}, stamped at {@code createdMillis}; false when this node already issued
     * it (then change the creation time and try again).
     */
    public boolean reserve(String md5, long createdMillis, long nowMillis) {
        purge(nowMillis);
        return issued.putIfAbsent(md5, createdMillis) == null;
    }

    int size() {
        return issued.size();
    }

    private void purge(long now) {
        long due = nextPurge.get();
        if (now < due && issued.size() < MAX_ENTRIES) return;
        if (!nextPurge.compareAndSet(due, now + 1_000)) return; // another thread purges
        if (issued.size() >= MAX_ENTRIES) {
            issued.clear();
        } else {
            long horizon = now - RETENTION_MILLIS;
            issued.values().removeIf(t -> t < horizon);
        }
    }
}
