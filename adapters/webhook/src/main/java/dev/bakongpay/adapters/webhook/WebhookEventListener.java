package dev.bakongpay.adapters.webhook;

import dev.bakongpay.spi.PaymentEvent;
import dev.bakongpay.spi.PaymentEventListener;
import dev.bakongpay.spi.WebhookDeliveryStore;
import java.util.Objects;

/**
 * Records each status change in the webhook outbox; never sends on the caller's thread (the
 * {@link WebhookDispatcher} does, in the background). Recording is idempotent on the event id, so
 * a retry or a second node recording the same change stores one delivery.
 */
public final class WebhookEventListener implements PaymentEventListener {
    private final WebhookDeliveryStore store;
    private final Runnable onRecorded;

    /** Records into {@code store}. */
    public WebhookEventListener(WebhookDeliveryStore store) {
        this(store, () -> {});
    }

    /** Records into {@code store}, then runs {@code onRecorded} (e.g. {@link WebhookDispatcher#wake()}). */
    public WebhookEventListener(WebhookDeliveryStore store, Runnable onRecorded) {
        this.store = Objects.requireNonNull(store, "store");
        this.onRecorded = Objects.requireNonNull(onRecorded, "onRecorded");
    }

    @Override
    public void onStatusChange(PaymentEvent event) {
        if (store.record(WebhookEvents.of(event))) onRecorded.run();
    }

    @Override
    public String toString() {
        return "WebhookEventListener";
    }
}
