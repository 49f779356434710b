package dev.bakongpay.core.payment.view;

import dev.bakongpay.core.payment.PaymentCheck;

/**
 * {@code /check/md5}: the md5, its status, and once there is a transaction the late flag, the
 * failure and the seed's {@code transaction} block.
 */
public record CheckView(
        String md5,
        String status,
        Boolean late,
        String failureReason,
        String failureMessage,
        TransferView transaction) {

    public static CheckView of(PaymentCheck c) {
        return c.found()
                .map(t -> new CheckView(
                        c.md5(),
                        c.status(),
                        Outcome.late(t),
                        Outcome.failureReason(t),
                        Outcome.failureMessage(t),
                        TransferView.of(t)))
                .orElseGet(() -> new CheckView(c.md5(), c.status(), null, null, null, null));
    }
}
