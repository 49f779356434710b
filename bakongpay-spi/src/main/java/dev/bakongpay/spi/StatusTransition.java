package dev.bakongpay.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A compare-and-set of a transaction's status: move from {@code from} to {@code to} only if the
 * stored status is still {@code from}, recording the payment, reason, late flag and time in the
 * same write. Allowed moves are those of {@link PaymentStatus#canMoveTo}: PENDING → SUCCESS,
 * FAILED or EXPIRED, and EXPIRED → SUCCESS (a late payment).
 *
 * @param transactionId the transaction
 * @param from          the status the caller read and expects
 * @param to            the new status
 * @param payment       upstream payment to record (expected for SUCCESS), nullable
 * @param reason        status reason to record, nullable
 * @param late          whether the payment came after {@code expiresAt}; always true from EXPIRED
 * @param at            when the change happened; becomes {@code updatedAt}
 */
public record StatusTransition(
        UUID transactionId,
        PaymentStatus from,
        PaymentStatus to,
        UpstreamPayment payment,
        String reason,
        boolean late,
        Instant at) {

    public StatusTransition {
        Objects.requireNonNull(transactionId, "transactionId must not be null");
        Objects.requireNonNull(from, "from must not be null");
        Objects.requireNonNull(to, "to must not be null");
        if (!from.canMoveTo(to)) {
            throw new IllegalArgumentException("a transaction cannot move from " + from + " to " + to);
        }
        Checks.optionalText(reason, "reason", 512);
        late = late || from == PaymentStatus.EXPIRED; // money seen after expiry is always a late payment
        at = Checks.instant(at, "at");
    }

    /** PENDING → SUCCESS (or EXPIRED → SUCCESS when {@code from} is EXPIRED, which is always late). */
    public static StatusTransition paid(
            UUID id, PaymentStatus from, UpstreamPayment payment, boolean late, Instant at) {
        return new StatusTransition(
                id, from, PaymentStatus.SUCCESS, Objects.requireNonNull(payment, "payment"), null, late, at);
    }

    /** PENDING → FAILED with a reason and the payment that caused it, if any. */
    public static StatusTransition failed(UUID id, UpstreamPayment payment, String reason, Instant at) {
        return new StatusTransition(id, PaymentStatus.PENDING, PaymentStatus.FAILED, payment, reason, false, at);
    }

    /** PENDING → EXPIRED. */
    public static StatusTransition expired(UUID id, Instant at) {
        return new StatusTransition(id, PaymentStatus.PENDING, PaymentStatus.EXPIRED, null, null, false, at);
    }
}
