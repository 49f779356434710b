package dev.bakongpay.spi;

/** Where a webhook delivery stands. */
public enum WebhookDeliveryState {
    /** Not delivered yet: due at its {@code nextAttemptAt}, or leased to a node sending it now. */
    PENDING,
    /** The receiver answered 2xx. Final. */
    DELIVERED,
    /** Given up after the last allowed attempt. Final, unless an operator redelivers it. */
    DEAD
}
