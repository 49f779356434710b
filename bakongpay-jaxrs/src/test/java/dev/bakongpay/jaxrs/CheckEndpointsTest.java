package dev.bakongpay.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.bakongpay.simulator.Fault;
import dev.bakongpay.simulator.PaymentOptions;
import dev.bakongpay.simulator.SimulatedPayment;
import dev.bakongpay.simulator.SimulatorControl;
import dev.bakongpay.spi.PaymentStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("the check endpoints against the Bakong simulator")
class CheckEndpointsTest {
    /** Longer than the pending-answer cache, so a new payment is seen. */
    static final Duration PAST_CACHE = Duration.ofSeconds(3);

    TestWorld world;
    SimulatorControl bank;

    @BeforeAll
    void start() {
        world = new TestWorld(Map.of(), Duration.ofMillis(400));
        bank = world.simulator.control();
    }

    @AfterAll
    void stop() throws Exception {
        world.close();
    }

    @BeforeEach
    void clean() {
        bank.clearFaults();
    }

    String md5Body(String md5) {
        return "{\"md5\":\"" + md5 + "\"}";
    }

    @Nested
    @DisplayName("POST /check/md5")
    class Md5 {
        @Test
        @DisplayName(
                "an unpaid KHQR is PENDING; once paid it is SUCCESS with the seed's transaction block and one event")
        void paid() {
            Map<String, Object> p = world.create(TestWorld.PRO, "25.00");
            String md5 = (String) p.get("md5");
            world.as(TestWorld.PRO)
                    .body(md5Body(md5))
                    .post("/check/md5")
                    .then()
                    .statusCode(200)
                    .body("data.md5", equalTo(md5))
                    .body("data.status", equalTo("PENDING"))
                    .body("data", not(hasKey("transaction")));
            SimulatedPayment paid = bank.pay(
                    (String) p.get("qrString"), PaymentOptions.defaults().from("dara@aclb"));
            world.clock.advance(PAST_CACHE);
            int before = world.events.size();
            world.as(TestWorld.PRO)
                    .body(md5Body(md5))
                    .post("/check/md5")
                    .then()
                    .statusCode(200)
                    .body("success", equalTo(true))
                    .body("data.status", equalTo("SUCCESS"))
                    .body("data.late", equalTo(false))
                    .body("data.transaction.hash", equalTo(paid.hash().toLowerCase()))
                    .body("data.transaction.from", equalTo("dara@aclb"))
                    .body("data.transaction.to", equalTo("merchant@acleda"))
                    .body("data.transaction.amount", equalTo(25.0f))
                    .body("data.transaction.currency", equalTo("USD"))
                    .body(
                            "data.transaction.timestamp",
                            equalTo(world.clock.instant().minus(PAST_CACHE).toEpochMilli()));
            long calls = bank.md5CheckCount(md5);
            world.as(TestWorld.PRO)
                    .body(md5Body(md5))
                    .post("/check/md5")
                    .then()
                    .body("data.status", equalTo("SUCCESS"));
            assertThat(bank.md5CheckCount(md5))
                    .as("a final status never calls upstream again")
                    .isEqualTo(calls);
            assertThat(world.events.size() - before).isEqualTo(1);
        }

