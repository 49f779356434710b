package dev.bakongpay.core.bakong;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.core.payment.BakongPaymentNetwork;
import dev.bakongpay.core.payment.CreatePaymentRequest;
import dev.bakongpay.core.payment.CreatedPayment;
import dev.bakongpay.core.payment.Merchant;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.core.payment.PaymentSettings;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.memory.MemoryIdempotencyStore;
import dev.bakongpay.spi.memory.MemoryTransactionStore;
import dev.bakongpay.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The live path of a payment's bank-app link: {@link PaymentService#bankAppLink} through
 * {@link BakongPaymentNetwork} and the real client, against a stand-in answering in the shapes of
 * NBC's Open API reference ({@code /v1/generate_deeplink_by_qr}: {@code data.shortLink} on
 * success, errorCode 4 or 5 when it declines).
 */
@DisplayName("Bank-app links of live payments, against NBC's documented answers")
class BankAppLinkTest {
    static final String SUCCESS = "{\"data\":{\"shortLink\":\"https://bakongsit.page.link/dGZAr1McBs1UaNmH9\"},"
            + "\"errorCode\":null,\"responseCode\":0,\"responseMessage\":\"Getting deep link successfully\"}";
    static final String DECLINED = "{\"data\":null,\"errorCode\":4,\"responseCode\":1,"
            + "\"responseMessage\":\"Error occurred on requesting deeplink from provider.\"}";

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T00:00:00Z"));
    final MemoryTransactionStore store = new MemoryTransactionStore(clock);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Merchant shop = new Merchant("shop-1", Plan.PRO, PaymentMode.LIVE);
    NbcStandIn nbc;

    @BeforeEach
    void start() throws Exception {
        nbc = new NbcStandIn();
    }

    @AfterEach
    void stop() {
        nbc.close();
    }

    PaymentService payments(String appName, URI icon) {
        BakongClient client = BakongClient.create(BakongClientConfig.builder(nbc.baseUrl(), "test-token-123456")
                .maxRetries(0)
                .retryBackoff(Duration.ZERO)
                .clock(clock)
                .meterRegistry(meters, "live")
                .build());
        return PaymentService.builder()
                .transactions(store)
                .idempotency(new MemoryIdempotencyStore())
                .network(PaymentMode.LIVE, new BakongPaymentNetwork(client, "NBC Bakong Open API"))
                .clock(clock)
                .meterRegistry(meters)
                .bankAppSource(appName, icon)
                .settings(PaymentSettings.defaults())
                .build();
    }

    Transaction created(PaymentService payments) {
        CreatedPayment p = payments.create(
                shop, CreatePaymentRequest.of(new BigDecimal("1.50"), "USD", "Coffee Corner", "coffee@aclb"), null);
        assertThat(nbc.count("/v1/generate_deeplink_by_qr"))
                .as("create asks NBC nothing")
                .isZero();
        assertThat(p.deepLink())
                .isEqualTo("http://localhost:8080/pay/" + p.transaction().id() + "/app");
        return p.transaction();
    }

    @Test
    @DisplayName(
            "the first use asks NBC with the KHQR and the source info, stores the short link; later uses ask nothing")
    void firstUseAsksThenStores() throws Exception {
        nbc.answer("/v1/generate_deeplink_by_qr", 200, SUCCESS);
        PaymentService payments = payments("Coffee Corner App", URI.create("https://shop.example/icon.png"));
        Transaction t = created(payments);

        assertThat(payments.bankAppLink(t)).contains("https://bakongsit.page.link/dGZAr1McBs1UaNmH9");
        assertThat(payments.bankAppLink(t)).contains("https://bakongsit.page.link/dGZAr1McBs1UaNmH9");

        assertThat(nbc.count("/v1/generate_deeplink_by_qr")).isEqualTo(1);
        assertThat(store.findBankAppLink(t.id())).contains("https://bakongsit.page.link/dGZAr1McBs1UaNmH9");
        Map<?, ?> body = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(nbc.requests.get(0).body(), Map.class);
        assertThat(body.get("qr")).isEqualTo(t.qrString());
        assertThat(body.get("sourceInfo"))
                .isEqualTo(Map.of(
                        "appName", "Coffee Corner App",
                        "appIconUrl", "https://shop.example/icon.png",
                        "appDeepLinkCallback", "http://localhost:8080/pay/" + t.id()));
        assertThat(meters.get("bakongpay.upstream.requests")
                        .tags("upstream", "live", "endpoint", "generate_deeplink_by_qr", "outcome", "success")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("bakongpay.payments.app.links")
                        .tag("outcome", "created")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("bakongpay.payments.app.links")
                        .tag("outcome", "stored")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("without configured source info, the app is the merchant and the icon the checkout's own")
    void defaultSource() throws Exception {
        nbc.answer("/v1/generate_deeplink_by_qr", 200, SUCCESS);
        PaymentService payments = payments(null, null);
        Transaction t = created(payments);
        payments.bankAppLink(t);
        Map<?, ?> body = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(nbc.requests.get(0).body(), Map.class);
        assertThat(body.get("sourceInfo"))
                .isEqualTo(Map.of(
                        "appName", "Coffee Corner",
                        "appIconUrl", "http://localhost:8080/pay/app-icon.svg",
                        "appDeepLinkCallback", "http://localhost:8080/pay/" + t.id()));
    }

    @Test
    @DisplayName(
            "NBC declining (errorCode 4), failing (HTTP 500) or answering a non-web link gives no link, stores none, throws nothing")
    void noLink() {
        PaymentService payments = payments(null, null);
        Transaction t = created(payments);

        nbc.answer("/v1/generate_deeplink_by_qr", 200, DECLINED);
        assertThat(payments.bankAppLink(t)).isEmpty();
        nbc.answer("/v1/generate_deeplink_by_qr", 500, "oops");
        assertThat(payments.bankAppLink(t)).isEmpty();
        nbc.answer("/v1/generate_deeplink_by_qr", 200, SUCCESS.replace("https://bakongsit", "javascript://bakongsit"));
        assertThat(payments.bankAppLink(t)).isEmpty();

        assertThat(store.findBankAppLink(t.id())).isEmpty();
        assertThat(meters.get("bakongpay.payments.app.links")
                        .tag("outcome", "declined")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(meters.get("bakongpay.payments.app.links")
                        .tag("outcome", "unavailable")
                        .counter()
                        .count())
                .isEqualTo(1);

        nbc.answer("/v1/generate_deeplink_by_qr", 200, SUCCESS); // NBC is back: the next use gets the link
        assertThat(payments.bankAppLink(t)).contains("https://bakongsit.page.link/dGZAr1McBs1UaNmH9");
    }
}
