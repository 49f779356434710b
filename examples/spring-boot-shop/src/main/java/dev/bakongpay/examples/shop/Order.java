package dev.bakongpay.examples.shop;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;

/**
 * An order and the KHQR it is paid with.
 *
 * @param paidAt when the shop heard that the payment succeeded (null until then)
 */
public record Order(
        String id,
        String item,
        BigDecimal amount,
        String transactionId,
        String md5,
        String qrString,
        URI checkoutUrl,
        Instant paidAt) {

    public boolean paid() {
        return paidAt != null;
    }

    Order paidAt(Instant at) {
        return new Order(id, item, amount, transactionId, md5, qrString, checkoutUrl, at);
    }
}
