package dev.bakongpay.checkout;

import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.TransactionStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CheckoutSource} over a {@link TransactionStore}. Alone, {@link #refresh(UUID)} is a plain
 * read and the page shows whatever the payment services or reconciliation last stored. Given a
 * refresher (the payment services' status check), {@code refresh} runs it for a transaction the
 * store still holds as PENDING, so an open page sees the payment even when nobody else polls:
 *
 * <pre>{@code
 * new StoreCheckoutSource(store, clock, t -> payments.check(t))   // returns the transaction after the check
 * }</pre>
 */
public final class StoreCheckoutSource implements CheckoutSource {
    private static final Logger LOG = LoggerFactory.getLogger(StoreCheckoutSource.class);
    private final TransactionStore store;
    private final Clock clock;
    private final UnaryOperator<Transaction> refresher;

    public StoreCheckoutSource(TransactionStore store) {
        this(store, Clock.systemUTC());
    }

    /** With {@code clock} deciding when a pending transaction shows as expired. */
    public StoreCheckoutSource(TransactionStore store, Clock clock) {
        this(store, clock, UnaryOperator.identity());
    }

    /**
     * @param refresher given a stored PENDING transaction, asks upstream and returns the transaction
     *                  as it is after that (changed or not); it must be bounded in time
     */
    public StoreCheckoutSource(TransactionStore store, Clock clock, UnaryOperator<Transaction> refresher) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refresher = Objects.requireNonNull(refresher, "refresher");
    }

    @Override
    public Optional<CheckoutView> find(UUID transactionId) {
        return store.findAnyById(transactionId).map(this::view);
    }

    @Override
    public Optional<CheckoutView> refresh(UUID transactionId) {
        return store.findAnyById(transactionId).map(t -> {
            if (t.status() != PaymentStatus.PENDING) return view(t); // final ones are settled; reconciliation finds late payments
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

    private CheckoutView view(Transaction t) {
        return CheckoutView.from(t, clock.instant());
    }
}
