package dev.bakongpay.core.payment;

import dev.bakongpay.spi.UpstreamPayment;
import java.util.Objects;

/**
 * One answer of a {@link PaymentNetwork}.
 *
 * @param outcome what the network said
 * @param payment the payment, for PAID (and for FAILED when the network names one); else null
 * @param message the network's words, for FAILED; for MISMATCH and UNUSABLE, why, as
 *                {@code code: detail} and in plain words respectively; nullable otherwise
 */
public record NetworkAnswer(Outcome outcome, UpstreamPayment payment, String message) {

    public enum Outcome {
        PAID,
        NOT_FOUND,
        FAILED,
        /**
         * The network reports a payment that cannot be the one asked for, whatever was asked: an
         * amount no transaction can have (zero, negative, more than 6 decimals, too large) or a
         * currency other than USD and KHR. It cannot be an {@link UpstreamPayment}, so only the
         * message ({@code amount_mismatch: paid 1E+30 USD}) says what was paid. A PENDING
         * transaction fails on it, as on any other mismatching payment.
         */
        MISMATCH,
        /**
         * The network answered about this md5, but not with a sane payment (an amount that is not
         * a number, a missing or oversized field, an answer that cannot be read). Nothing changes;
         * it is asked again later. A single check answers 502; a bulk check and reconciliation
         * carry on with the other md5s.
         */
        UNUSABLE
    }

    private static final NetworkAnswer NOT_FOUND = new NetworkAnswer(Outcome.NOT_FOUND, null, null);

    public NetworkAnswer {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.PAID && payment == null) throw new IllegalArgumentException("PAID needs a payment");
        if (outcome != Outcome.PAID && outcome != Outcome.FAILED && payment != null) {
            throw new IllegalArgumentException(outcome + " has no payment");
        }
        if ((outcome == Outcome.MISMATCH || outcome == Outcome.UNUSABLE) && (message == null || message.isBlank())) {
            throw new IllegalArgumentException(outcome + " needs a message");
        }
    }

    public static NetworkAnswer paid(UpstreamPayment payment) {
        return new NetworkAnswer(Outcome.PAID, payment, null);
    }

    public static NetworkAnswer notFound() {
        return NOT_FOUND;
    }

    public static NetworkAnswer failed(String message) {
        return new NetworkAnswer(Outcome.FAILED, null, message);
    }

    /** A payment no transaction can match; {@code reason} is {@code code: detail}, e.g. {@code amount_mismatch: paid 1E+30 USD}. */
    public static NetworkAnswer mismatch(String reason) {
        return new NetworkAnswer(Outcome.MISMATCH, null, reason);
    }

    /** An answer about this md5 that is not a sane payment; {@code reason} says why, in plain words. */
    public static NetworkAnswer unusable(String reason) {
        return new NetworkAnswer(Outcome.UNUSABLE, null, reason);
    }
}