        @Test
        @DisplayName(
                "a finished payment answers the same bytes and headers on every poll, and only to its own merchant")
        void finishedPolledAgain() {
            Map<String, Object> p = world.create(TestWorld.PRO, "7.50");
            String md5 = (String) p.get("md5");
            bank.pay((String) p.get("qrString"), PaymentOptions.defaults().from("dara@aclb"));
            world.clock.advance(PAST_CACHE);
            List<io.restassured.response.Response> polls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                polls.add(world.as(TestWorld.PRO).body(md5Body(md5)).post("/check/md5"));
            }
            io.restassured.response.Response first = polls.get(0);
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.jsonPath().getString("data.status")).isEqualTo("SUCCESS");
            assertThat(first.jsonPath().getString("data.md5")).isEqualTo(md5);
            assertThat(first.contentType()).isEqualTo("application/json");
            for (io.restassured.response.Response again : polls.subList(1, 3)) {
                assertThat(again.asByteArray()).isEqualTo(first.asByteArray());
                assertThat(again.contentType()).isEqualTo(first.contentType());
                assertThat(again.header("Content-Length")).isEqualTo(first.header("Content-Length"));
                assertThat(again.header("Cache-Control")).isEqualTo("no-store");
                assertThat(again.header("RateLimit-Limit")).isNotNull();
                assertThat(again.header("X-Request-Id")).isNotEqualTo(first.header("X-Request-Id"));
            }
            world.as(TestWorld.OTHER)
                    .body(md5Body(md5))
                    .post("/check/md5")
                    .then()
                    .statusCode(404)
                    .body("error.code", equalTo("transaction_not_found"));
        }

        @Test
        @DisplayName("an unpaid KHQR past its expiry is EXPIRED")
        void expired() {
            String md5 = (String) world.create(TestWorld.PRO, "1.00").get("md5");
            world.clock.advance(Duration.ofSeconds(901));
            world.as(TestWorld.PRO)
                    .body(md5Body(md5))
                    .post("/check/md5")
                    .then()
                    .statusCode(200)
                    .body("data.status", equalTo("EXPIRED"));
        }

        @Test
        @DisplayName("a payment acknowledged after expiresAt is SUCCESS marked late")
        void late() {
            Map<String, Object> p = world.create(TestWorld.PRO, "2.00");
            world.clock.advance(Duration.ofSeconds(800));
            bank.pay((String) p.get("qrString"), PaymentOptions.defaults().delay(Duration.ofSeconds(200)));
            world.clock.advance(Duration.ofSeconds(201));
            world.as(TestWorld.PRO)
                    .body(md5Body((String) p.get("md5")))
                    .post("/check/md5")
                    .then()
                    .statusCode(200)
                    .body("data.status", equalTo("SUCCESS"))
                    .body("data.late", equalTo(true));
        }

        @Test
        @DisplayName("a payment of the wrong amount is FAILED with amount_mismatch, never SUCCESS")
        void mismatch() {
            Map<String, Object> p = world.create(TestWorld.PRO, "25.00");
            bank.pay((String) p.get("qrString"), PaymentOptions.defaults().amount(new BigDecimal("20.00")));
            world.as(TestWorld.PRO)
                    .body(md5Body((String) p.get("md5")))
                    .post("/check/md5")
                    .then()
                    .statusCode(200)
                    .body("data.status", equalTo("FAILED"))
                    .body("data.failureReason", equalTo("amount_mismatch"))
                    .body("data.failureMessage", equalTo("amount_mismatch: paid 20.00 USD, expected 25.00 USD"));
        }

        @Test
        @DisplayName("a payment Bakong reports failed is FAILED with upstream_failed")
        void failed() {
            Map<String, Object> p = world.create(TestWorld.PRO, "3.00");
            bank.pay((String) p.get("qrString"), PaymentOptions.defaults().failed());
            world.as(TestWorld.PRO)
                    .body(md5Body((String) p.get("md5")))
                    .post("/check/md5")
                    .then()
                    .statusCode(200)
                    .body("data.status", equalTo("FAILED"))
                    .body("data.failureReason", equalTo("upstream_failed"));
        }

        @Test
        @DisplayName("another merchant's md5, or one nobody created, is 404 transaction_not_found; a malformed one 422")
        void notFound() {
            String md5 = (String) world.create(TestWorld.PRO, "1.00").get("md5");
            world.as(TestWorld.OTHER)
                    .body(md5Body(md5))
                    .post("/check/md5")
                    .then()
                    .statusCode(404)
                    .body("error.code", equalTo("transaction_not_found"));
            world.as(TestWorld.PRO)
                    .body(md5Body("0".repeat(32)))
                    .post("/check/md5")
                    .then()
                    .statusCode(404);
            world.as(TestWorld.PRO)
                    .body(md5Body("xyz"))
                    .post("/check/md5")
                    .then()
                    .statusCode(422)
                    .body("error.details[0].field", equalTo("md5"))
                    .body("error.details[0].code", equalTo("invalid_format"));
            world.as(TestWorld.PRO)
                    .body("{}")
                    .post("/check/md5")
                    .then()
                    .statusCode(422)
                    .body("error.details[0].code", equalTo("required"));
        }

        @Test
        @DisplayName("100 concurrent checks of one pending md5 make exactly one upstream call")
        void concurrent() throws Exception {
            String md5 = (String) world.create(TestWorld.PRO, "4.00").get("md5");
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest req = HttpRequest.newBuilder(URI.create(world.baseUri + "/api/v1/check/md5"))
                    .header("Authorization", "Bearer " + TestWorld.PRO)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(md5Body(md5)))
                    .build();
            List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
            for (int i = 0; i < 100; i++) all.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofString()));
            for (CompletableFuture<HttpResponse<String>> f : all) {
                HttpResponse<String> r = f.get();
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("\"status\":\"PENDING\"");
            }
            assertThat(bank.md5CheckCount(md5)).isEqualTo(1);
        }

        @Test
        @DisplayName("Bakong failing is 502 upstream_unavailable; Bakong silent is 504 upstream_timeout")
        void upstream() {
            String md5 = (String) world.create(TestWorld.PRO, "5.00").get("md5");
            bank.injectFault(Fault.serverErrors(1.0)
                    .onPath("/v1/check_transaction_by_md5")
                    .forCalls(1));
            world.as(TestWorld.PRO)
                    .body(md5Body(md5))
                    .post("/check/md5")
                    .then()
                    .statusCode(502)
                    .body("error.code", equalTo("upstream_unavailable"));
            bank.injectFault(Fault.timeout(Duration.ofSeconds(2))
                    .onPath("/v1/check_transaction_by_md5")
                    .forCalls(1));
            world.as(TestWorld.PRO)
                    .body(md5Body(md5))
                    .post("/check/md5")
                    .then()
                    .statusCode(504)
                    .body("error.code", equalTo("upstream_timeout"));
            world.as(TestWorld.PRO)
                    .body(md5Body(md5))
                    .post("/check/md5")
                    .then()
                    .statusCode(200)
                    .body("data.status", equalTo("PENDING"));
        }

        @Test
        @DisplayName(
                "a live key's transaction is checked on the live network, which this world lacks: 502, never the simulator")
        void modes() {
            Map<String, Object> p = world.create(TestWorld.LIVE, "1.00");
            world.as(TestWorld.LIVE)
                    .body("{\"query\":\"" + p.get("transactionId") + "\"}")
                    .post("/check/transaction")
                    .then()
                    .statusCode(200)
                    .body("data.mode", equalTo("LIVE"));
            world.as(TestWorld.LIVE)
                    .body(md5Body((String) p.get("md5")))
                    .post("/check/md5")
                    .then()
                    .statusCode(502);
            assertThat(bank.md5CheckCount((String) p.get("md5"))).isZero();
        }
    }

    @Nested
    @DisplayName("POST /check/bulk")
    class Bulk {
        @Test
        @DisplayName("the Free plan gets 403 plan_upgrade_required")
        void free() {
            world.as(TestWorld.FREE)
                    .body("{\"md5s\":[\"" + "a".repeat(32) + "\"]}")
                    .post("/check/bulk")
                    .then()
                    .statusCode(403)
                    .body("error.code", equalTo("plan_upgrade_required"));
        }

        @Test
        @DisplayName("answers total and a results map, pending ones in one md5-list call")
        void results() {
            Map<String, Object> a = world.create(TestWorld.PRO, "1.00");
            Map<String, Object> b = world.create(TestWorld.PRO, "2.00");
            bank.pay((String) a.get("qrString"));
            long listCalls = bank.callCount("/v1/check_transaction_by_md5_list");
            String unknown = "c".repeat(32);
            world.as(TestWorld.PRO)
                    .body("{\"md5s\":[\"" + a.get("md5") + "\",\"" + b.get("md5") + "\",\"" + unknown + "\"]}")
                    .post("/check/bulk")
                    .then()
                    .statusCode(200)
                    .body("data.total", equalTo(3))
                    .body("data.results." + a.get("md5") + ".status", equalTo("SUCCESS"))
                    .body("data.results." + b.get("md5") + ".status", equalTo("PENDING"))
                    .body("data.results." + unknown + ".status", equalTo("NOT_FOUND"));
            assertThat(bank.callCount("/v1/check_transaction_by_md5_list") - listCalls)
                    .isEqualTo(1);
            assertThat(world.payments
                            .lookup(
                                    new dev.bakongpay.core.payment.Merchant(
                                            "shop-a", dev.bakongpay.spi.Plan.PRO, dev.bakongpay.spi.PaymentMode.TEST),
                                    (String) a.get("md5"),
                                    dev.bakongpay.core.payment.LookupType.MD5)
                            .status())
                    .isEqualTo(PaymentStatus.SUCCESS);
        }

        @Test
        @DisplayName("51 md5s, a malformed one or none are 422")
        void limits() {
            String many = "[\"" + String.join("\",\"", Collections.nCopies(51, "a".repeat(32))) + "\"]";
            world.as(TestWorld.PRO)
                    .body("{\"md5s\":" + many + "}")
                    .post("/check/bulk")
                    .then()
                    .statusCode(422)
                    .body("error.details[0].code", equalTo("too_many"));
            world.as(TestWorld.PRO)
                    .body("{\"md5s\":[\"" + "a".repeat(32) + "\",\"a1b2c3...\"]}")
                    .post("/check/bulk")
                    .then()
                    .statusCode(422)
                    .body("error.details[0].field", equalTo("md5s[1]"));
            world.as(TestWorld.PRO)
                    .body("{\"md5s\":[]}")
                    .post("/check/bulk")
                    .then()
                    .statusCode(422);
            world.as(TestWorld.PRO)
                    .body("{\"md5s\":\"abc\"}")
                    .post("/check/bulk")
                    .then()
                    .statusCode(422)
                    .body("error.details[0].code", equalTo("invalid_type"));
        }
    }

    @Nested
    @DisplayName("POST /check/transaction")
    class Lookup {
        @Test
        @DisplayName("finds by transactionId (the default), md5 and payment hash")
        void types() {
            Map<String, Object> p = world.create(TestWorld.PRO, "7.50");
            SimulatedPayment paid = bank.pay((String) p.get("qrString"));
            world.clock.advance(PAST_CACHE);
            world.as(TestWorld.PRO)
                    .body(md5Body((String) p.get("md5")))
                    .post("/check/md5")
                    .then()
                    .statusCode(200);
            world.as(TestWorld.PRO)
                    .body("{\"query\":\"" + p.get("transactionId") + "\"}")
                    .post("/check/transaction")
                    .then()
                    .statusCode(200)
                    .body("data.transactionId", equalTo(p.get("transactionId")))
                    .body("data.status", equalTo("SUCCESS"))
                    .body("data.amount", equalTo(7.5f))
                    .body("data.currency", equalTo("USD"))
                    .body("data.qrString", equalTo(p.get("qrString")))
                    .body("data.checkoutUrl", equalTo(p.get("checkoutUrl")))
                    .body("data.expiresAt", equalTo(p.get("expiresAt")))
                    .body("data.transaction.hash", equalTo(paid.hash().toLowerCase()));
            world.as(TestWorld.PRO)
                    .body("{\"query\":\"" + p.get("md5") + "\",\"type\":\"md5\"}")
                    .post("/check/transaction")
                    .then()
                    .statusCode(200)
                    .body("data.transactionId", equalTo(p.get("transactionId")));
            world.as(TestWorld.PRO)
                    .body("{\"query\":\"" + paid.hash() + "\",\"type\":\"hash\"}")
                    .post("/check/transaction")
                    .then()
                    .statusCode(200)
                    .body("data.transactionId", equalTo(p.get("transactionId")));
        }

        @Test
        @DisplayName("another merchant's transaction is 404; an unknown type or a non-UUID id is 422")
        void refusals() {
            Map<String, Object> p = world.create(TestWorld.PRO, "1.00");
            world.as(TestWorld.OTHER)
                    .body("{\"query\":\"" + p.get("transactionId") + "\"}")
                    .post("/check/transaction")
                    .then()
                    .statusCode(404)
                    .body("error.code", equalTo("transaction_not_found"));
            world.as(TestWorld.PRO)
                    .body("{\"query\":\"x\",\"type\":\"name\"}")
                    .post("/check/transaction")
                    .then()
                    .statusCode(422)
                    .body("error.details[0].field", equalTo("type"));
            world.as(TestWorld.PRO)
                    .body("{\"query\":\"uuid-...\"}")
                    .post("/check/transaction")
                    .then()
                    .statusCode(422)
                    .body("error.details[0].field", equalTo("query"));
            world.as(TestWorld.PRO)
                    .body("{}")
                    .post("/check/transaction")
                    .then()
                    .statusCode(422)
                    .body("error.details[0].code", equalTo("required"));
        }
    }
}
