package dev.bakongpay.jaxrs.admin;

import dev.bakongpay.core.payment.Amounts;
import dev.bakongpay.core.payment.view.Times;
import dev.bakongpay.core.payment.view.TransferView;
import dev.bakongpay.spi.Transaction;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * A payment as the operator sees it: every merchant's, with its merchant id, its stored status
 * reason and the upstream block (the payment Bakong reported, with Bakong's references: the same
 * {@link TransferView} a webhook body carries). The KHQR string and the attributes are shown in
 * the detail only; absent fields are left out.
 */
public record AdminPaymentView(
        String transactionId,
        String merchantId,
        String mode,
        String md5,
        String status,
        BigDecimal amount,
        String currency,
        String merchantName,
        String bakongId,
        String description,
        String createdAt,
        String expiresAt,
        String updatedAt,
        Boolean late,
        String statusReason,
        TransferView upstream,
        String qrString,
        Map<String, String> attributes) {

    /** The row of a search result. */
    static AdminPaymentView summary(Transaction t) {
        return of(t, false);
    }

    /** The detail of one payment. */
    static AdminPaymentView detail(Transaction t) {
        return of(t, true);
    }

    private static AdminPaymentView of(Transaction t, boolean detail) {
        return new AdminPaymentView(
                t.id().toString(),
                t.merchantId(),
                t.mode().name(),
                t.md5(),
                t.status().name(),
                Amounts.forDisplay(t.amount(), t.currency()),
                t.currency(),
                t.merchantName(),
                t.bakongId(),
                t.description(),
                Times.iso(t.createdAt()),
                Times.iso(t.expiresAt()),
                Times.iso(t.updatedAt()),
                t.late() ? Boolean.TRUE : null,
                t.statusReason(),
                TransferView.withReferences(t),
                detail ? t.qrString() : null,
                detail && !t.attributes().isEmpty() ? new TreeMap<>(t.attributes()) : null);
    }
}
