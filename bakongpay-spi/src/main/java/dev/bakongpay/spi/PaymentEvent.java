package dev.bakongpay.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A transaction's status changed.
 *
 * @param transaction the transaction after the change
 * @param previous    its status before
 * @param current     its status now (equals {@code transaction.status()})
 * @param at          when it changed
 */
public record PaymentEvent(Transaction transaction, PaymentStatus previous, PaymentStatus current, Instant at) {

    public PaymentEvent {
        Objects.requireNonNull(transaction, "transaction must not be null");
        Objects.requireNonNull(previous, "previous must not be null");
        Objects.requireNonNull(current, "current must not be null");
        Objects.requireNonNull(at, "at must not be null");
        if (current != transaction.status())
            throw new IllegalArgumentException("current must equal transaction.status()");
    }

    /** The event for a transition a caller has won. */
    public static PaymentEvent of(Transaction after, StatusTransition won) {
        return new PaymentEvent(after, won.from(), won.to(), won.at());
    }
}
