package dev.bakongpay.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.bakongpay.simulator.SimulatedPayment;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Replays each curl example of the seed: verbatim (only host and key swapped), then with its
 * placeholders ({@code a1b2c3...}, {@code uuid-...}, {@code 000201...}) replaced by real values,
 * and checks the documented answer shapes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("the seed's curl examples")
class SeedExamplesTest {
    static final String SEED_HOST = "https://khpay.angkorhub.site";
    TestWorld world;
    List<SeedCurlExamples.Curl> examples;

    @BeforeAll
    void start() {
        world = new TestWorld();
        examples = SeedCurlExamples.all();
    }

    @AfterAll
    void stop() throws Exception {
        world.close();
    }

    SeedCurlExamples.Curl example(String path) {
        return examples.stream().filter(c -> c.path().equals(path)).findFirst().orElseThrow();
    }

    Response replay(SeedCurlExamples.Curl c, Map<String, String> placeholders) {
        assertThat(c.url()).startsWith(SEED_HOST);
        String data = c.data();
        for (Map.Entry<String, String> e : placeholders.entrySet()) data = data.replace(e.getKey(), e.getValue());
        RequestSpecification r = io.restassured.RestAssured.given().baseUri(world.baseUri.toString());
        for (Map.Entry<String, String> h : c.headers().entrySet()) {
            String value = h.getKey().equals("Authorization")
                    ? h.getValue().replace("bk_live_...", TestWorld.PRO)
                    : h.getValue();
            r.header(h.getKey(), value);
        }
        return r.body(data).request(c.method(), c.path());
    }

    static void errorShape(Response r, int status, String code) {
        r.then()
                .statusCode(status)
                .body("success", equalTo(false))
                .body("error.code", equalTo(code))
                .body("error.message", notNullValue())
                .body("error.details", notNullValue());
    }

    @Test
    @DisplayName("the seed holds the five curl examples, all POST with a Bearer key and JSON")
    void five() {
        assertThat(examples)
                .extracting(SeedCurlExamples.Curl::path)
                .containsExactly(
                        "/api/v1/khqr/create",
                        "/api/v1/check/md5",
                        "/api/v1/check/bulk",
                        "/api/v1/check/transaction",
                        "/api/v1/qr/generate");
        assertThat(examples).allSatisfy(c -> {
            assertThat(c.method()).isEqualTo("POST");
            assertThat(c.headers())
                    .containsEntry("Content-Type", "application/json")
                    .containsKey("Authorization");
        });
    }

    @Nested
    @DisplayName("replayed verbatim")
    class Verbatim {
        @Test
        @DisplayName("create answers the documented fields")
        void create() {
            Response r = replay(example("/api/v1/khqr/create"), Map.of());
            r.then().statusCode(200).body("success", equalTo(true));
            assertThat((Map<String, Object>) r.path("data"))
                    .containsOnlyKeys(
                            "transactionId", "qrString", "qrImage", "md5", "deepLink", "checkoutUrl", "expiresAt");
        }

        @Test
        @DisplayName("the placeholder values are answered with clear errors in the one error shape")
        void placeholders() {
            errorShape(replay(example("/api/v1/check/md5"), Map.of()), 404, "transaction_not_found");
            errorShape(replay(example("/api/v1/check/bulk"), Map.of()), 422, "validation_failed");
            errorShape(replay(example("/api/v1/check/transaction"), Map.of()), 422, "validation_failed");
            errorShape(replay(example("/api/v1/qr/generate"), Map.of()), 422, "validation_failed");
        }
    }

    @Nested
    @DisplayName("with real values")
    class RealValues {
        @Test
        @DisplayName("check/md5, check/bulk, check/transaction and qr/generate answer the documented shapes")
        void shapes() {
            Map<String, Object> paid = world.create(TestWorld.PRO, "25.00");
            Map<String, Object> pending = world.create(TestWorld.PRO, "3.00");
            SimulatedPayment p = world.simulator.control().pay((String) paid.get("qrString"));
            world.clock.advance(Duration.ofSeconds(3));

            Response md5 = replay(
                    example("/api/v1/check/md5"), Map.of("a1b2c3d4e5f67890a1b2c3d4e5f67890", (String) paid.get("md5")));
            md5.then()
                    .statusCode(200)
                    .body("success", equalTo(true))
                    .body("data.md5", equalTo(paid.get("md5")))
                    .body("data.status", equalTo("SUCCESS"))
                    .body("data.transaction.hash", equalTo(p.hash().toLowerCase()))
                    .body("data.transaction.to", equalTo("merchant@acleda"))
                    .body("data.transaction.amount", equalTo(25.0f))
                    .body("data.transaction.currency", equalTo("USD"))
                    .body("data.transaction.from", notNullValue())
                    .body("data.transaction.timestamp", notNullValue());
            assertThat(md5.body().asString()).contains("\"amount\":25.00");

            replay(example("/api/v1/check/bulk"), Map.of("a1b2c3...", (String) paid.get("md5"), "d4e5f6...", (String)
                            pending.get("md5")))
                    .then()
                    .statusCode(200)
                    .body("data.total", equalTo(2))
                    .body("data.results." + paid.get("md5") + ".status", equalTo("SUCCESS"))
                    .body("data.results." + pending.get("md5") + ".status", equalTo("PENDING"));

            replay(example("/api/v1/check/transaction"), Map.of("uuid-...", (String) paid.get("transactionId")))
                    .then()
                    .statusCode(200)
                    .body("data.transactionId", equalTo(paid.get("transactionId")))
                    .body("data.status", equalTo("SUCCESS"));

            replay(example("/api/v1/qr/generate"), Map.of("000201...", (String) paid.get("qrString")))
                    .then()
                    .statusCode(200)
                    .body("data.format", equalTo("png"))
                    .body("data.size", equalTo(400))
                    .body("data.qrImage", org.hamcrest.Matchers.startsWith("data:image/png;base64,"));
        }
    }
}
