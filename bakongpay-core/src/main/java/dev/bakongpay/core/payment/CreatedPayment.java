package dev.bakongpay.core.payment;

import dev.bakongpay.spi.Transaction;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A new payment request: the stored transaction and the ways to pay it.
 *
 * @param transaction the PENDING transaction (or, on an idempotent replay, its current state)
 * @param deepLink    {@code <publicUrl>/pay/<transactionId>/app}: on a phone, opens a bank app on the
 *                    KHQR (see {@link PaymentService#appUrl}, {@link PaymentService#bankAppLink})
 * @param checkoutUrl the hosted checkout page, {@code <publicUrl>/pay/<transactionId>}
 * @param replayed    true when an Idempotency-Key replay answered with the first request's payment
 */
public record CreatedPayment(Transaction transaction, String deepLink, URI checkoutUrl, boolean replayed) {
    public CreatedPayment {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(deepLink, "deepLink");
        Objects.requireNonNull(checkoutUrl, "checkoutUrl");
    }

    public String qrString() {
        return transaction.qrString();
    }

    public String md5() {
        return transaction.md5();
    }

    public Instant expiresAt() {
        return transaction.expiresAt();
    }
}
