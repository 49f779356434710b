package dev.bakongpay.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The Open API answers in NBC's shapes")
class OpenApiTest extends SimulatorTestBase {

    @Nested
    @DisplayName("check_transaction_by_md5")
    class ByMd5 {

        @Test
        @DisplayName("a paid QR is found with the full transaction record")
        void paidIsFound() {
            String qr = freshQr();
            SimulatedPayment paid = control.pay(qr);
            nbc().body(Map.of("md5", TestQrs.md5(qr)))
                    .post("/v1/check_transaction_by_md5")
                    .then()
                    .statusCode(200)
                    .body("responseCode", equalTo(0))
                    .body("responseMessage", equalTo("Getting transaction successfully."))
                    .body("errorCode", nullValue())
                    .body("data.hash", equalTo(paid.hash()))
                    .body("data.hash", matchesPattern("[0-9a-f]{64}"))
                    .body("data.fromAccountId", equalTo("bakong_simulator@devb"))
                    .body("data.toAccountId", equalTo("coffee@aclb"))
                    .body("data.currency", equalTo("USD"))
                    .body("data.amount", equalTo(1.50f))
                    .body("data.createdDateMs", equalTo(START.toEpochMilli()))
                    .body("data.acknowledgedDateMs", equalTo(START.toEpochMilli()))
                    .body("data.externalRef", matchesPattern("100FT\\d{11}"))
                    .body("data.instructionRef", equalTo(paid.instructionRef()))
                    .body("data", org.hamcrest.Matchers.hasKey("trackingStatus"))
                    .body("data", org.hamcrest.Matchers.hasKey("receiverBank"))
                    .body("data", org.hamcrest.Matchers.hasKey("receiverBankAccount"))
                    .body("data", org.hamcrest.Matchers.hasKey("description"));
        }

        @Test
        @DisplayName("an unpaid QR is not found (errorCode 1)")
        void unpaidIsNotFound() {
            nbc().body(Map.of("md5", TestQrs.md5(freshQr())))
                    .post("/v1/check_transaction_by_md5")
                    .then()
                    .statusCode(200)
                    .body("responseCode", equalTo(1))
                    .body("errorCode", equalTo(1))
                    .body("responseMessage", equalTo("Transaction could not be found. Please check and try again."))
                    .body("data", nullValue());
        }

        @Test
        @DisplayName("a failed payment answers errorCode 3")
        void failedIsFailed() {
            String qr = freshQr();
            control.submitQr(qr);
            control.fail(TestQrs.md5(qr));
            nbc().body(Map.of("md5", TestQrs.md5(qr)))
                    .post("/v1/check_transaction_by_md5")
                    .then()
                    .statusCode(200)
                    .body("responseCode", equalTo(1))
                    .body("errorCode", equalTo(3))
                    .body("responseMessage", equalTo("Transaction failed."))
                    .body("data", nullValue());
        }

        @Test
        @DisplayName("a delayed payment is not found until its delay has passed on the simulator's clock")
        void delayedPayment() {
            String qr = freshQr();
            control.pay(qr, PaymentOptions.defaults().delay(Duration.ofSeconds(5)));
            nbc().body(Map.of("md5", TestQrs.md5(qr)))
                    .post("/v1/check_transaction_by_md5")
                    .then()
                    .body("errorCode", equalTo(1));
            clock.advance(Duration.ofSeconds(5));
            nbc().body(Map.of("md5", TestQrs.md5(qr)))
                    .post("/v1/check_transaction_by_md5")
                    .then()
                    .body("responseCode", equalTo(0))
                    .body(
                            "data.acknowledgedDateMs",
                            equalTo(START.plusSeconds(5).toEpochMilli()));
            clock.advance(Duration.ofSeconds(-5));
        }

        @Test
        @DisplayName("a missing, empty or mistyped md5 and malformed JSON get errorCode 5, never a 500")
        void badBodies() {
            for (String body : List.of(
                    "{}",
                    "{\"md5\":\"\"}",
                    "{\"md5\":42}",
                    "{\"md5\":null}",
                    "{\"md5\":[\"a\"]}",
                    "{\"md5\":",
                    "not json",
                    "[]",
                    "")) {
                nbc().body(body)
                        .post("/v1/check_transaction_by_md5")
                        .then()
                        .statusCode(400)
                        .body("responseCode", equalTo(1))
                        .body("errorCode", equalTo(5))
                        .body("responseMessage", equalTo("Missing required fields."))
                        .body("data", nullValue());
            }
        }
    }

