package dev.bakongpay.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.core.khqr.KhqrData;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("POST /api/v1/khqr/create")
class CreateEndpointTest {
    TestWorld world;

    @BeforeAll
    void start() {
        world = new TestWorld();
    }

    @AfterAll
    void stop() throws Exception {
        world.close();
    }

    String body(String extra) {
        return JsonBodies.object(
                "\"amount\":25.00,\"currency\":\"USD\",\"merchantName\":\"FINN SHOP\",\"bakongId\":\"merchant@acleda\"",
                extra);
    }

    @Nested
    @DisplayName("a valid request")
    class Valid {
        @Test
        @DisplayName("answers every field of the seed, and the QR is a verified dynamic KHQR with its md5")
        void fields() {
            Response r = world.as(TestWorld.PRO)
                    .body(body(",\"description\":\"Order #1234\""))
                    .post("/khqr/create");
            r.then()
                    .statusCode(200)
                    .contentType("application/json")
                    .body("success", equalTo(true))
                    .body("data.qrImage", startsWith("data:image/png;base64,"))
                    .body("data.transactionId", matchesPattern("[0-9a-f-]{36}"))
                    .body("data.md5", matchesPattern("[0-9a-f]{32}"));
            Map<String, String> d = r.path("data");
            assertThat(d)
                    .containsOnlyKeys(
                            "transactionId", "qrString", "qrImage", "md5", "deepLink", "checkoutUrl", "expiresAt");
            assertThat(Khqr.md5(d.get("qrString"))).isEqualTo(d.get("md5"));
            assertThat(Khqr.verify(d.get("qrString"), world.clock).valid()).isTrue();
            KhqrData k = Khqr.decode(d.get("qrString"));
            assertThat(k.billNumber()).isEqualTo("Order #1234");
            assertThat(k.pointofInitiationMethod()).isEqualTo("12");
            assertThat(d.get("checkoutUrl")).isEqualTo("https://pay.example.com/pay/" + d.get("transactionId"));
            // the checkout's redirect to a bank app, so that create never waits on NBC's link service
            assertThat(d.get("deepLink")).isEqualTo(d.get("checkoutUrl") + "/app");
            assertThat(Instant.parse(d.get("expiresAt")))
                    .isEqualTo(world.clock.instant().plusSeconds(900));
        }

        @Test
        @DisplayName("defaults the currency to USD and accepts KHR in whole riel")
        void currencies() {
            String qr = world.as(TestWorld.PRO)
                    .body("{\"amount\":1,\"merchantName\":\"A\",\"bakongId\":\"a@b\"}")
                    .post("/khqr/create")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("data.qrString");
            assertThat(Khqr.decode(qr).transactionCurrency()).isEqualTo("840");
            String khr = world.as(TestWorld.PRO)
                    .body("{\"amount\":10000,\"currency\":\"KHR\",\"merchantName\":\"A\",\"bakongId\":\"a@b\"}")
                    .post("/khqr/create")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("data.qrString");
            assertThat(Khqr.decode(khr).transactionCurrency()).isEqualTo("116");
        }

        @Test
        @DisplayName("takes the optional shop fields and normalises the mobile number")
        void extras() {
            String qr = world.as(TestWorld.PRO)
                    .body(body(",\"merchantCity\":\"Siem Reap\",\"merchantId\":\"M-001\","
                            + "\"acquiringBank\":\"ACLEDA\",\"storeLabel\":\"Riverside\",\"terminalLabel\":\"Till 2\","
                            + "\"merchantNameKhmer\":\"ហាងហ្វីន\",\"mobileNumber\":\"+855 12-345-678\",\"returnUrl\":\"https://shop.kh/done\","
                            + "\"expiresInSeconds\":120"))
                    .post("/khqr/create")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("data.qrString");
            KhqrData k = Khqr.decode(qr);
            assertThat(k.merchantType()).isEqualTo("30");
            assertThat(k.merchantID()).isEqualTo("M-001");
            assertThat(k.mobileNumber()).isEqualTo("012345678");
            assertThat(k.merchantCity()).isEqualTo("Siem Reap");
            assertThat(k.storeLabel()).isEqualTo("Riverside");
            assertThat(k.merchantNameAlternateLanguage()).isEqualTo("ហាងហ្វីន");
            assertThat(Long.parseLong(k.expirationTimestamp()) - Long.parseLong(k.creationTimestamp()))
                    .isEqualTo(120_000);
        }

