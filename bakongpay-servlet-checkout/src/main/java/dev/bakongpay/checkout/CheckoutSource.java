package dev.bakongpay.checkout;

import java.util.Optional;
import java.util.UUID;

/**
 * Where the checkout page reads a transaction from. The page only needs what a shopper may see,
 * so the port speaks {@link CheckoutView}, not the store's or the payment services' types.
 *
 * <p>{@link StoreCheckoutSource} reads a {@code TransactionStore} alone; a server with payment
 * services adapts their status check to {@link #refresh(UUID)} so an open page sees a payment
 * even when nobody else polls. Implementations are thread-safe.
 */
public interface CheckoutSource {

    /** The servlet-context attribute the checkout servlet takes its source from. */
    String ATTRIBUTE = "dev.bakongpay.checkout.CheckoutSource";

    /** What is known now, without asking anyone upstream; empty for an unknown id. */
    Optional<CheckoutView> find(UUID transactionId);

    /**
     * A fresher status, asking upstream if the implementation can. The servlet calls it at most
     * about every two seconds per transaction; it must still be bounded in time, because a
     * shopper's browser is waiting on it. The default is {@link #find(UUID)}.
     */
    default Optional<CheckoutView> refresh(UUID transactionId) {
        return find(transactionId);
    }

    /**
     * The web link that opens a bank app on this transaction's KHQR, for
     * {@code GET /pay/{id}/app}: a server with payment services answers
     * {@code PaymentService.bankAppLink} (asked upstream on first use, then stored). Empty when
     * there is none: the servlet then shows the QR with its save button. The default is the
     * view's {@link CheckoutView#deepLink()} when it is an http(s) link.
     */
    default Optional<String> bankAppLink(UUID transactionId) {
        return find(transactionId)
                .map(CheckoutView::deepLink)
                .filter(link -> dev.bakongpay.checkout.internal.Links.webUrlOrNull(link) != null);
    }
}
