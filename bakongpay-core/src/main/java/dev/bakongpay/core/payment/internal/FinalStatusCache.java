package dev.bakongpay.core.payment.internal;

import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Transactions whose status can never change again (SUCCESS, FAILED; not EXPIRED, which may still
 * turn late SUCCESS), by md5, so that polling a finished payment does not read the store. Safe on
 * any number of nodes: what is cached is final everywhere. Bounded by two generations: when the
 * young one is full it becomes the old one and the oldest is dropped; a hit in the old one moves
 * back to the young one, so payments still polled stay.
 */
public final class FinalStatusCache {
    private final int generationSize;
    private volatile Map<String, Transaction> young = new ConcurrentHashMap<>();
    private volatile Map<String, Transaction> old = new ConcurrentHashMap<>();

    /** @param maxEntries at most this many transactions are held; zero turns the cache off */
    public FinalStatusCache(int maxEntries) {
        if (maxEntries < 0) throw new IllegalArgumentException("maxEntries must not be negative");
        this.generationSize = maxEntries / 2;
    }

    /** Whether no transition can leave {@code status}. */
    public static boolean neverChanges(PaymentStatus status) {
        return status == PaymentStatus.SUCCESS || status == PaymentStatus.FAILED;
    }

    /** The merchant's final transaction with this md5, if cached. */
    public Transaction get(String merchantId, String md5) {
        if (generationSize == 0) return null;
        Transaction t = young.get(md5);
        if (t == null) {
            t = old.get(md5);
            if (t != null) put(t);
        }
        return t != null && t.merchantId().equals(merchantId) ? t : null;
    }

    /** Remembers {@code t} when its status never changes again; returns it. */
    public Transaction offer(Transaction t) {
        if (t != null && generationSize > 0 && neverChanges(t.status())) put(t);
        return t;
    }

    private void put(Transaction t) {
        Map<String, Transaction> y = young;
        y.put(t.md5(), t);
        if (y.size() >= generationSize) {
            synchronized (this) {
                if (young == y) {
                    old = y;
                    young = new ConcurrentHashMap<>();
                }
            }
        }
    }
}