    @Nested
    @DisplayName("check_transaction_by_md5_list")
    class ByMd5List {

        @Test
        @DisplayName("answers each md5 with SUCCESS, FAILED or NOT_FOUND in request order")
        void perItemStatus() {
            String paid = freshQr();
            String failed = freshQr();
            String unknown = freshQr();
            control.pay(paid);
            control.pay(failed, PaymentOptions.defaults().failed());
            nbc().body(List.of(TestQrs.md5(paid), TestQrs.md5(failed), TestQrs.md5(unknown)))
                    .post("/v1/check_transaction_by_md5_list")
                    .then()
                    .statusCode(200)
                    .body("responseCode", equalTo(0))
                    .body("errorCode", nullValue())
                    .body("data", hasSize(3))
                    .body("data[0].md5", equalTo(TestQrs.md5(paid)))
                    .body("data[0].status", equalTo("SUCCESS"))
                    .body("data[0].data.toAccountId", equalTo("coffee@aclb"))
                    .body("data[1].status", equalTo("FAILED"))
                    .body("data[1].data", nullValue())
                    .body("data[2].md5", equalTo(TestQrs.md5(unknown)))
                    .body("data[2].status", equalTo("NOT_FOUND"))
                    .body("data[2].message", equalTo("Transaction could not be found. Please check and try again."));
        }

        @Test
        @DisplayName("takes 50 md5s and refuses 51 with errorCode 5")
        void limitOfFifty() {
            List<String> md5s = new ArrayList<>();
            for (int i = 0; i < 51; i++) {
                md5s.add(String.format("%032x", i));
            }
            nbc().body(md5s.subList(0, 50))
                    .post("/v1/check_transaction_by_md5_list")
                    .then()
                    .statusCode(200)
                    .body("data", hasSize(50));
            nbc().body(md5s)
                    .post("/v1/check_transaction_by_md5_list")
                    .then()
                    .statusCode(400)
                    .body("responseCode", equalTo(1))
                    .body("errorCode", equalTo(5))
                    .body("data", nullValue());
        }

        @Test
        @DisplayName("refuses a body that is not an array of strings")
        void notAnArray() {
            for (String body : List.of("{\"md5\":\"abc\"}", "[1,2]", "[null]", "[\"\"]", "[[]]", "[")) {
                nbc().body(body)
                        .post("/v1/check_transaction_by_md5_list")
                        .then()
                        .statusCode(400)
                        .body("errorCode", equalTo(5));
            }
        }

        @Test
        @DisplayName("an empty list answers an empty list")
        void emptyList() {
            nbc().body("[]")
                    .post("/v1/check_transaction_by_md5_list")
                    .then()
                    .statusCode(200)
                    .body("data", hasSize(0));
        }
    }

    @Nested
    @DisplayName("check_transaction_by_hash, _hash_list and _short_hash")
    class ByHash {

        @Test
        @DisplayName("finds a payment by its full hash, and not by an unknown one")
        void fullHash() {
            SimulatedPayment paid = control.pay(freshQr());
            nbc().body(Map.of("hash", paid.hash()))
                    .post("/v1/check_transaction_by_hash")
                    .then()
                    .statusCode(200)
                    .body("responseCode", equalTo(0))
                    .body("data.hash", equalTo(paid.hash()));
            nbc().body(Map.of("hash", "0".repeat(64)))
                    .post("/v1/check_transaction_by_hash")
                    .then()
                    .body("errorCode", equalTo(1));
            nbc().body(Map.of())
                    .post("/v1/check_transaction_by_hash")
                    .then()
                    .statusCode(400)
                    .body("errorCode", equalTo(5));
        }

        @Test
        @DisplayName("the hash list answers per hash")
        void hashList() {
            SimulatedPayment paid = control.pay(freshQr());
            nbc().body(List.of(paid.hash(), "f".repeat(64)))
                    .post("/v1/check_transaction_by_hash_list")
                    .then()
                    .statusCode(200)
                    .body("data[0].hash", equalTo(paid.hash()))
                    .body("data[0].status", equalTo("SUCCESS"))
                    .body("data[1].status", equalTo("NOT_FOUND"));
        }

