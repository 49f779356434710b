package dev.bakongpay.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A recorded {@link WebhookEvent} and the state of its delivery.
 *
 * @param event         what to send
 * @param state         pending, delivered or dead
 * @param attempts      how many sends have finished (successful or not)
 * @param nextAttemptAt when it is due (PENDING); the time it became final otherwise
 * @param lastAttemptAt when the last send finished; null before the first
 * @param lastError     why the last send failed ({@code HTTP 500}, {@code timeout}); null if none
 * @param leaseOwner    the node sending it now; null when not leased
 * @param leaseUntil    the lease's end; after it another node may take the delivery over
 */
public record WebhookDelivery(
        WebhookEvent event,
        WebhookDeliveryState state,
        int attempts,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        String lastError,
        String leaseOwner,
        Instant leaseUntil) {

    public WebhookDelivery {
        Objects.requireNonNull(event, "event must not be null");
        Objects.requireNonNull(state, "state must not be null");
        if (attempts < 0) throw new IllegalArgumentException("attempts must not be negative");
        nextAttemptAt = Checks.instant(nextAttemptAt, "nextAttemptAt");
        lastAttemptAt = Checks.optionalInstant(lastAttemptAt);
        if (lastError != null && lastError.length() > 512) lastError = lastError.substring(0, 512);
        leaseUntil = Checks.optionalInstant(leaseUntil);
    }

    /** The event's id. */
    public String eventId() {
        return event.eventId();
    }
}
