package dev.bakongpay.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * A request to lease a batch of transactions for reconciliation.
 *
 * @param owner            this node's id; a lease names its owner for diagnostics
 * @param limit            at most this many transactions, 1 to 1000
 * @param lease            how long the batch is this owner's; after that another node may take it
 *                         (so a dead node's batch is retaken), and the same transaction is not
 *                         handed out again before then, which also paces re-checks
 * @param expiredLookback  EXPIRED transactions whose {@code expiresAt} is within this span before
 *                         now are handed out too, so a late payment is still seen; ZERO for none
 */
public record ReconciliationClaim(String owner, int limit, Duration lease, Duration expiredLookback) {

    public ReconciliationClaim {
        Checks.text(owner, "owner", 128);
        if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be 1 to 1000, was " + limit);
        Objects.requireNonNull(lease, "lease must not be null");
        if (lease.isNegative() || lease.isZero()) throw new IllegalArgumentException("lease must be positive");
        Objects.requireNonNull(expiredLookback, "expiredLookback must not be null");
        if (expiredLookback.isNegative()) throw new IllegalArgumentException("expiredLookback must not be negative");
    }
}
