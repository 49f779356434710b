package dev.bakongpay.core.payment;

import dev.bakongpay.core.BakongPayException;
import java.util.List;

/**
 * A payment request refused or failed. {@link #code()} is the machine-readable code clients
 * match on; the HTTP status is chosen by the web layer from the subtype. Refusals are normal
 * traffic, so they carry no stack trace; upstream failures keep theirs.
 */
public abstract class PaymentException extends BakongPayException {
    private final String code;

    protected PaymentException(String code, String message) {
        super(message, false);
        this.code = code;
    }

    protected PaymentException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Per-field details; empty unless the request itself was wrong. */
    public List<FieldError> details() {
        return List.of();
    }

    /** The request is well-formed JSON but its values break a rule (HTTP 422). */
    public static final class Invalid extends PaymentException {
        private final List<FieldError> details;

        public Invalid(List<FieldError> details) {
            super("validation_failed", describe(details));
            if (details.isEmpty()) throw new IllegalArgumentException("details must not be empty");
            this.details = List.copyOf(details);
        }

        public Invalid(String field, String code, String message) {
            this(List.of(new FieldError(field, code, message)));
        }

        @Override
        public List<FieldError> details() {
            return details;
        }

        private static String describe(List<FieldError> details) {
            return details.size() == 1
                    ? details.get(0).field() + ": " + details.get(0).message()
                    : details.size() + " fields are invalid";
        }
    }

    /** No such transaction for this merchant (HTTP 404); another merchant's counts as none. */
    public static final class NotFound extends PaymentException {
        public NotFound(String message) {
            super("transaction_not_found", message);
        }
    }

    /** The feature needs a higher plan (HTTP 403). */
    public static final class PlanUpgradeRequired extends PaymentException {
        public PlanUpgradeRequired(String message) {
            super("plan_upgrade_required", message);
        }
    }

    /** The same Idempotency-Key came with another request body (HTTP 409). */
    public static final class IdempotencyKeyReused extends PaymentException {
        public IdempotencyKeyReused(String key) {
            super(
                    "idempotency_key_reused",
                    "Idempotency-Key '" + key + "' was already used with a different "
                            + "request body; use a new key for a new payment");
        }
    }

    /** The first request with this Idempotency-Key is still running (HTTP 409); retry shortly. */
    public static final class IdempotencyInProgress extends PaymentException {
        public IdempotencyInProgress(String key) {
            super(
                    "idempotency_request_in_progress",
                    "A request with Idempotency-Key '" + key + "' is still being processed; retry in a moment");
        }
    }

    /** Bakong could not be reached or answered nonsense (HTTP 502). */
    public static class NetworkUnavailable extends PaymentException {
        public NetworkUnavailable(String message, Throwable cause) {
            super("upstream_unavailable", message, cause);
        }

        protected NetworkUnavailable(String code, String message, Throwable cause) {
            super(code, message, cause);
        }
    }

    /** Bakong did not answer in time (HTTP 504). */
    public static final class NetworkTimeout extends NetworkUnavailable {
        public NetworkTimeout(String message, Throwable cause) {
            super("upstream_timeout", message, cause);
        }
    }
}
