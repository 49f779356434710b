package dev.bakongpay.spi;

/**
 * An operator's listing of the webhook outbox ({@link WebhookDeliveryStore#list}), newest event
 * first ({@code createdAt}, then the event id, both descending).
 *
 * @param state      only deliveries in this state, or null for all
 * @param failedOnly only deliveries that failed: DEAD ones, and PENDING ones with at least one
 *                   attempt (each finished attempt of a PENDING delivery failed)
 * @param limit      1 to 1000
 */
public record WebhookDeliveryQuery(WebhookDeliveryState state, boolean failedOnly, int limit) {
    public WebhookDeliveryQuery {
        WebhookDeliveryStore.checkLimit(limit);
        if (failedOnly && state == WebhookDeliveryState.DELIVERED) {
            throw new IllegalArgumentException("a delivered webhook has not failed");
        }
    }

    /** The newest {@code limit} deliveries in {@code state} (null: any state). */
    public static WebhookDeliveryQuery inState(WebhookDeliveryState state, int limit) {
        return new WebhookDeliveryQuery(state, false, limit);
    }

    /** The newest {@code limit} deliveries that failed (DEAD, or PENDING retrying after a failed attempt). */
    public static WebhookDeliveryQuery failed(int limit) {
        return new WebhookDeliveryQuery(null, true, limit);
    }

    /** Whether {@code d} is one of the listed ones (for stores that filter in memory). */
    public boolean matches(WebhookDelivery d) {
        return (state == null || d.state() == state)
                && (!failedOnly
                        || d.state() == WebhookDeliveryState.DEAD
                        || (d.state() == WebhookDeliveryState.PENDING && d.attempts() > 0));
    }
}
