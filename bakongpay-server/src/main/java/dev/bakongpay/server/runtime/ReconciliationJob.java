package dev.bakongpay.server.runtime;

import dev.bakongpay.core.payment.PaymentReconciler;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.spi.TransactionStore;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's reconciler on a background thread: a payment is seen even when neither the shop nor an
 * open checkout page asks. On several nodes each batch is leased to one node by the store.
 */
final class ReconciliationJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationJob.class);
    private final ScheduledExecutorService scheduler;

    private ReconciliationJob(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    static ReconciliationJob start(
            TransactionStore transactions, PaymentService payments, Duration every, Duration lease, int maxBatches) {
        // the runtime name is pid@host: unique per node, and readable in the store's lease column
        String nodeId = ManagementFactory.getRuntimeMXBean().getName();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bakongpay-reconciler");
            t.setDaemon(true);
            return t;
        });
        new PaymentReconciler(
                        transactions,
                        payments,
                        PaymentReconciler.claim(nodeId, lease),
                        PaymentReconciler.DEFAULT_MAX_BACKOFF,
                        maxBatches)
                .start(scheduler, every);
        LOG.info(
                "BakongPay reconciliation: every {} s as node {}, up to {} batches of {} leased for {} s (no md5 is asked about "
                        + "more often by reconciliation, whatever the number of nodes)",
                every.toSeconds(),
                nodeId,
                maxBatches,
                PaymentReconciler.BATCH,
                lease.toSeconds());
        return new ReconciliationJob(scheduler);
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdownNow();
        if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
            LOG.warn("BakongPay reconciliation: a batch was still running after 5 s; leaving it");
        }
    }
}