        @Test
        @DisplayName(
                "the same Idempotency-Key and body answer the first payment; another body is 409 idempotency_key_reused")
        void idempotency() {
            String key = UUID.randomUUID().toString();
            Map<String, Object> first = world.as(TestWorld.PRO)
                    .header("Idempotency-Key", key)
                    .body(body(""))
                    .post("/khqr/create")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("data");
            Response again = world.as(TestWorld.PRO)
                    .header("Idempotency-Key", key)
                    .body(body(""))
                    .post("/khqr/create");
            again.then().statusCode(200).header("Idempotent-Replayed", "true");
            assertThat((Map<String, Object>) again.path("data")).isEqualTo(first);
            world.as(TestWorld.PRO)
                    .header("Idempotency-Key", key)
                    .body(body(",\"description\":\"other\""))
                    .post("/khqr/create")
                    .then()
                    .statusCode(409)
                    .body("success", equalTo(false))
                    .body("error.code", equalTo("idempotency_key_reused"));
        }
    }

    @Nested
    @DisplayName("an invalid request")
    class Invalid {
        @ParameterizedTest(name = "{0} → {1} ({2})")
        @CsvSource(
                delimiter = '|',
                value = {
                    "\"amount\":0|amount|invalid_value",
                    "\"amount\":-5|amount|invalid_value",
                    "\"amount\":1.005|amount|invalid_value",
                    "\"amount\":100.5,\"currency\":\"KHR\"|amount|invalid_value",
                    "\"amount\":12345678901234|amount|too_large",
                    "\"amount\":\"ten\"|amount|invalid_type",
                    "\"amount\":5,\"currency\":\"EUR\"|currency|invalid_value",
                    "\"amount\":5,\"merchantName\":\"ABCDEFGHIJKLMNOPQRSTUVWXYZ\"|merchantName|too_long",
                    "\"amount\":5,\"bakongId\":\"merchant\"|bakongId|invalid_format",
                    "\"amount\":5,\"bakongId\":\"a_very_long_account_name@acleda_bank\"|bakongId|too_long",
                    "\"amount\":5,\"description\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"|description|too_long",
                    "\"amount\":5,\"expiresInSeconds\":59|expiresInSeconds|out_of_range",
                    "\"amount\":5,\"expiresInSeconds\":86401|expiresInSeconds|out_of_range",
                    "\"amount\":5,\"expiresInSeconds\":1.5|expiresInSeconds|invalid_type",
                    "\"amount\":5,\"mobileNumber\":\"+1 202 555 0100\"|mobileNumber|invalid_format",
                    "\"amount\":5,\"merchantId\":\"M1\"|acquiringBank|required",
                    "\"amount\":5,\"merchantCity\":\"A city name that is too long\"|merchantCity|too_long",
                    "\"amount\":5,\"returnUrl\":\"javascript:alert(1)\"|returnUrl|invalid_format",
                    "\"amount\":5,\"merchantName\":\"Line\\nbreak\"|merchantName|invalid_characters",
                })
        @DisplayName("names the field and the rule in a 422")
        void field(String fields, String field, String code) {
            String json = JsonBodies.object("\"merchantName\":\"FINN SHOP\",\"bakongId\":\"merchant@acleda\"", fields);
            // later keys win in Jackson, so the row's own merchantName/bakongId override the defaults
            world.as(TestWorld.PRO)
                    .body(json)
                    .post("/khqr/create")
                    .then()
                    .statusCode(422)
                    .body("success", equalTo(false))
                    .body("error.code", equalTo("validation_failed"))
                    .body("error.details[0].field", equalTo(field))
                    .body("error.details[0].code", equalTo(code))
                    .body("error.details[0].message", notNullValue());
        }

