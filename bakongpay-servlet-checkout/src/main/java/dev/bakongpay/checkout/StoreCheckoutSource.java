package dev.bakongpay.checkout;

import dev.bakongpay.spi.TransactionStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link CheckoutSource} reading a {@link TransactionStore} and nothing else: the page then shows
 * whatever the payment services or reconciliation last stored. {@link #refresh(UUID)} is a plain
 * read, so this source never calls NBC.
 */
public final class StoreCheckoutSource implements CheckoutSource {
    private final TransactionStore store;
    private final Clock clock;

    public StoreCheckoutSource(TransactionStore store) {
        this(store, Clock.systemUTC());
    }

    /** With {@code clock} deciding when a pending transaction shows as expired. */
    public StoreCheckoutSource(TransactionStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<CheckoutView> find(UUID transactionId) {
        return store.findAnyById(transactionId).map(t -> CheckoutView.from(t, clock.instant()));
    }
}
