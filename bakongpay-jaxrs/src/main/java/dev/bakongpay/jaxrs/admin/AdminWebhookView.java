package dev.bakongpay.jaxrs.admin;

import dev.bakongpay.core.payment.view.Times;
import dev.bakongpay.spi.WebhookDelivery;
import dev.bakongpay.spi.WebhookDeliveryState;
import java.time.Instant;

/**
 * A webhook delivery as the operator sees it (the body itself is left out: it can be large, and the
 * payment's detail shows the same facts).
 *
 * @param redeliverable whether {@code POST /webhooks/{id}/redeliver} would act on it now
 * @param sending       whether a node holds its lease (a send is in flight)
 */
public record AdminWebhookView(
        String eventId,
        String transactionId,
        String merchantId,
        String type,
        String state,
        int attempts,
        String createdAt,
        String nextAttemptAt,
        String lastAttemptAt,
        String lastError,
        boolean sending,
        boolean redeliverable) {

    static AdminWebhookView of(WebhookDelivery d, Instant now) {
        boolean sending = d.leaseUntil() != null && d.leaseUntil().isAfter(now);
        boolean redeliverable = d.state() == WebhookDeliveryState.DEAD
                || (d.state() == WebhookDeliveryState.PENDING && d.attempts() > 0 && !sending);
        return new AdminWebhookView(
                d.eventId(),
                d.event().transactionId().toString(),
                d.event().merchantId(),
                d.event().type(),
                d.state().name(),
                d.attempts(),
                Times.iso(d.event().createdAt()),
                Times.iso(d.nextAttemptAt()),
                d.lastAttemptAt() == null ? null : Times.iso(d.lastAttemptAt()),
                d.lastError(),
                sending,
                redeliverable);
    }
}
