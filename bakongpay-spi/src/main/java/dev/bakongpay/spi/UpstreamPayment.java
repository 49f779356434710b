package dev.bakongpay.spi;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The payment Bakong reported for a transaction, as recorded by a status transition.
 *
 * @param hash           Bakong's transaction hash, 64 lowercase hex digits (lower-case it first)
 * @param fromAccountId  payer's account, nullable
 * @param toAccountId    receiving account, nullable
 * @param amount         amount actually paid (may differ from the transaction's amount)
 * @param currency       {@code USD} or {@code KHR}
 * @param acknowledgedAt when Bakong acknowledged the payment, nullable
 * @param externalRef    Bakong's external reference, nullable
 * @param instructionRef Bakong's instruction reference, nullable
 */
public record UpstreamPayment(
        String hash,
        String fromAccountId,
        String toAccountId,
        BigDecimal amount,
        String currency,
        Instant acknowledgedAt,
        String externalRef,
        String instructionRef) {

    public UpstreamPayment {
        Checks.sha256(hash, "payment.hash");
        Checks.optionalText(fromAccountId, "payment.fromAccountId", 128);
        Checks.optionalText(toAccountId, "payment.toAccountId", 128);
        Checks.amount(amount, "payment.amount");
        Checks.currency(currency, "payment.currency");
        acknowledgedAt = Checks.optionalInstant(acknowledgedAt);
        Checks.optionalText(externalRef, "payment.externalRef", 128);
        Checks.optionalText(instructionRef, "payment.instructionRef", 128);
    }
}
