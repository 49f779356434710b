/**
 * The hosted checkout page behind {@code checkoutUrl}: {@link dev.bakongpay.checkout.CheckoutServlet}
 * serves {@code /pay/{transactionId}}, its QR image and its live status, reading transactions
 * through the {@link dev.bakongpay.checkout.CheckoutSource} port so the page does not depend on
 * how payments are stored or checked. Everything under {@code internal} may change at any time.
 */
package dev.bakongpay.checkout;
