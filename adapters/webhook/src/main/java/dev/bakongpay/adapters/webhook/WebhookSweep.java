package dev.bakongpay.adapters.webhook;

import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.TransactionStore;
import dev.bakongpay.spi.WebhookDeliveryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's safety net: a node that won a status change and died before its listener recorded
 * the event leaves a final transaction without a delivery. The sweep lists recently changed final
 * transactions and records their events; recording is idempotent, so events the listener did
 * record are left as they are, and several nodes may sweep at once.
 */
final class WebhookSweep {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSweep.class);
    private static final int PAGE = 500;

    private final WebhookDeliveryStore store;
    private final TransactionStore transactions;
    private final Clock clock;
    private final Duration lookback;
    private final Duration grace;
    private Instant sweptUntil;
    private boolean unsupportedLogged;

    WebhookSweep(
            WebhookDeliveryStore store, TransactionStore transactions, Clock clock, Duration lookback, Duration grace) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.lookback = lookback;
        this.grace = grace;
    }

    /** Sweeps [last end − grace, now − grace), or [now − lookback, now − grace) the first time. */
    synchronized int once() {
        Instant now = clock.instant();
        Instant to = now.minus(grace);
        Instant from = sweptUntil == null ? now.minus(lookback) : sweptUntil.minus(grace);
        if (!from.isBefore(to)) return 0;
        int recorded = 0;
        try {
            Instant cursor = from;
            while (true) {
                List<Transaction> page = transactions.findFinalChangedBetween(cursor, to, PAGE);
                for (Transaction t : page) {
                    if (store.record(WebhookEvents.of(t, previousOf(t), t.updatedAt()))) {
                        recorded++;
                        LOG.warn(
                                "BakongPay webhooks: recorded the missing event {}:{} (the node that changed it did not;"
                                        + " it may have stopped)",
                                t.id(),
                                t.status());
                    }
                }
                if (page.size() < PAGE) break;
                Instant last = page.get(page.size() - 1).updatedAt();
                cursor = last.equals(cursor) ? last.plusNanos(1_000) : last; // a full page of one instant: move on
            }
        } catch (UnsupportedOperationException e) {
            if (!unsupportedLogged) {
                unsupportedLogged = true;
                LOG.warn(
                        "BakongPay webhooks: no sweep, the transaction store cannot list changes ({})", e.getMessage());
            }
            return 0;
        }
        sweptUntil = to;
        return recorded;
    }

    /** Only the current status is stored: a late SUCCESS came from EXPIRED if that event was recorded. */
    private PaymentStatus previousOf(Transaction t) {
        if (t.status() == PaymentStatus.SUCCESS
                && t.late()
                && store.findByTransaction(t.id()).stream()
                        .anyMatch(d -> d.eventId().endsWith(":" + PaymentStatus.EXPIRED))) {
            return PaymentStatus.EXPIRED;
        }
        return PaymentStatus.PENDING;
    }
}
