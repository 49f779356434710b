package com.example.shop;

import dev.bakongpay.checkout.CheckoutSource;
import dev.bakongpay.checkout.StoreCheckoutSource;
import dev.bakongpay.core.bakong.BakongClient;
import dev.bakongpay.core.bakong.BakongClientConfig;
import dev.bakongpay.core.payment.BakongPaymentNetwork;
import dev.bakongpay.core.payment.Merchant;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.core.payment.PaymentSettings;
import dev.bakongpay.core.payment.QrImageService;
import dev.bakongpay.jaxrs.ApiKeys;
import dev.bakongpay.jaxrs.BakongPayApplication;
import dev.bakongpay.jaxrs.BakongPayRuntime;
import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.memory.MemoryRateLimiter;
import dev.bakongpay.spi.memory.MemoryStorageProvider;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Wires BakongPay into the shop when the WAR starts (declared in web.xml): the payment services, the
 * JSON API under {@code /api/v1/*} on Jersey as bakongpay-jaxrs/README.md shows, and the data of the
 * checkout page, which the checkout JAR maps to {@code /pay/*} by itself. Settings are Java system
 * properties or, without one, the context parameters in web.xml.
 */
public final class ShopSetup implements ServletContextListener {

    /** The one merchant this shop is; its API key acts for it too. */
    static final Merchant MERCHANT = new Merchant("coffee-corner", Plan.PRO, PaymentMode.TEST);

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Clock clock = Clock.systemUTC();
        // in memory for the example; a shop with a database passes JdbcStorage.builder(dataSource).build()
        Storage storage = MemoryStorageProvider.create(clock);
        Orders orders = new Orders();

        String apiKey = setting(context, "shop.apiKey");
        storage.apiKeys()
                .save(new ApiKeyRecord(
                        "key_shop0001",
                        ApiKeys.hash(apiKey),
                        apiKey.substring(0, 12),
                        "Coffee Corner app",
                        MERCHANT.id(),
                        MERCHANT.plan(),
                        ApiKeys.mode(apiKey),
                        clock.instant(),
                        null,
                        null,
                        null));

        PaymentService payments = PaymentService.builder()
                .transactions(storage.transactions())
                .idempotency(storage.idempotency())
                // test payments go to the Bakong simulator; a live shop adds PaymentMode.LIVE with NBC's URL and token
                .network(
                        PaymentMode.TEST,
                        new BakongPaymentNetwork(BakongClient.create(BakongClientConfig.builder(
                                        setting(context, "shop.bakongUrl"), setting(context, "shop.bakongToken"))
                                .build())))
                .settings(new PaymentSettings(
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(1),
                        Duration.ofHours(24),
                        URI.create(setting(context, "shop.publicUrl")), // base of checkoutUrl, context path included
                        Duration.ofSeconds(2)))
                .listener(orders::paymentChanged)
                .clock(clock)
                .build();
        BakongPayRuntime runtime = BakongPayRuntime.builder()
                .payments(payments)
                .qrImages(new QrImageService(clock))
                .apiKeys(storage.apiKeys())
                .rateLimiter(new MemoryRateLimiter(clock))
                .clock(clock)
                .build();

        ResourceConfig jersey = ResourceConfig.forApplication(new BakongPayApplication(runtime))
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        ServletRegistration.Dynamic api = context.addServlet("bakongpay-api", new ServletContainer(jersey));
        api.addMapping("/api/v1/*");
        api.setLoadOnStartup(0);
        // the checkout JAR's web-fragment.xml maps its page to /pay/*; it reads payments from this source,
        // which asks Bakong itself, so an open page turns to paid even when nobody polls the API
        context.setAttribute(
                CheckoutSource.ATTRIBUTE,
                new StoreCheckoutSource(
                        storage.transactions(),
                        clock,
                        t -> payments.reconcile(List.of(t)).get(0)));
        context.setAttribute(Orders.class.getName(), orders);
        context.setAttribute(PaymentService.class.getName(), payments);
    }

    /** A Java system property, else the context parameter of that name (web.xml holds the defaults). */
    private static String setting(ServletContext context, String name) {
        String value = System.getProperty(name, context.getInitParameter(name));
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("context parameter " + name + " is not set");
        }
        return value.strip();
    }
}
