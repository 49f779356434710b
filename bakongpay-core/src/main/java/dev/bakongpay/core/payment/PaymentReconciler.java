package dev.bakongpay.core.payment;

import dev.bakongpay.spi.ReconciliationClaim;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.TransactionStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds payments nobody polls for: leases a batch of pending (and recently expired) transactions
 * from the store, asks the network about them in one call per mode, and applies the answers
 * (paid, failed, expired, late). Several nodes may run it: the store hands each batch to one.
 *
 * <pre>{@code
 * PaymentReconciler reconciler = new PaymentReconciler(storage.transactions(), payments, "node-1");
 * reconciler.start(scheduler, Duration.ofSeconds(30));
 * }</pre>
 */
public final class PaymentReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentReconciler.class);
    /** NBC's list call takes 50 md5s. */
    public static final int BATCH = 50;

    private final TransactionStore transactions;
    private final PaymentService payments;
    private final ReconciliationClaim claim;

    /** Batches of 50, leased for 60 s; expired transactions are re-checked for a day. */
    public PaymentReconciler(TransactionStore transactions, PaymentService payments, String nodeId) {
        this(transactions, payments, new ReconciliationClaim(nodeId, BATCH, Duration.ofSeconds(60), Duration.ofDays(1)));
    }

    public PaymentReconciler(TransactionStore transactions, PaymentService payments, ReconciliationClaim claim) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.claim = Objects.requireNonNull(claim, "claim");
    }

    /** One batch; answers how many transactions changed status. */
    public int runOnce() {
        List<Transaction> batch = transactions.claimForReconciliation(claim);
        if (batch.isEmpty()) return 0;
        List<Transaction> after = payments.reconcile(batch);
        int changed = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (after.get(i).status() != batch.get(i).status()) changed++;
        }
        if (changed > 0) LOG.info("reconciliation: {} of {} transactions changed status", changed, batch.size());
        return changed;
    }

    /** Runs a batch every {@code every}; a failing batch is logged and the next one runs as planned. */
    public ScheduledFuture<?> start(ScheduledExecutorService scheduler, Duration every) {
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                LOG.warn("reconciliation batch failed; retrying in {}", every, e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
}
