package dev.bakongpay.core.payment.view;

import dev.bakongpay.core.payment.Amounts;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.spi.Transaction;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;

/**
 * {@code /check/transaction}: the stored transaction, with its KHQR and links, its outcome and
 * the seed's {@code transaction} block (the same {@link TransferView} a webhook body carries,
 * without Bakong's references, which the API reference does not list).
 */
public record TransactionView(
        String transactionId,
        String md5,
        String status,
        BigDecimal amount,
        String currency,
        String merchantName,
        String bakongId,
        String description,
        String mode,
        String qrString,
        String deepLink,
        String checkoutUrl,
        String createdAt,
        String expiresAt,
        String updatedAt,
        Boolean late,
        String failureReason,
        String failureMessage,
        TransferView transaction,
        Map<String, String> metadata) {

    /** @param checkoutUrl the transaction's checkout page ({@link PaymentService#checkoutUrl}) */
    public static TransactionView of(Transaction t, URI checkoutUrl) {
        return new TransactionView(
                t.id().toString(),
                t.md5(),
                t.status().name(),
                Amounts.forDisplay(t.amount(), t.currency()),
                t.currency(),
                t.merchantName(),
                t.bakongId(),
                t.description(),
                t.mode().name(),
                t.qrString(),
                checkoutUrl + "/app", // PaymentService#appUrl
                checkoutUrl.toString(),
                Times.iso(t.createdAt()),
                Times.iso(t.expiresAt()),
                Times.iso(t.updatedAt()),
                Outcome.late(t),
                Outcome.failureReason(t),
                Outcome.failureMessage(t),
                TransferView.of(t),
                Outcome.metadata(t));
    }
}
