package dev.bakongpay.spi;

import java.time.Instant;

/**
 * The PENDING transactions reconciliation may claim now (never leased, or their lease ended), for
 * metrics: how many, and since when the longest-waiting one has been due.
 *
 * @param due            how many PENDING transactions are claimable now
 * @param oldestDueSince when the longest-waiting one became due (its creation, or the end of its
 *                       last lease); null when none is due
 */
public record ReconciliationBacklog(long due, Instant oldestDueSince) {
    public ReconciliationBacklog {
        if (due < 0) throw new IllegalArgumentException("due must not be negative");
    }
}
