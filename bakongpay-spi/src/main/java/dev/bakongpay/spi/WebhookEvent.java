package dev.bakongpay.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A payment event to deliver to a shop, as recorded in the {@link WebhookDeliveryStore} (the
 * outbox). Its id is stable: the same status change always has the same id, whichever node or
 * retry records it, so recording it twice stores it once and a receiver can dedupe by it.
 *
 * @param eventId       {@code <transactionId>:<new status>}, see {@link #idOf(UUID, PaymentStatus)}
 * @param transactionId the transaction whose status changed
 * @param merchantId    its merchant
 * @param type          {@code payment.succeeded}, {@code payment.failed} or {@code payment.expired}
 * @param payload       the JSON body to POST, fixed when recorded so every attempt sends the same bytes
 * @param createdAt     when the status changed
 */
public record WebhookEvent(
        String eventId, UUID transactionId, String merchantId, String type, String payload, Instant createdAt) {

    public WebhookEvent {
        Checks.text(eventId, "eventId", 128);
        Objects.requireNonNull(transactionId, "transactionId must not be null");
        Checks.text(merchantId, "merchantId", 128);
        Checks.text(type, "type", 64);
        Checks.text(payload, "payload", 1_000_000);
        createdAt = Checks.instant(createdAt, "createdAt");
    }

    /** The id of the event "transaction {@code id} became {@code status}". */
    public static String idOf(UUID transactionId, PaymentStatus status) {
        return transactionId + ":" + status.name();
    }
}