        @Test
        @DisplayName("the short hash needs the first 8 hex, the amount and the currency to match")
        void shortHash() {
            SimulatedPayment paid = control.pay(freshQr());
            String prefix = paid.hash().substring(0, 8);
            nbc().body(Map.of("hash", prefix, "amount", 1.5, "currency", "USD"))
                    .post("/v1/check_transaction_by_short_hash")
                    .then()
                    .statusCode(200)
                    .body("responseCode", equalTo(0))
                    .body("data.hash", equalTo(paid.hash()));
            nbc().body(Map.of("hash", prefix, "amount", 2, "currency", "USD"))
                    .post("/v1/check_transaction_by_short_hash")
                    .then()
                    .body("errorCode", equalTo(1));
            nbc().body(Map.of("hash", prefix, "amount", 1.5, "currency", "KHR"))
                    .post("/v1/check_transaction_by_short_hash")
                    .then()
                    .body("errorCode", equalTo(1));
            nbc().body(Map.of("hash", prefix.substring(0, 7), "amount", 1.5, "currency", "USD"))
                    .post("/v1/check_transaction_by_short_hash")
                    .then()
                    .statusCode(400)
                    .body("errorCode", equalTo(5));
            nbc().body(Map.of("hash", prefix, "amount", "lots", "currency", "USD"))
                    .post("/v1/check_transaction_by_short_hash")
                    .then()
                    .statusCode(400)
                    .body("errorCode", equalTo(5));
        }
    }

    @Nested
    @DisplayName("check_transaction_by_instruction_ref and _external_ref")
    class ByReference {

        @Test
        @DisplayName("find a payment by either reference, sent as ref or by the field's own name")
        void references() {
            SimulatedPayment paid = control.pay(freshQr());
            nbc().body(Map.of("ref", paid.externalRef()))
                    .post("/v1/check_transaction_by_external_ref")
                    .then()
                    .body("responseCode", equalTo(0))
                    .body("data.hash", equalTo(paid.hash()));
            nbc().body(Map.of("externalRef", paid.externalRef()))
                    .post("/v1/check_transaction_by_external_ref")
                    .then()
                    .body("responseCode", equalTo(0));
            nbc().body(Map.of("ref", paid.instructionRef()))
                    .post("/v1/check_transaction_by_instruction_ref")
                    .then()
                    .body("responseCode", equalTo(0))
                    .body("data.hash", equalTo(paid.hash()));
            nbc().body(Map.of("instructionRef", "NOPE"))
                    .post("/v1/check_transaction_by_instruction_ref")
                    .then()
                    .body("errorCode", equalTo(1));
            nbc().body(Map.of("ref", 12))
                    .post("/v1/check_transaction_by_external_ref")
                    .then()
                    .statusCode(400)
                    .body("errorCode", equalTo(5));
        }
    }

    @Nested
    @DisplayName("check_bakong_account")
    class Accounts {

        @Test
        @DisplayName("a registered account exists, an unknown one is errorCode 11, a malformed one errorCode 12")
        void accountAnswers() {
            control.registerAccount("dara@aclb");
            nbc().body(Map.of("accountId", "dara@aclb"))
                    .post("/v1/check_bakong_account")
                    .then()
                    .statusCode(200)
                    .body("responseCode", equalTo(0))
                    .body("responseMessage", equalTo("Account ID exists"))
                    .body("errorCode", nullValue())
                    .body("data", nullValue());
            nbc().body(Map.of("accountId", "nobody@aclb"))
                    .post("/v1/check_bakong_account")
                    .then()
                    .statusCode(200)
                    .body("responseCode", equalTo(1))
                    .body("errorCode", equalTo(11))
                    .body("responseMessage", equalTo("Account ID not found"));
            nbc().body(Map.of("accountId", "no-at-sign"))
                    .post("/v1/check_bakong_account")
                    .then()
                    .body("errorCode", equalTo(12));
            nbc().body(Map.of())
                    .post("/v1/check_bakong_account")
                    .then()
                    .statusCode(400)
                    .body("errorCode", equalTo(5));
        }

