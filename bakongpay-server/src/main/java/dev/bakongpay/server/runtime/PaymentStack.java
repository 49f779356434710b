package dev.bakongpay.server.runtime;

import dev.bakongpay.checkout.CheckoutSource;
import dev.bakongpay.checkout.StoreCheckoutSource;
import dev.bakongpay.core.payment.PaymentNetwork;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.core.payment.PaymentSettings;
import dev.bakongpay.core.payment.QrImageService;
import dev.bakongpay.jaxrs.BakongPayRuntime;
import dev.bakongpay.spi.PaymentMode;
import java.net.URI;
import java.util.Map;

/**
 * The payment services over a {@link ServerRuntime}'s store and networks, and what the web layer
 * hands them to: the JAX-RS runtime and the checkout page's source. Built once the public URL is
 * known, because {@code checkoutUrl} is made from it.
 *
 * @param payments the payment rules, one network per mode
 * @param api      what {@code BakongPayApplication} runs on
 * @param checkout the checkout page's source: the store, refreshed through the payment rules
 */
public record PaymentStack(PaymentService payments, BakongPayRuntime api, CheckoutSource checkout) {

    static PaymentStack build(ServerRuntime runtime, Map<PaymentMode, PaymentNetwork> networks, URI publicUrl) {
        var config = runtime.settings().core().toBuilder().publicUrl(publicUrl).build();
        PaymentService.Builder builder = PaymentService.builder()
                .transactions(runtime.storage().transactions())
                .idempotency(runtime.storage().idempotency())
                .clock(runtime.clock())
                .listener(runtime.paymentListener())
                .meterRegistry(runtime.metrics().registry())
                .bankAppSource(
                        runtime.settings().bankApp().name(),
                        runtime.settings().bankApp().iconUrl())
                .settings(PaymentSettings.from(config));
        networks.forEach(builder::network);
        PaymentService payments = builder.build();
        BakongPayRuntime api = BakongPayRuntime.builder()
                .payments(payments)
                .qrImages(new QrImageService(runtime.clock()))
                .apiKeys(runtime.storage().apiKeys())
                .rateLimiter(runtime.rateLimiter())
                .config(config)
                .clock(runtime.clock())
                .meterRegistry(runtime.metrics().registry())
                .build();
        // an open checkout page sees a payment even when the shop does not poll; an EXPIRED one stays
        // open as long as the reconciler still looks for a late payment (two leases)
        // the create answer's deepLink (…/pay/{id}/app) asks NBC or the simulator for a bank-app link
        CheckoutSource checkout = new StoreCheckoutSource(
                        runtime.storage().transactions(),
                        runtime.clock(),
                        t -> payments.reconcile(java.util.List.of(t)).get(0),
                        runtime.settings().budgets().reconcileLease().multipliedBy(2))
                .withBankAppLinks(payments::bankAppLink);
        return new PaymentStack(payments, api, checkout);
    }
}
