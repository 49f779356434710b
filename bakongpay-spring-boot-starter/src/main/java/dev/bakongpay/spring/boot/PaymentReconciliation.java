package dev.bakongpay.spring.boot;

import dev.bakongpay.core.payment.PaymentReconciler;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.spi.TransactionStore;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Core's {@link PaymentReconciler} on a daemon thread of its own, every
 * {@code bakongpay.reconcile-every}: a payment is settled (and its event published) even when
 * neither the shop nor an open checkout page asks. On several nodes the store leases each batch to
 * one node. Stopped with the application context. A zero interval schedules nothing.
 */
public final class PaymentReconciliation implements AutoCloseable {
    private final ScheduledExecutorService scheduler;

    PaymentReconciliation(TransactionStore transactions, PaymentService payments, Duration every) {
        if (every.isZero()) {
            scheduler = null;
            return;
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bakongpay-reconciler");
            t.setDaemon(true);
            return t;
        });
        // pid@host: unique per node, and readable in the store's lease column
        String node = ManagementFactory.getRuntimeMXBean().getName();
        new PaymentReconciler(transactions, payments, node).start(scheduler, every);
    }

    /** Whether payments are reconciled in the background. */
    public boolean running() {
        return scheduler != null && !scheduler.isShutdown();
    }

    @Override
    public void close() throws InterruptedException {
        if (scheduler == null) return;
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }
}
