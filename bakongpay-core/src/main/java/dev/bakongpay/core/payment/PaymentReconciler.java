package dev.bakongpay.core.payment;

import dev.bakongpay.spi.ReconciliationClaim;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.TransactionStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
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
 * <p>Pressure on NBC stays bounded: a transaction leased to one node is not handed to any node
 * again before its lease ends, so each md5 is asked about at most once per {@code lease}
 * whatever the number of nodes (the lease lives in the shared store). An EXPIRED transaction is
 * looked at again only while its expiry lies within {@code expiredLookback} (default: two
 * leases), which is one or two more looks, so a payment that lands just after expiry is still
 * seen and nothing is asked about forever. While NBC fails, the wait between ticks doubles up to
 * {@code maxBackoff}; the change of state is logged once each way, not every tick.
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
    /** The default lease: the shortest spacing between two checks of one md5 by reconciliation. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    /** The default longest wait between ticks while NBC fails. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(5);
    /**
     * Full batches run back to back in one tick, up to this many by default, so a backlog drains
     * without waiting ticks. It also caps what one node reconciles: batches × {@value #BATCH} per
     * interval (500 per 30 s by default).
     */
    public static final int DEFAULT_MAX_BATCHES_PER_TICK = 10;

    private final TransactionStore transactions;
    private final PaymentService payments;
    private final ReconciliationClaim claim;
    private final Duration maxBackoff;
    private final int maxBatchesPerTick;
    private final Object stateLock = new Object();
    private int consecutiveFailures;

    /** Batches of 50, leased for 60 s; expired transactions are looked at again for two leases. */
    public PaymentReconciler(TransactionStore transactions, PaymentService payments, String nodeId) {
        this(transactions, payments, claim(nodeId, DEFAULT_LEASE), DEFAULT_MAX_BACKOFF);
    }

    public PaymentReconciler(TransactionStore transactions, PaymentService payments, ReconciliationClaim claim) {
        this(transactions, payments, claim, DEFAULT_MAX_BACKOFF);
    }

    /**
     * @param claim      the batch size, lease (the per-md5 minimum spacing) and expired lookback
     * @param maxBackoff the longest wait between ticks while the network fails
     */
    public PaymentReconciler(
            TransactionStore transactions, PaymentService payments, ReconciliationClaim claim, Duration maxBackoff) {
        this(transactions, payments, claim, maxBackoff, DEFAULT_MAX_BATCHES_PER_TICK);
    }

    /**
     * @param claim             the batch size, lease (the per-md5 minimum spacing) and expired lookback
     * @param maxBackoff        the longest wait between ticks while the network fails
     * @param maxBatchesPerTick full batches one tick runs back to back (1 to 1000): with the interval,
     *                          the most this node reconciles, and the most md5-list calls it makes, per tick
     */
    public PaymentReconciler(
            TransactionStore transactions,
            PaymentService payments,
            ReconciliationClaim claim,
            Duration maxBackoff,
            int maxBatchesPerTick) {
        if (maxBatchesPerTick < 1 || maxBatchesPerTick > 1000) {
            throw new IllegalArgumentException("maxBatchesPerTick must be 1 to 1000, was " + maxBatchesPerTick);
        }
        this.maxBatchesPerTick = maxBatchesPerTick;
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.claim = Objects.requireNonNull(claim, "claim");
        this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxBackoff.isNegative() || maxBackoff.isZero())
            throw new IllegalArgumentException("maxBackoff must be positive");
    }

    /** A claim of {@link #BATCH} for {@code nodeId}, leased for {@code lease}, expired ones re-looked for two leases. */
    public static ReconciliationClaim claim(String nodeId, Duration lease) {
        return new ReconciliationClaim(nodeId, BATCH, lease, lease.multipliedBy(2));
    }

    /**
     * One batch; answers how many transactions changed status.
     *
     * @throws PaymentException.NetworkUnavailable the network could not answer (also counted for the backoff)
     */
    public int runOnce() {
        return runBatch().changed();
    }

    /** What one batch did: how many transactions it held and how many changed status. */
    private record BatchOutcome(int size, int changed) {}

    private BatchOutcome runBatch() {
        List<Transaction> batch = transactions.claimForReconciliation(claim);
        if (batch.isEmpty()) {
            succeeded();
            return new BatchOutcome(0, 0);
        }
        List<Transaction> after;
        try {
            after = payments.reconcile(batch);
        } catch (PaymentException.NetworkUnavailable e) {
            failed(e);
            throw e;
        }
        succeeded();
        int changed = 0;
        for (int i = 0; i < batch.size(); i++) {
            if (after.get(i).status() != batch.get(i).status()) changed++;
        }
        if (changed > 0) LOG.info("reconciliation: {} of {} transactions changed status", changed, batch.size());
        return new BatchOutcome(batch.size(), changed);
    }

    /**
     * One tick: batches until one is not full (at most the constructor's {@code maxBatchesPerTick}) or the
     * network fails. Never throws for a network failure; answers how many changed status.
     */
    public int tick() {
        int changed = 0;
        for (int i = 0; i < maxBatchesPerTick; i++) {
            BatchOutcome batch;
            try {
                batch = runBatch();
            } catch (PaymentException.NetworkUnavailable e) {
                return changed;
            }
            changed += batch.changed();
            if (batch.size() < claim.limit()) return changed;
        }
        return changed;
    }

    /** Network failures in a row; zero once it answers again. */
    public int consecutiveFailures() {
        synchronized (stateLock) {
            return consecutiveFailures;
        }
    }

    /**
     * The wait before the next tick: {@code every} while the network answers, then doubling with
     * each failed tick ({@code every × 2^failures}), never more than {@code maxBackoff} (nor less
     * than {@code every}).
     */
    public Duration nextDelay(Duration every) {
        int failures = consecutiveFailures();
        if (failures == 0) return every;
        long factor = 1L << Math.min(failures, 20);
        Duration grown = every.toMillis() > maxBackoff.toMillis() / factor ? maxBackoff : every.multipliedBy(factor);
        return grown.compareTo(every) < 0 ? every : grown;
    }

    /** Runs a tick every {@code every}, or later while the network fails (see {@link #nextDelay}). */
    public ScheduledFuture<?> start(ScheduledExecutorService scheduler, Duration every) {
        Objects.requireNonNull(every, "every");
        if (every.isNegative() || every.isZero()) throw new IllegalArgumentException("every must be positive");
        Tick first = new Tick(scheduler, every);
        return scheduler.schedule(first, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private final class Tick implements Runnable {
        private final ScheduledExecutorService scheduler;
        private final Duration every;

        Tick(ScheduledExecutorService scheduler, Duration every) {
            this.scheduler = scheduler;
            this.every = every;
        }

        @Override
        public void run() {
            try {
                tick();
            } catch (RuntimeException e) { // a store failure: logged, and the next tick runs as planned
                LOG.warn("reconciliation tick failed; next try in {} s", every.toSeconds(), e);
            }
            try {
                scheduler.schedule(this, nextDelay(every).toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // shutting down
            }
        }
    }

    private void succeeded() {
        synchronized (stateLock) {
            if (consecutiveFailures > 0) {
                LOG.info(
                        "reconciliation: the payment network answers again after {} failed batches; back to the normal interval",
                        consecutiveFailures);
            }
            consecutiveFailures = 0;
        }
    }

    private void failed(RuntimeException e) {
        synchronized (stateLock) {
            consecutiveFailures++;
            if (consecutiveFailures == 1) {
                LOG.warn(
                        "reconciliation: the payment network is failing ({}); backing off, up to {} s between tries, "
                                + "until it answers again",
                        e.getMessage(),
                        maxBackoff.toSeconds());
            } else {
                LOG.debug("reconciliation: batch {} in a row failed: {}", consecutiveFailures, e.getMessage());
            }
        }
    }
}
