package dev.bakongpay.core.payment.view;

import dev.bakongpay.core.payment.Amounts;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.UpstreamPayment;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The seed's {@code transaction} block: the payment Bakong reported for a transaction. The REST
 * answers show what the seed API reference lists (hash, from, to, amount, currency, timestamp);
 * the webhook body adds Bakong's {@code externalRef} and {@code instructionRef} when known.
 *
 * @param timestamp epoch milliseconds of Bakong's acknowledgement, or of the recording when Bakong gave none
 */
public record TransferView(
        String hash,
        String from,
        String to,
        BigDecimal amount,
        String currency,
        long timestamp,
        String externalRef,
        String instructionRef) {

    /** The block of {@code t} with Bakong's references (webhook bodies); null while no payment is recorded. */
    public static TransferView withReferences(Transaction t) {
        UpstreamPayment p = t.payment();
        if (p == null) return null;
        Instant at = p.acknowledgedAt() != null ? p.acknowledgedAt() : t.updatedAt();
        return new TransferView(
                p.hash(),
                p.fromAccountId(),
                p.toAccountId(),
                Amounts.forDisplay(p.amount(), p.currency()),
                p.currency(),
                at.toEpochMilli(),
                p.externalRef(),
                p.instructionRef());
    }

    /** The block of {@code t} as the seed's REST answers show it; null while no payment is recorded. */
    public static TransferView of(Transaction t) {
        TransferView v = withReferences(t);
        return v == null ? null : new TransferView(v.hash, v.from, v.to, v.amount, v.currency, v.timestamp, null, null);
    }
}