        @Test
        @DisplayName("answers without a token, as NBC does for its official JS SDK (which sends none)")
        void withoutToken() {
            control.registerAccount("dara@aclb");
            anonymous()
                    .body(Map.of("accountId", "dara@aclb"))
                    .post("/v1/check_bakong_account")
                    .then()
                    .statusCode(200)
                    .body("responseCode", equalTo(0))
                    .body("responseMessage", equalTo("Account ID exists"));
            anonymous()
                    .body(Map.of("accountId", "nobody@aclb"))
                    .post("/v1/check_bakong_account")
                    .then()
                    .statusCode(200)
                    .body("errorCode", equalTo(11));
            // the other lookups keep the token check
            anonymous()
                    .body(Map.of("md5", "0".repeat(32)))
                    .post("/v1/check_transaction_by_md5")
                    .then()
                    .statusCode(401)
                    .body("errorCode", equalTo(6));
        }
    }

    @Nested
    @DisplayName("generate_deeplink_by_qr")
    class Deeplink {

        @Test
        @DisplayName("answers a short link that opens the mock bank app with the QR, and makes the QR payable by md5")
        void shortLink() {
            String qr = freshQr();
            String link = anonymous()
                    .body(Map.of(
                            "qr",
                            qr,
                            "sourceInfo",
                            Map.of(
                                    "appIconUrl",
                                    "https://shop.example/icon.png",
                                    "appName",
                                    "Shop",
                                    "appDeepLinkCallback",
                                    "https://shop.example/done")))
                    .post("/v1/generate_deeplink_by_qr")
                    .then()
                    .statusCode(200)
                    .body("responseCode", equalTo(0))
                    .body("responseMessage", equalTo("Getting deep link successfully"))
                    .extract()
                    .path("data.shortLink");
            assertThat(link).startsWith(simulator.baseUrl() + "/l/");
            String location = io.restassured.RestAssured.given()
                    .redirects()
                    .follow(false)
                    .get(link)
                    .then()
                    .statusCode(302)
                    .extract()
                    .header("Location");
            // the mock bank app opens with the QR read, and a way back to the app that asked
            assertThat(location)
                    .endsWith("/?qr=" + java.net.URLEncoder.encode(qr, java.nio.charset.StandardCharsets.UTF_8)
                            + "&back=https%3A%2F%2Fshop.example%2Fdone&app=Shop");
            assertThat(control.payMd5(TestQrs.md5(qr)).amount()).isEqualByComparingTo(new BigDecimal("1.50"));
        }

        @Test
        @DisplayName("refuses a missing qr or incomplete sourceInfo with errorCode 5, and garbage with errorCode 4")
        void refusals() {
            anonymous()
                    .body(Map.of())
                    .post("/v1/generate_deeplink_by_qr")
                    .then()
                    .statusCode(400)
                    .body("errorCode", equalTo(5));
            anonymous()
                    .body(Map.of("qr", freshQr(), "sourceInfo", Map.of("appName", "Shop")))
                    .post("/v1/generate_deeplink_by_qr")
                    .then()
                    .statusCode(400)
                    .body("errorCode", equalTo(5));
            anonymous()
                    .body(Map.of("qr", "hello"))
                    .post("/v1/generate_deeplink_by_qr")
                    .then()
                    .statusCode(200)
                    .body("errorCode", equalTo(4));
        }
    }

    @Nested
    @DisplayName("Any path")
    class AnyPath {

        @Test
        @DisplayName("an unknown /v1 path is a 404 and a GET is a 405, both in the envelope")
        void unknownAndWrongMethod() {
            nbc().body("{}").post("/v1/no_such_thing").then().statusCode(404).body("responseCode", equalTo(1));
            nbc().get("/v1/check_transaction_by_md5")
                    .then()
                    .statusCode(405)
                    .body("responseCode", equalTo(1))
                    .header("Allow", "POST");
        }

        @Test
        @DisplayName("a body over 1 MiB is refused with errorCode 5")
        void hugeBody() {
            String huge = "{\"md5\":\"" + "a".repeat((1 << 20) + 10) + "\"}";
            nbc().body(huge)
                    .post("/v1/check_transaction_by_md5")
                    .then()
                    .statusCode(400)
                    .body("errorCode", equalTo(5));
        }
    }
}
