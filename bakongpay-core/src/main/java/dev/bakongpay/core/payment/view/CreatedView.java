package dev.bakongpay.core.payment.view;

import dev.bakongpay.core.payment.CreatedPayment;

/** {@code /khqr/create}: the new transaction's id, its KHQR (text, PNG data URL, md5), links and expiry. */
public record CreatedView(
        String transactionId,
        String qrString,
        String qrImage,
        String md5,
        String deepLink,
        String checkoutUrl,
        String expiresAt) {

    /** @param qrImage the KHQR as a {@code data:image/png;base64,…} URL */
    public static CreatedView of(CreatedPayment p, String qrImage) {
        return new CreatedView(
                p.transaction().id().toString(),
                p.qrString(),
                qrImage,
                p.md5(),
                p.deepLink(),
                p.checkoutUrl().toString(),
                Times.iso(p.expiresAt()));
    }
}
