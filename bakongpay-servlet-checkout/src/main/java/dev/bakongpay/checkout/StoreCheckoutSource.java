package dev.bakongpay.checkout;

import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.TransactionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CheckoutSource} over a {@link TransactionStore}. Alone, {@link #refresh(UUID)} is a plain
 * read and the page shows whatever the payment services or reconciliation last stored. Given a
 * refresher (the payment services' status check), {@code refresh} runs it for a transaction the
 * store still holds as PENDING, or as EXPIRED within its late window, so an open page sees the
 * payment, a late one included, even when nobody else polls:
 *
 * <pre>{@code
 * new StoreCheckoutSource(store, clock, t -> payments.reconcile(List.of(t)).get(0))   // the transaction after the check
 * }</pre>
 *
 * The late window (default {@link CheckoutView#DEFAULT_LATE_WINDOW}) is how long after its expiry
 * an EXPIRED transaction is still watched: give the reconciler's expired lookback (two leases)
 * when the lease is not the default one.
 */
public final class StoreCheckoutSource implements CheckoutSource {
    private static final Logger LOG = LoggerFactory.getLogger(StoreCheckoutSource.class);
    private final TransactionStore store;
    private final Clock clock;
    private final UnaryOperator<Transaction> refresher;
    private final Duration lateWindow;
    private final Function<Transaction, Optional<String>> bankAppLinks;

    public StoreCheckoutSource(TransactionStore store) {
        this(store, Clock.systemUTC());
    }

    /** With {@code clock} deciding when a pending transaction shows as expired. */
    public StoreCheckoutSource(TransactionStore store, Clock clock) {
        this(store, clock, UnaryOperator.identity());
    }

    /**
     * @param refresher given a stored PENDING transaction, or an EXPIRED one within its late window,
     *                  asks upstream and returns the transaction as it is after that (changed or
     *                  not); it must be bounded in time
     */
    public StoreCheckoutSource(TransactionStore store, Clock clock, UnaryOperator<Transaction> refresher) {
        this(store, clock, refresher, CheckoutView.DEFAULT_LATE_WINDOW);
    }

    /**
     * @param refresher  as in {@link #StoreCheckoutSource(TransactionStore, Clock, UnaryOperator)}
     * @param lateWindow how long after its expiry an EXPIRED transaction may still turn late SUCCESS by
     *                   itself: the reconciler's expired lookback ({@code PaymentReconciler.claim(node, lease).expiredLookback()})
     */
    public StoreCheckoutSource(
            TransactionStore store, Clock clock, UnaryOperator<Transaction> refresher, Duration lateWindow) {
        this(store, clock, refresher, lateWindow, null);
    }

    private StoreCheckoutSource(
            TransactionStore store,
            Clock clock,
            UnaryOperator<Transaction> refresher,
            Duration lateWindow,
            Function<Transaction, Optional<String>> bankAppLinks) {
        this.bankAppLinks = bankAppLinks;
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refresher = Objects.requireNonNull(refresher, "refresher");
        this.lateWindow = Objects.requireNonNull(lateWindow, "lateWindow");
        if (lateWindow.isNegative())
            throw new IllegalArgumentException("lateWindow must not be negative, was " + lateWindow);
    }

    /**
     * This source, with {@code GET /pay/{id}/app} answered by {@code links}: given a stored
     * transaction, its bank-app link or empty (the payment services' {@code bankAppLink}).
     *
     * <pre>{@code
     * source.withBankAppLinks(payments::bankAppLink)
     * }</pre>
     */
    public StoreCheckoutSource withBankAppLinks(Function<Transaction, Optional<String>> links) {
        return new StoreCheckoutSource(store, clock, refresher, lateWindow, Objects.requireNonNull(links, "links"));
    }

    @Override
    public Optional<String> bankAppLink(UUID transactionId) {
        if (bankAppLinks == null) return CheckoutSource.super.bankAppLink(transactionId);
        return store.findAnyById(transactionId).flatMap(bankAppLinks);
    }

    @Override
    public Optional<CheckoutView> find(UUID transactionId) {
        return store.findAnyById(transactionId).map(this::view);
    }

    @Override
    public Optional<CheckoutView> refresh(UUID transactionId) {
        return store.findAnyById(transactionId).map(t -> {
            if (!watched(t)) return view(t); // settled: nothing upstream can change it any more
            try {
                Transaction checked = refresher.apply(t);
                return view(checked == null ? t : checked);
            } catch (RuntimeException e) {
                // NBC down or slow must not take the page down: show what is stored, try again next poll
                LOG.warn("Status refresh failed for transaction {}: {}", t.id(), e.toString());
                return view(t);
            }
        });
    }

    /** PENDING, or EXPIRED while a late payment may still arrive. */
    private boolean watched(Transaction t) {
        return t.status() == PaymentStatus.PENDING
                || (t.status() == PaymentStatus.EXPIRED
                        && clock.instant().isBefore(t.expiresAt().plus(lateWindow)));
    }

    private CheckoutView view(Transaction t) {
        return CheckoutView.from(t, clock.instant(), lateWindow);
    }
}