        @Test
        @DisplayName("lists every missing required field at once")
        void missing() {
            world.as(TestWorld.PRO)
                    .body("{}")
                    .post("/khqr/create")
                    .then()
                    .statusCode(422)
                    .body("error.details", hasSize(3))
                    .body("error.details.field", org.hamcrest.Matchers.contains("amount", "merchantName", "bakongId"));
            world.as(TestWorld.PRO).post("/khqr/create").then().statusCode(422).body("error.details", hasSize(3));
        }

        @Test
        @DisplayName(
                "malformed JSON is 400 malformed_json, not a 500; well-formed JSON that is not an object is 422 on body")
        void malformed() {
            world.as(TestWorld.PRO)
                    .body("{\"amount\": 25,")
                    .post("/khqr/create")
                    .then()
                    .statusCode(400)
                    .body("error.code", equalTo("malformed_json"))
                    .body("error.details", hasSize(0));
            world.as(TestWorld.PRO)
                    .body("[1,2]")
                    .post("/khqr/create")
                    .then()
                    .statusCode(422)
                    .body("error.code", equalTo("validation_failed"))
                    .body("error.details[0].field", equalTo("body"))
                    .body("error.details[0].code", equalTo("invalid_type"));
        }

        @Test
        @DisplayName("a body over 64 KiB is 413, a non-JSON body 415, GET 405, an unknown path 404")
        void http() {
            world.as(TestWorld.PRO)
                    .body("{\"description\":\"" + "x".repeat(70_000) + "\"}")
                    .post("/khqr/create")
                    .then()
                    .statusCode(413)
                    .body("error.code", equalTo("payload_too_large"));
            world.as(TestWorld.PRO)
                    .contentType("text/plain")
                    .body("amount=5")
                    .post("/khqr/create")
                    .then()
                    .statusCode(415)
                    .body("error.code", equalTo("unsupported_media_type"));
            world.as(TestWorld.PRO)
                    .get("/khqr/create")
                    .then()
                    .statusCode(405)
                    .body("error.code", equalTo("method_not_allowed"))
                    .header("Allow", containsString("POST"));
            world.as(TestWorld.PRO).post("/khqr/nope").then().statusCode(404).body("error.code", equalTo("not_found"));
        }
    }

    @Nested
    @DisplayName("authentication and headers")
    class Access {
        @Test
        @DisplayName("a missing, malformed, unknown or revoked key is 401 with its own code")
        void keys() {
            world.anonymous()
                    .contentType("application/json")
                    .body(body(""))
                    .post("/khqr/create")
                    .then()
                    .statusCode(401)
                    .body("error.code", equalTo("missing_api_key"))
                    .header("WWW-Authenticate", startsWith("Bearer"));
            world.anonymous()
                    .header("Authorization", "Basic abc")
                    .contentType("application/json")
                    .body(body(""))
                    .post("/khqr/create")
                    .then()
                    .statusCode(401)
                    .body("error.code", equalTo("invalid_api_key"));
            world.as("bk_live_unknown_key_123")
                    .body(body(""))
                    .post("/khqr/create")
                    .then()
                    .statusCode(401)
                    .body("error.code", equalTo("invalid_api_key"));
            world.as(TestWorld.REVOKED)
                    .body(body(""))
                    .post("/khqr/create")
                    .then()
                    .statusCode(401)
                    .body("error.code", equalTo("api_key_revoked"));
        }

        @Test
        @DisplayName("every answer carries X-Request-Id (the caller's when given) and the rate-limit headers")
        void headers() {
            world.as(TestWorld.PRO)
                    .header("X-Request-Id", "order-1234-try-1")
                    .body(body(""))
                    .post("/khqr/create")
                    .then()
                    .statusCode(200)
                    .header("X-Request-Id", "order-1234-try-1")
                    .header("RateLimit-Limit", "600")
                    .header("RateLimit-Remaining", notNullValue())
                    .header("RateLimit-Reset", notNullValue());
            world.as(TestWorld.PRO)
                    .body("{}")
                    .post("/khqr/create")
                    .then()
                    .statusCode(422)
                    .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                    .header("RateLimit-Limit", "600");
            world.as(TestWorld.FREE).get("/nothing").then().statusCode(404).header("RateLimit-Limit", "60");
            world.anonymous().post("/khqr/create").then().statusCode(401).header("X-Request-Id", notNullValue());
        }
    }
}
