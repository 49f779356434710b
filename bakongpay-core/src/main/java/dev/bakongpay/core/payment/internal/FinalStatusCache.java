package dev.bakongpay.core.payment.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bakongpay.core.metrics.Meters;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Transactions whose status can never change again (SUCCESS, FAILED; not EXPIRED, which may still
 * turn late SUCCESS), by md5, so that polling a finished payment does not read the store. Safe on
 * any number of nodes: what is cached is final everywhere, so nothing expires by time. Bounded:
 * past {@code maxEntries} the least useful are evicted one at a time (payments still polled stay).
 */
public final class FinalStatusCache {
    private final Cache<String, Transaction> finals;

    /** @param maxEntries at most this many transactions are held; zero turns the cache off */
    public FinalStatusCache(int maxEntries) {
        this(maxEntries, Meters.none());
    }

    /** As {@link #FinalStatusCache(int)}, its hits and misses recorded as cache {@code payments.final} when the registry records. */
    public FinalStatusCache(int maxEntries, MeterRegistry meters) {
        if (maxEntries < 0) throw new IllegalArgumentException("maxEntries must not be negative");
        if (maxEntries == 0) {
            this.finals = null;
        } else if (Meters.records(meters)) {
            this.finals = CaffeineCacheMetrics.monitor(
                    meters,
                    Caffeine.newBuilder()
                            .maximumSize(maxEntries)
                            .executor(Runnable::run)
                            .recordStats()
                            .<String, Transaction>build(),
                    "payments.final");
        } else {
            this.finals = Caffeine.newBuilder()
                    .maximumSize(maxEntries)
                    .executor(Runnable::run)
                    .build();
        }
    }

    /** Whether no transition can leave {@code status}. */
    public static boolean neverChanges(PaymentStatus status) {
        return status == PaymentStatus.SUCCESS || status == PaymentStatus.FAILED;
    }

    /** The merchant's final transaction with this md5, if cached. */
    public Transaction get(String merchantId, String md5) {
        if (finals == null) return null;
        Transaction t = finals.getIfPresent(md5);
        return t != null && t.merchantId().equals(merchantId) ? t : null;
    }

    /** Remembers {@code t} when its status never changes again; returns it. */
    public Transaction offer(Transaction t) {
        if (t != null && finals != null && neverChanges(t.status())) finals.put(t.md5(), t);
        return t;
    }

    /** Transactions held now (for tests). */
    long size() {
        if (finals == null) return 0;
        finals.cleanUp();
        return finals.estimatedSize();
    }
}
