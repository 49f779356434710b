package dev.bakongpay.core.bakong;

import java.util.Objects;
import java.util.Optional;

/**
 * NBC's answer about one payment: found (paid, with the transaction), not found (not paid yet,
 * the normal answer for a fresh QR), failed, or unusable (NBC answered about this payment, but
 * not with a sane payment). Infrastructure failures are exceptions instead.
 *
 * @param status      the outcome
 * @param transaction present exactly when {@code status} is {@link Status#FOUND}
 * @param message     NBC's message, for logs; for UNUSABLE, why, in our words
 */
public record TransactionCheckResult(Status status, BakongTransaction transaction, String message) {

    public enum Status {
        /** Paid: NBC has the transaction. */
        FOUND,
        /** Not paid (yet); also NBC's answer for static QRs and unknown md5s. Not final. */
        NOT_FOUND,
        /** NBC reports the transaction failed. Final. */
        FAILED,
        /**
         * NBC answered about this payment, but not with a sane payment (an amount that is not a
         * number or out of range, a missing or oversized field, conflicting list items): neither
         * paid nor failed as far as we can tell. Not final: asked again later.
         */
        UNUSABLE
    }

    public TransactionCheckResult {
        Objects.requireNonNull(status, "status");
        if ((status == Status.FOUND) != (transaction != null)) {
            throw new IllegalArgumentException(
                    "a transaction goes with FOUND and only with FOUND, status was " + status);
        }
        message = message == null ? "" : message;
    }

    public static TransactionCheckResult found(BakongTransaction transaction, String message) {
        return new TransactionCheckResult(Status.FOUND, Objects.requireNonNull(transaction, "transaction"), message);
    }

    public static TransactionCheckResult notFound(String message) {
        return new TransactionCheckResult(Status.NOT_FOUND, null, message);
    }

    public static TransactionCheckResult failed(String message) {
        return new TransactionCheckResult(Status.FAILED, null, message);
    }

    /** NBC's answer about this payment is not a sane payment; {@code reason} says why, in our words. */
    public static TransactionCheckResult unusable(String reason) {
        return new TransactionCheckResult(Status.UNUSABLE, null, reason);
    }

    /** The transaction when found. */
    public Optional<BakongTransaction> foundTransaction() {
        return Optional.ofNullable(transaction);
    }

    /** FOUND and FAILED do not change any more; NOT_FOUND and UNUSABLE may become either. */
    public boolean isFinal() {
        return status == Status.FOUND || status == Status.FAILED;
    }
}
