package dev.bakongpay.core.payment.view;

import dev.bakongpay.core.payment.Amounts;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The {@code data} of a webhook body: the fields of the API's check answers (same names, same
 * derivation as {@link TransactionView}, in the webhook's own documented order), the previous
 * status, and the {@code transaction} block with Bakong's references.
 */
public record PaymentEventData(
        String transactionId,
        String md5,
        String status,
        String previousStatus,
        BigDecimal amount,
        String currency,
        String mode,
        String merchantName,
        String bakongId,
        String description,
        String createdAt,
        String expiresAt,
        String updatedAt,
        Boolean late,
        String failureReason,
        String failureMessage,
        TransferView transaction,
        Map<String, String> metadata) {

    public static PaymentEventData of(Transaction t, PaymentStatus previous) {
        return new PaymentEventData(
                t.id().toString(),
                t.md5(),
                t.status().name(),
                previous.name(),
                Amounts.forDisplay(t.amount(), t.currency()),
                t.currency(),
                t.mode().name(),
                t.merchantName(),
                t.bakongId(),
                t.description(),
                Times.iso(t.createdAt()),
                Times.iso(t.expiresAt()),
                Times.iso(t.updatedAt()),
                Outcome.late(t),
                Outcome.failureReason(t),
                Outcome.failureMessage(t),
                TransferView.withReferences(t),
                Outcome.metadata(t));
    }
}
