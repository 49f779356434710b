package dev.bakongpay.spi;

/**
 * The life of a transaction. It starts {@link #PENDING} and moves once to a final status. The one
 * exception is {@link #EXPIRED} → {@link #SUCCESS}: a payment seen after expiry is money received,
 * so it is recorded as a late success rather than lost.
 */
public enum PaymentStatus {
    PENDING,
    SUCCESS,
    FAILED,
    EXPIRED;

    /** Whether a store may move a transaction from this status to {@code next}. */
    public boolean canMoveTo(PaymentStatus next) {
        return switch (this) {
            case PENDING -> next == SUCCESS || next == FAILED || next == EXPIRED;
            case EXPIRED -> next == SUCCESS;
            case SUCCESS, FAILED -> false;
        };
    }

    /** Whether no ordinary check will change this status any more (EXPIRED may still turn late SUCCESS). */
    public boolean isFinal() {
        return this != PENDING;
    }
}
