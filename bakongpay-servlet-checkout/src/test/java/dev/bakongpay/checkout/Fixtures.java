package dev.bakongpay.checkout;

import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.core.khqr.KhqrCurrency;
import dev.bakongpay.core.khqr.KhqrPayload;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Transaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Transactions with real KHQR strings, as the create endpoint would store them. */
final class Fixtures {
    private Fixtures() {}

    static Transaction.Builder usd(String amount, Instant expiresAt) {
        return transaction(KhqrCurrency.USD, amount, expiresAt);
    }

    static Transaction.Builder khr(String amount, Instant expiresAt) {
        return transaction(KhqrCurrency.KHR, amount, expiresAt);
    }

    private static Transaction.Builder transaction(KhqrCurrency currency, String amount, Instant expiresAt) {
        // the QR's own expiry must be in the future for the encoder; the page uses the transaction's
        String qr = Khqr.encode(KhqrPayload.individual("finn_shop@aclb")
                        .merchantName("FINN SHOP")
                        .currency(currency)
                        .amount(new BigDecimal(amount))
                        .billNumber("INV-" + UUID.randomUUID().toString().substring(0, 8))
                        .expiresAt(Instant.now().plusSeconds(3600))
                        .build())
                .qr();
        Instant created = expiresAt.minusSeconds(900);
        return Transaction.builder()
                .id(UUID.randomUUID())
                .merchantId("m-1")
                .mode(PaymentMode.TEST)
                .md5(Khqr.md5(qr))
                .qrString(qr)
                .amount(new BigDecimal(amount))
                .currency(currency.name())
                .bakongId("finn_shop@aclb")
                .merchantName("FINN SHOP")
                .description("Order #1234")
                .createdAt(created.isBefore(Instant.now()) ? created : Instant.now())
                .expiresAt(expiresAt)
                .attributes(Map.of());
    }
}
