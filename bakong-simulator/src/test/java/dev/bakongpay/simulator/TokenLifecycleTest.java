package dev.bakongpay.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Bearer tokens live and die like NBC's")
class TokenLifecycleTest extends SimulatorTestBase {

    private static final String MD5_PATH = "/v1/check_transaction_by_md5";
    private static final Map<String, String> SOME_MD5 = Map.of("md5", "0".repeat(32));

    static String renew(String email) {
        return anonymous()
                .body(Map.of("email", email))
                .post("/v1/renew_token")
                .then()
                .statusCode(200)
                .body("responseCode", equalTo(0))
                .body("responseMessage", equalTo("Token has been issued"))
                .body("errorCode", nullValue())
                .extract()
                .path("data.token");
    }

    @Nested
    @DisplayName("renew_token")
    class Renewal {

        @Test
        @DisplayName("issues a JWT that expires 90 days after its issue, on the simulator's clock")
        void issuesJwtWithExpiry() throws Exception {
            String token = renew("dev@shop.example");
            String[] parts = token.split("\\.");
            assertThat(parts).hasSize(3);
            JsonNode payload =
                    new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
            assertThat(payload.path("iat").asLong()).isEqualTo(clock.millis() / 1000);
            assertThat(payload.path("exp").asLong())
                    .isEqualTo(clock.instant().plus(Duration.ofDays(90)).getEpochSecond());
            assertThat(payload.path("data").path("id").asText()).hasSize(15);
        }

        @Test
        @DisplayName(
                "needs no token itself, refuses a missing email with errorCode 5 and an unregistered one with errorCode 10")
        void refusals() {
            anonymous()
                    .body(Map.of())
                    .post("/v1/renew_token")
                    .then()
                    .statusCode(400)
                    .body("errorCode", equalTo(5));
            anonymous()
                    .body(Map.of("email", "a".repeat(31) + "@x"))
                    .post("/v1/renew_token")
                    .then()
                    .statusCode(400)
                    .body("errorCode", equalTo(5));
            anonymous()
                    .body(Map.of("email", "not-an-email"))
                    .post("/v1/renew_token")
                    .then()
                    .statusCode(200)
                    .body("responseCode", equalTo(1))
                    .body("errorCode", equalTo(10))
                    .body("responseMessage", equalTo("Not registered yet."));
        }
    }

    @Nested
    @DisplayName("Calls that need a token")
    class Authorization {

        @Test
        @DisplayName("work with an issued token until it expires, then get HTTP 401 errorCode 6")
        void issuedTokenExpires() {
            String token = renew("dev@shop.example");
            anonymous()
                    .header("Authorization", "Bearer " + token)
                    .body(SOME_MD5)
                    .post(MD5_PATH)
                    .then()
                    .statusCode(200)
                    .body("errorCode", equalTo(1));
            clock.advance(Duration.ofDays(90));
            try {
                anonymous()
                        .header("Authorization", "Bearer " + token)
                        .body(SOME_MD5)
                        .post(MD5_PATH)
                        .then()
                        .statusCode(401)
                        .body("responseCode", equalTo(1))
                        .body("errorCode", equalTo(6))
                        .body("responseMessage", equalTo("Unauthorized."))
                        .body("data", nullValue());
                String renewed = renew("dev@shop.example");
                anonymous()
                        .header("Authorization", "Bearer " + renewed)
                        .body(SOME_MD5)
                        .post(MD5_PATH)
                        .then()
                        .statusCode(200);
            } finally {
                clock.advance(Duration.ofDays(-90));
            }
        }

        @Test
        @DisplayName(
                "a missing, wrong or non-Bearer token gets HTTP 401 errorCode 6 on every protected path (all but renew_token, generate_deeplink_by_qr and check_bakong_account)")
        void missingOrWrong() {
            for (String path : new String[] {
                MD5_PATH,
                "/v1/check_transaction_by_md5_list",
                "/v1/check_transaction_by_hash",
                "/v1/check_transaction_by_short_hash",
                "/v1/check_transaction_by_instruction_ref",
                "/v1/check_transaction_by_external_ref",
                "/v1/check_transaction_by_hash_list"
            }) {
                anonymous().body("{}").post(path).then().statusCode(401).body("errorCode", equalTo(6));
                anonymous()
                        .header("Authorization", "Bearer wrong")
                        .body("{}")
                        .post(path)
                        .then()
                        .statusCode(401)
                        .body("errorCode", equalTo(6));
                anonymous()
                        .header("Authorization", TOKEN)
                        .body("{}")
                        .post(path)
                        .then()
                        .statusCode(401)
                        .body("errorCode", equalTo(6));
            }
        }

        @Test
        @DisplayName("the fixed token never expires")
        void fixedTokenLasts() {
            clock.advance(Duration.ofDays(3650));
            try {
                nbc().body(SOME_MD5).post(MD5_PATH).then().statusCode(200);
            } finally {
                clock.advance(Duration.ofDays(-3650));
            }
        }

        @Test
        @DisplayName("a reset forgets issued tokens but keeps the fixed one")
        void resetForgetsIssued() {
            String token = renew("dev@shop.example");
            control.reset();
            anonymous()
                    .header("Authorization", "Bearer " + token)
                    .body(SOME_MD5)
                    .post(MD5_PATH)
                    .then()
                    .statusCode(401);
            nbc().body(SOME_MD5).post(MD5_PATH).then().statusCode(200);
        }
    }
}
