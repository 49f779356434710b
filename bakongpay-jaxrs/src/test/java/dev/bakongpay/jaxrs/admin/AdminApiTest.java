package dev.bakongpay.jaxrs.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.bakongpay.core.admin.AdminToken;
import dev.bakongpay.jaxrs.OpenApiContract;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.WebhookEvent;
import dev.bakongpay.spi.memory.MemoryStorageProvider;
import dev.bakongpay.spi.testkit.Fixtures;
import dev.bakongpay.testsupport.MutableClock;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The admin API's payments, webhooks and stats endpoints over HTTP, on in-memory stores; each
 * answer checked against the served {@code admin-openapi.json}.
 */
@DisplayName("Admin API: payments, webhooks, stats")
class AdminApiTest {
    static final String TOKEN = "admin-token-for-tests-0123456789";

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:30Z"));
    final Storage storage = MemoryStorageProvider.create(clock);
    AdminTestServer server;
    OpenApiContract contract;

    @BeforeEach
    void start() throws Exception {
        server = new AdminTestServer(
                new BakongPayAdminApplication(new AdminRuntime(storage, AdminToken.of(TOKEN), clock)));
        contract = new OpenApiContract(given().baseUri(server.baseUri.toString())
                .basePath("/admin/v1")
                .get("/openapi.json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    RequestSpecification admin() {
        return given().baseUri(server.baseUri.toString())
                .basePath("/admin/v1")
                .header("Authorization", "Bearer " + TOKEN);
    }

    /** The answer, after checking it against the schema the document gives for this path, method and status. */
    ValidatableResponse documented(Response r, String path, String method) {
        String pointer = contract.answerSchema(path, method, r.statusCode());
        assertThat(pointer)
                .as("documented: " + method + " " + path + " " + r.statusCode())
                .isNotNull();
        assertThat(contract.problems(pointer, r.asString()))
                .as(method + " " + path + " " + r.statusCode() + ": " + r.asString())
                .isEmpty();
        return r.then();
    }

    Transaction insert(String merchant) {
        clock.advance(Duration.ofSeconds(1));
        Transaction t = Fixtures.pending(merchant, clock);
        storage.transactions().insert(t);
        return t;
    }

    Transaction paid(Transaction t) {
        return storage.transactions()
                .transition(StatusTransition.paid(
                        t.id(), PaymentStatus.PENDING, Fixtures.payment(clock), false, clock.instant()))
                .orElseThrow();
    }

    static void assertInvalid(ValidatableResponse r, String... fields) {
        r.statusCode(422)
                .header("Cache-Control", "no-store")
                .body("success", equalTo(false))
                .body("error.code", equalTo("validation_failed"))
                .body("error.details.field", containsInAnyOrder((Object[]) fields));
    }

    @Test
    @DisplayName("without the admin token, with another token or with an API key: 401 in the envelope")
    void needsTheAdminToken() {
        given().baseUri(server.baseUri.toString())
                .basePath("/admin/v1")
                .get("/payments")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("missing_admin_token"));
        documented(
                        given().baseUri(server.baseUri.toString())
                                .basePath("/admin/v1")
                                .header("Authorization", "Bearer bk_test_someapikey_0001")
                                .get("/webhooks"),
                        "/webhooks",
                        "get")
                .statusCode(401)
                .body("error.code", equalTo("invalid_admin_token"));
    }

    @Test
    @DisplayName("an unknown path is a 404 pointing to the admin API's own document")
    void unknownPath() {
        admin().get("/no-such-thing")
                .then()
                .statusCode(404)
                .header("Cache-Control", "no-store")
                .body("success", equalTo(false))
                .body("error.code", equalTo("not_found"))
                .body("error.message", equalTo("No such endpoint; see /admin/v1/openapi.json"));
    }

    @Nested
    @DisplayName("GET /payments")
    class Payments {
        @Test
        @DisplayName("newest first across merchants, a page at a time with 'next', no-store")
        void pages() {
            Transaction a = insert("shop-a"), b = insert("shop-b"), c = insert("shop-a");
            String next = documented(admin().get("/payments?limit=2"), "/payments", "get")
                    .statusCode(200)
                    .header("Cache-Control", "no-store")
                    .body("payments.transactionId", contains(c.id().toString(), b.id().toString()))
                    .body("payments[0].merchantId", equalTo("shop-a"))
                    .body("payments[0].amount", equalTo(25.00f))
                    .body("payments[0].qrString", nullValue())
                    .extract()
                    .path("next");
            documented(admin().queryParam("limit", 2).queryParam("before", next).get("/payments"), "/payments", "get")
                    .statusCode(200)
                    .body("payments.transactionId", contains(a.id().toString()))
                    .body("next", nullValue());
        }

        @Test
        @DisplayName("filters by md5 (any case), transaction id, status and merchant")
        void filters() {
            Transaction a = insert("shop-a"), b = paid(insert("shop-a")), c = insert("shop-b");
            admin().get("/payments?md5=" + a.md5().toUpperCase())
                    .then()
                    .body("payments.transactionId", contains(a.id().toString()));
            admin().get("/payments?transactionId=" + c.id()).then().body("payments.merchantId", contains("shop-b"));
            documented(admin().get("/payments?status=success"), "/payments", "get")
                    .body("payments.transactionId", contains(b.id().toString()))
                    .body("payments[0].upstream.hash", equalTo(b.payment().hash()));
            admin().get("/payments?merchantId=shop-a&status=PENDING")
                    .then()
                    .body("payments.transactionId", contains(a.id().toString()));
            admin().get("/payments?merchantId=nobody").then().statusCode(200).body("payments", hasSize(0));
        }

        @Test
        @DisplayName("every bad parameter is named in one 422")
        void badParameters() {
            assertInvalid(
                    documented(
                            admin().get("/payments?md5=xyz&transactionId=42&status=PAID&limit=0&before=garbage"),
                            "/payments",
                            "get"),
                    "md5",
                    "transactionId",
                    "status",
                    "limit",
                    "before");
            assertInvalid(admin().get("/payments?limit=99999999999999999999").then(), "limit");
            assertInvalid(
                    admin().queryParam("merchantId", "shop\u0000a")
                            .get("/payments")
                            .then(),
                    "merchantId");
        }

        @Test
        @DisplayName("one payment: its upstream block with Bakong's references, its KHQR and its webhooks")
        void detail() {
            Transaction t = paid(insert("shop-a"));
            storage.webhooks()
                    .record(new WebhookEvent(
                            WebhookEvent.idOf(t.id(), PaymentStatus.SUCCESS),
                            t.id(),
                            "shop-a",
                            "payment.succeeded",
                            "{}",
                            clock.instant()));
            documented(admin().get("/payments/" + t.id()), "/payments/{transactionId}", "get")
                    .statusCode(200)
                    .body("payment.status", equalTo("SUCCESS"))
                    .body("payment.qrString", equalTo(t.qrString()))
                    .body(
                            "payment.upstream.hash",
                            equalTo(
                                    t.payment() == null
                                            ? paidHash(t)
                                            : t.payment().hash()))
                    .body("payment.upstream.from", equalTo("payer@abaa"))
                    .body("payment.upstream.externalRef", equalTo("100FT3456789"))
                    .body("payment.attributes.merchantNameKm", equalTo("ហាងកាហ្វេ"))
                    .body("webhooks.eventId", contains(t.id() + ":SUCCESS"))
                    .body("webhooks[0].state", equalTo("PENDING"));
        }

        private String paidHash(Transaction t) {
            return storage.transactions()
                    .findAnyById(t.id())
                    .orElseThrow()
                    .payment()
                    .hash();
        }

        @Test
        @DisplayName("an unknown id is a 404, a malformed one a 422, both in the envelope")
        void unknownAndMalformed() {
            documented(admin().get("/payments/" + java.util.UUID.randomUUID()), "/payments/{transactionId}", "get")
                    .statusCode(404)
                    .body("error.code", equalTo("not_found"));
            assertInvalid(
                    documented(admin().get("/payments/not-a-uuid"), "/payments/{transactionId}", "get"),
                    "transactionId");
        }
    }

    @Nested
    @DisplayName("Webhooks")
    class Webhooks {
        WebhookEvent recorded(Transaction t) {
            clock.advance(Duration.ofSeconds(1));
            WebhookEvent e = new WebhookEvent(
                    WebhookEvent.idOf(t.id(), PaymentStatus.SUCCESS),
                    t.id(),
                    t.merchantId(),
                    "payment.succeeded",
                    "{}",
                    clock.instant());
            storage.webhooks().record(e);
            return e;
        }

        @Test
        @DisplayName("listed newest first, by state or FAILED; a bad state or limit is a 422")
        void lists() {
            WebhookEvent delivered = recorded(insert("shop-a")),
                    dead = recorded(insert("shop-a")),
                    waiting = recorded(insert("shop-b"));
            storage.webhooks().claimDue("node", 10, Duration.ofSeconds(30));
            storage.webhooks().markDelivered(delivered.eventId());
            storage.webhooks().giveUp(dead.eventId(), "node", "HTTP 500");
            storage.webhooks()
                    .retryLater(waiting.eventId(), "node", clock.instant().plusSeconds(600), "timeout");
            documented(admin().get("/webhooks"), "/webhooks", "get")
                    .statusCode(200)
                    .header("Cache-Control", "no-store")
                    .body("webhooks.eventId", contains(waiting.eventId(), dead.eventId(), delivered.eventId()));
            documented(admin().get("/webhooks?state=dead"), "/webhooks", "get")
                    .body("webhooks.eventId", contains(dead.eventId()))
                    .body("webhooks[0].lastError", equalTo("HTTP 500"))
                    .body("webhooks[0].redeliverable", equalTo(true));
            admin().get("/webhooks?state=FAILED&limit=1").then().body("webhooks.eventId", contains(waiting.eventId()));
            admin().get("/webhooks?state=DELIVERED").then().body("webhooks[0].redeliverable", equalTo(false));
            assertInvalid(
                    documented(admin().get("/webhooks?state=LOST&limit=201"), "/webhooks", "get"), "state", "limit");
        }

        @Test
        @DisplayName(
                "redeliver: a dead one is PENDING again, a waiting one due now, both audited; delivered is a 409, unknown a 404")
        void redeliver() {
            WebhookEvent delivered = recorded(insert("shop-a")),
                    dead = recorded(insert("shop-a")),
                    waiting = recorded(insert("shop-b"));
            storage.webhooks().claimDue("node", 10, Duration.ofSeconds(30));
            storage.webhooks().markDelivered(delivered.eventId());
            storage.webhooks().giveUp(dead.eventId(), "node", "HTTP 500");
            storage.webhooks()
                    .retryLater(waiting.eventId(), "node", clock.instant().plusSeconds(600), "timeout");

            documented(
                            admin().post("/webhooks/" + dead.eventId() + "/redeliver"),
                            "/webhooks/{eventId}/redeliver",
                            "post")
                    .statusCode(200)
                    .body("action", equalTo("redelivered"))
                    .body("webhook.state", equalTo("PENDING"))
                    .body("webhook.attempts", equalTo(0));
            documented(
                            admin().post("/webhooks/" + waiting.eventId() + "/redeliver"),
                            "/webhooks/{eventId}/redeliver",
                            "post")
                    .statusCode(200)
                    .body("action", equalTo("retrying"))
                    .body("webhook.nextAttemptAt", equalTo(clock.instant().toString()));
            assertThat(storage.webhooks().claimDue("node-b", 10, Duration.ofSeconds(30)))
                    .extracting(d -> d.eventId())
                    .containsExactlyInAnyOrder(dead.eventId(), waiting.eventId());
            documented(
                            admin().post("/webhooks/" + delivered.eventId() + "/redeliver"),
                            "/webhooks/{eventId}/redeliver",
                            "post")
                    .statusCode(409)
                    .body("error.code", equalTo("not_redeliverable"));
            documented(admin().post("/webhooks/nope:SUCCESS/redeliver"), "/webhooks/{eventId}/redeliver", "post")
                    .statusCode(404)
                    .body("error.code", equalTo("not_found"));
            // the two that acted are in the audit trail, with the admin credential; refusals are not
            assertThat(storage.audit().list(10))
                    .extracting(e -> e.action() + " " + e.actor() + " " + e.detail())
                    .containsExactly(
                            "webhook.redeliver " + AdminToken.of(TOKEN).credentialId() + " event " + waiting.eventId()
                                    + " (retrying)",
                            "webhook.redeliver " + AdminToken.of(TOKEN).credentialId() + " event " + dead.eventId()
                                    + " (redelivered)");
        }
    }

    @Nested
    @DisplayName("GET /stats/payments-per-minute")
    class Stats {
        @Test
        @DisplayName("counts per minute by status over the last hours, oldest first; hours outside 1 to 48 is a 422")
        void perMinute() {
            clock.set(Instant.parse("2026-12-06T10:00:05Z"));
            paid(insert("shop-a"));
            insert("shop-a");
            clock.set(Instant.parse("2026-12-06T10:02:10Z"));
            insert("shop-b");
            clock.set(Instant.parse("2026-12-06T11:00:00Z"));
            documented(admin().get("/stats/payments-per-minute?hours=2"), "/stats/payments-per-minute", "get")
                    .statusCode(200)
                    .body("hours", equalTo(2))
                    .body("from", equalTo("2026-12-06T09:01:00Z"))
                    .body("to", equalTo("2026-12-06T11:01:00Z"))
                    .body(
                            "counts",
                            equalTo(List.of(
                                    Map.of("minute", "2026-12-06T10:00:00Z", "status", "PENDING", "count", 1),
                                    Map.of("minute", "2026-12-06T10:00:00Z", "status", "SUCCESS", "count", 1),
                                    Map.of("minute", "2026-12-06T10:02:00Z", "status", "PENDING", "count", 1))));
            admin().get("/stats/payments-per-minute")
                    .then()
                    .statusCode(200)
                    .body("hours", equalTo(6))
                    .body("counts", hasSize(3));
            assertInvalid(
                    documented(admin().get("/stats/payments-per-minute?hours=49"), "/stats/payments-per-minute", "get"),
                    "hours");
            assertInvalid(admin().get("/stats/payments-per-minute?hours=-1").then(), "hours");
        }
    }
}
