package dev.bakongpay.core.payment;

import dev.bakongpay.spi.UpstreamPayment;
import java.util.Objects;

/**
 * One answer of a {@link PaymentNetwork}.
 *
 * @param outcome what the network said
 * @param payment the payment, for PAID (and for FAILED when the network names one); else null
 * @param message the network's words, for FAILED; nullable
 */
public record NetworkAnswer(Outcome outcome, UpstreamPayment payment, String message) {

    public enum Outcome { PAID, NOT_FOUND, FAILED }

    private static final NetworkAnswer NOT_FOUND = new NetworkAnswer(Outcome.NOT_FOUND, null, null);

    public NetworkAnswer {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == Outcome.PAID && payment == null) throw new IllegalArgumentException("PAID needs a payment");
        if (outcome == Outcome.NOT_FOUND && payment != null) throw new IllegalArgumentException("NOT_FOUND has no payment");
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
}
