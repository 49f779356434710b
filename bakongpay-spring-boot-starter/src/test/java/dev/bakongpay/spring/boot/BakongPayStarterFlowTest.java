package dev.bakongpay.spring.boot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.bakongpay.simulator.BakongSimulator;
import dev.bakongpay.spi.PaymentEvent;
import dev.bakongpay.spi.PaymentEventListener;
import dev.bakongpay.spi.PaymentStatus;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter in a real Spring Boot application on Tomcat, with Boot's embedded H2 DataSource (so
 * the JDBC store), its test keys checked by an in-process Bakong simulator.
 */
@SpringBootTest(
        classes = BakongPayStarterFlowTest.Shop.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "bakongpay.api-keys.bk_test_starter0001=PRO",
            "bakongpay.public-url=https://shop.example",
            "bakongpay.reconcile-every=1s"
        })
class BakongPayStarterFlowTest {
    private static final String KEY = "bk_test_starter0001";
    private static final BakongSimulator SIMULATOR =
            BakongSimulator.builder().port(0).token("starter-test").build().start();

    @DynamicPropertySource
    static void simulator(DynamicPropertyRegistry registry) {
        registry.add("bakongpay.simulator.url", SIMULATOR::baseUrl);
        registry.add("bakongpay.simulator.token", () -> "starter-test");
    }

    @AfterAll
    static void stopSimulator() {
        SIMULATOR.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    Shop shop;

    @BeforeEach
    void forgetEvents() {
        shop.listenerEvents.clear();
        shop.springEvents.clear();
    }

    @Test
    @DisplayName("create a KHQR, pay it in the simulator: SUCCESS, and the application hears it both ways")
    void createPayCheck() {
        JsonPath created = create("{\"amount\": 1.50, \"currency\": \"USD\", \"merchantName\": \"Coffee Corner\","
                + " \"bakongId\": \"coffee@aclb\", \"description\": \"Order #1001\"}");
        String md5 = created.getString("data.md5");
        String id = created.getString("data.transactionId");
        assertThat(created.getString("data.checkoutUrl")).isEqualTo("https://shop.example/pay/" + id);

        SIMULATOR.control().pay(created.getString("data.qrString"));

        // polled as a shop polls: a PENDING answer (the background reconciler may have asked just
        // before the payment) is reused for a moment
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> given().port(port)
                        .auth()
                        .oauth2(KEY)
                        .contentType(ContentType.JSON)
                        .body("{\"md5\": \"" + md5 + "\"}")
                        .post("/api/v1/check/md5")
                        .then()
                        .statusCode(200)
                        .body("data.status", equalTo("SUCCESS"))
                        .body("data.transaction.amount", equalTo(1.5f)));

        assertThat(shop.listenerEvents)
                .singleElement()
                .satisfies(e -> assertThat(e.transaction().id().toString()).isEqualTo(id))
                .satisfies(e -> assertThat(e.current()).isEqualTo(PaymentStatus.SUCCESS));
        assertThat(shop.springEvents)
                .singleElement()
                .satisfies(e -> assertThat(e.previous()).isEqualTo(PaymentStatus.PENDING));

        given().port(port)
                .get("/pay/" + id)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Coffee Corner"));
    }

    @Test
    @DisplayName("a payment nobody checks is settled in the background, and its event published")
    void reconciledInTheBackground() {
        JsonPath created = create("{\"amount\": 4000, \"currency\": \"KHR\", \"merchantName\": \"Coffee Corner\","
                + " \"bakongId\": \"coffee@aclb\"}");
        SIMULATOR.control().pay(created.getString("data.qrString"));
        // no check, no checkout page: only the reconciler (every second here) can notice
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(shop.springEvents)
                        .anySatisfy(e -> assertThat(e.transaction().md5()).isEqualTo(created.getString("data.md5"))));
    }

    @Test
    @DisplayName("client mistakes get the error envelope: malformed JSON is 400, a missing key 401")
    void errorEnvelope() {
        given().port(port)
                .auth()
                .oauth2(KEY)
                .contentType(ContentType.JSON)
                .body("{\"amount\": ")
                .post("/api/v1/khqr/create")
                .then()
                .statusCode(400)
                .body("success", equalTo(false))
                .body("error.code", equalTo("malformed_json"));
        given().port(port)
                .contentType(ContentType.JSON)
                .body("{\"md5\": \"" + "0".repeat(32) + "\"}")
                .post("/api/v1/check/md5")
                .then()
                .statusCode(401)
                .body("success", equalTo(false))
                .body("error.code", equalTo("missing_api_key"));
    }

    @Test
    @DisplayName("a Content-Type the servlet layer cannot parse gets the envelope too, not the container's page")
    void unparsableContentType() {
        given().port(port)
                .auth()
                .oauth2(KEY)
                .header("Content-Type", "application/json; charset")
                .body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/khqr/create")
                .then()
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("success", equalTo(false))
                .body("error.code", equalTo("bad_request"));
    }

    @Test
    @DisplayName("health answers UP: payments are in the application's DataSource (Boot's embedded H2 here)")
    void health() {
        given().port(port)
                .get("/bakongpay/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("store", equalTo("jdbc"))
                .body("limiter", equalTo("memory"));
    }

    private JsonPath create(String body) {
        return given().port(port)
                .auth()
                .oauth2(KEY)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/khqr/create")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .extract()
                .jsonPath();
    }

    /** A shop that hears of payments as a listener bean and through Spring's events (no component scan). */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Shop {
        final List<PaymentEvent> listenerEvents = new CopyOnWriteArrayList<>();
        final List<PaymentEvent> springEvents = new CopyOnWriteArrayList<>();

        @Bean
        PaymentEventListener orders() {
            return listenerEvents::add;
        }

        @EventListener
        void onPayment(PaymentEvent event) {
            springEvents.add(event);
        }
    }
}
