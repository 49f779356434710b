package dev.bakongpay.simulator;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * How the simulated customer pays. The defaults pay the QR's own amount, in its currency, to its
 * account, at once, successfully. Overriding amount, currency or receiving account makes a
 * payment that a careful gateway must refuse to count as paid.
 *
 * <pre>{@code PaymentOptions.defaults().from("dara@aclb").amount(new BigDecimal("0.50")).delay(Duration.ofSeconds(2))}</pre>
 */
public record PaymentOptions(
        String fromAccountId, BigDecimal amount, String currency, String toAccountId, Duration delay, String status) {

    private static final PaymentOptions DEFAULTS =
            new PaymentOptions(null, null, null, null, Duration.ZERO, SimulatedPayment.SUCCESS);

    public PaymentOptions {
        delay = delay == null ? Duration.ZERO : delay;
        status = status == null ? SimulatedPayment.SUCCESS : status;
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay was " + delay + " but it must not be negative");
        }
    }

    public static PaymentOptions defaults() {
        return DEFAULTS;
    }

    public PaymentOptions from(String payerAccountId) {
        return new PaymentOptions(payerAccountId, amount, currency, toAccountId, delay, status);
    }

    public PaymentOptions amount(BigDecimal paidAmount) {
        return new PaymentOptions(fromAccountId, paidAmount, currency, toAccountId, delay, status);
    }

    /** {@code "USD"} or {@code "KHR"}. */
    public PaymentOptions currency(String paidCurrency) {
        return new PaymentOptions(fromAccountId, amount, paidCurrency, toAccountId, delay, status);
    }

    public PaymentOptions to(String receiverAccountId) {
        return new PaymentOptions(fromAccountId, amount, currency, receiverAccountId, delay, status);
    }

    /** NBC reports the payment only after this delay (measured on the simulator's clock). */
    public PaymentOptions delay(Duration acknowledgedAfter) {
        return new PaymentOptions(fromAccountId, amount, currency, toAccountId, acknowledgedAfter, status);
    }

    /** The payment fails: NBC answers "Transaction failed." (errorCode 3) for its md5. */
    public PaymentOptions failed() {
        return new PaymentOptions(fromAccountId, amount, currency, toAccountId, delay, SimulatedPayment.FAILED);
    }
}
