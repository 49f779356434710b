package dev.bakongpay.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bakongpay.core.payment.Merchant;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.simulator.BakongSimulator;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Plan;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/** The whole shop on a random port, its test payments checked by a Bakong simulator in this process. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopFlowTest {
    private static final BakongSimulator SIMULATOR =
            BakongSimulator.builder().port(0).token("shop-test").build().start();
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        registry.add("bakongpay.simulator.url", SIMULATOR::baseUrl);
        registry.add("bakongpay.simulator.token", () -> "shop-test");
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    PaymentService payments;

    @Test
    void anOrderIsPaidWithKhqrAndTheShopHearsOfIt() {
        RestClient shop = RestClient.create("http://localhost:" + port);
        Map<String, Object> order = shop.post()
                .uri("/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("item", "Iced latte", "amount", "2.50"))
                .retrieve()
                .body(JSON);
        assertThat(order).containsEntry("paidAt", null);
        String id = (String) order.get("id");
        String transactionId = (String) order.get("transactionId");
        assertThat((String) order.get("checkoutUrl")).endsWith("/pay/" + transactionId);

        // the shopper's checkout page, served by the starter
        String page = shop.get().uri("/pay/" + transactionId).retrieve().body(String.class);
        assertThat(page).contains("Coffee Corner");

        // the shopper pays with a banking app; the simulator plays the bank
        SIMULATOR.control().pay((String) order.get("qrString"));

        // "not paid yet" answers are reused for 2 s (the checkout page just asked), so poll a little
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(shop.get()
                                .uri("/orders/" + id)
                                .retrieve()
                                .body(JSON)
                                .get("paidAt"))
                        .isNotNull()); // set by the shop's @EventListener

        // BakongPay's payment service agrees: SUCCESS, as checked with the simulator
        Merchant merchant = new Merchant("spring-boot-shop", Plan.PRO, PaymentMode.TEST);
        assertThat(payments.checkMd5(merchant, (String) order.get("md5")).transaction().status())
                .isEqualTo(PaymentStatus.SUCCESS);
    }

    @Test
    void anUnknownOrderIsNotFound() {
        HttpStatusCode status = RestClient.create("http://localhost:" + port)
                .get()
                .uri("/orders/nope")
                .exchange((request, response) -> response.getStatusCode());
        assertThat(status.value()).isEqualTo(404);
    }
}
