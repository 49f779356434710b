package dev.bakongpay.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import dev.bakongpay.simulator.Fault;
import dev.bakongpay.simulator.PaymentOptions;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.RateLimit;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("GET /api/v1/openapi.json")
class OpenApiDocumentTest {
    static final ObjectMapper JSON = new ObjectMapper();
    TestWorld world;
    JsonNode doc;
    OpenApiContract contract;

    @BeforeAll
    void start() throws Exception {
        world = new TestWorld(Map.of(), Duration.ofMillis(400));
        contract = new OpenApiContract(world.anonymous()
                .get("/openapi.json")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString());
        doc = contract.document();
    }

    @AfterAll
    void stop() throws Exception {
        world.close();
    }

    @Test
    @DisplayName(
            "is an OpenAPI 3.0 document of the five endpoints with a bearer security scheme, readable without a key")
    void document() {
        assertThat(doc.path("openapi").asText()).startsWith("3.0");
        assertThat(doc.path("paths").fieldNames())
                .toIterable()
                .contains(
                        "/khqr/create",
                        "/check/md5",
                        "/check/bulk",
                        "/check/transaction",
                        "/qr/generate",
                        "/openapi.json");
        assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText())
                .isEqualTo("bearer");
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("/api/v1");
        doc.path("paths")
                .forEach(p -> p.forEach(
                        op -> assertThat(op.path("responses").has("200")).isTrue()));
    }

    @Test
    @DisplayName(
            "the validator notices an undocumented field, a value outside an enum, a missing field and a wrong type")
    void validatorWorks() {
        String schema = "/components/schemas/CheckResult";
        assertThat(contract.problems(schema, "{\"md5\":\"x\",\"status\":\"PENDING\"}"))
                .isEmpty();
        assertThat(contract.problems(schema, "{\"md5\":\"x\",\"status\":\"PAID\",\"extra\":1}"))
                .extracting(Error::getKeyword)
                .containsExactlyInAnyOrder("enum", "additionalProperties");
        assertThat(contract.problems(schema, "{\"status\":\"PENDING\",\"late\":\"no\"}"))
                .extracting(Error::getKeyword)
                .containsExactlyInAnyOrder("required", "type");
    }

    /** The documented JSON schema of {@code path}'s {@code status} answer, checked against a real one. */
    void matches(String path, int status, Supplier<Response> call) {
        Response r = call.get();
        assertThat(r.statusCode()).as(path + " status").isEqualTo(status);
        JsonNode response = contract.response(path, status);
        assertThat(response.isMissingNode()).as(path + " documents " + status).isFalse();
        assertThat(contract.problems(contract.responseSchema(path, status), r.asString()))
                .as(path + " " + status + ": " + r.asString())
                .isEmpty();
        for (java.util.Iterator<String> it = response.path("headers").fieldNames(); it.hasNext(); ) {
            String h = it.next();
            if (!h.equals("Retry-After") || status == 429)
                assertThat(r.header(h)).as(path + " header " + h).isNotNull();
        }
    }

    @Test
    @DisplayName("every documented answer matches a real one, field for field, both ways")
    void answers() {
        Map<String, Object> paid = world.create(TestWorld.PRO, "25.00");
        Map<String, Object> wrong = world.create(TestWorld.PRO, "9.00");
        world.simulator.control().pay((String) paid.get("qrString"));
        world.simulator
                .control()
                .pay((String) wrong.get("qrString"), PaymentOptions.defaults().amount(new BigDecimal("1")));
        String create =
                "{\"amount\":25.00,\"merchantName\":\"FINN SHOP\",\"bakongId\":\"merchant@acleda\",\"description\":\"Order #1234\"}";

        matches("/khqr/create", 200, () -> world.as(TestWorld.PRO).body(create).post("/khqr/create"));
        matches("/khqr/create", 422, () -> world.as(TestWorld.PRO).body("{}").post("/khqr/create"));
        matches(
                "/khqr/create",
                401,
                () -> world.anonymous()
                        .contentType("application/json")
                        .body(create)
                        .post("/khqr/create"));
        matches("/khqr/create", 400, () -> world.as(TestWorld.PRO).body("{").post("/khqr/create"));
        matches(
                "/khqr/create",
                415,
                () -> world.as(TestWorld.PRO)
                        .contentType("text/plain")
                        .body("x")
                        .post("/khqr/create"));
        matches(
                "/khqr/create",
                413,
                () -> world.as(TestWorld.PRO)
                        .body("\"" + "x".repeat(70_000) + "\"")
                        .post("/khqr/create"));
        world.as(TestWorld.PRO).header("Idempotency-Key", "doc-1").body(create).post("/khqr/create");
        matches(
                "/khqr/create",
                409,
                () -> world.as(TestWorld.PRO)
                        .header("Idempotency-Key", "doc-1")
                        .body("{\"amount\":1}")
                        .post("/khqr/create"));

        matches(
                "/check/md5",
                200,
                () -> world.as(TestWorld.PRO)
                        .body("{\"md5\":\"" + paid.get("md5") + "\"}")
                        .post("/check/md5"));
        matches(
                "/check/md5",
                200,
                () -> world.as(TestWorld.PRO)
                        .body("{\"md5\":\"" + wrong.get("md5") + "\"}")
                        .post("/check/md5"));
        matches(
                "/check/md5",
                404,
                () -> world.as(TestWorld.PRO)
                        .body("{\"md5\":\"" + "e".repeat(32) + "\"}")
                        .post("/check/md5"));
        Map<String, Object> pending = world.create(TestWorld.PRO, "2.00");
        matches(
                "/check/md5",
                200,
                () -> world.as(TestWorld.PRO)
                        .body("{\"md5\":\"" + pending.get("md5") + "\"}")
                        .post("/check/md5"));
        world.clock.advance(Duration.ofSeconds(3));
        world.simulator.control().injectFault(Fault.serverErrors(1.0).forCalls(1));
        matches(
                "/check/md5",
                502,
                () -> world.as(TestWorld.PRO)
                        .body("{\"md5\":\"" + pending.get("md5") + "\"}")
                        .post("/check/md5"));
        world.simulator
                .control()
                .injectFault(Fault.timeout(Duration.ofSeconds(2))
                        .onPath("/v1/check_transaction_by_md5")
                        .forCalls(1));
        matches(
                "/check/md5",
                504,
                () -> world.as(TestWorld.PRO)
                        .body("{\"md5\":\"" + pending.get("md5") + "\"}")
                        .post("/check/md5"));
        matches(
                "/check/md5",
                422,
                () -> world.as(TestWorld.PRO).body("{\"md5\":\"xyz\"}").post("/check/md5"));
        matches(
                "/check/md5",
                413,
                () -> world.as(TestWorld.PRO)
                        .body("\"" + "x".repeat(70_000) + "\"")
                        .post("/check/md5"));
        matches(
                "/check/md5",
                401,
                () -> world.anonymous()
                        .contentType("application/json")
                        .body("{}")
                        .post("/check/md5"));

        String bulk =
                "{\"md5s\":[\"" + paid.get("md5") + "\",\"" + wrong.get("md5") + "\",\"" + "f".repeat(32) + "\"]}";
        matches("/check/bulk", 200, () -> world.as(TestWorld.PRO).body(bulk).post("/check/bulk"));
        matches("/check/bulk", 403, () -> world.as(TestWorld.FREE).body(bulk).post("/check/bulk"));
        matches(
                "/check/bulk",
                422,
                () -> world.as(TestWorld.PRO).body("{\"md5s\":[]}").post("/check/bulk"));
        matches(
                "/check/bulk",
                415,
                () -> world.as(TestWorld.PRO)
                        .contentType("text/plain")
                        .body(bulk)
                        .post("/check/bulk"));
        world.simulator
                .control()
                .injectFault(Fault.serverErrors(1.0)
                        .onPath("/v1/check_transaction_by_md5_list")
                        .forCalls(10));
        String withPending = "{\"md5s\":[\"" + paid.get("md5") + "\",\"" + pending.get("md5") + "\"]}";
        matches(
                "/check/bulk",
                200,
                () -> world.as(TestWorld.PRO).body(withPending).post("/check/bulk")); // upstreamError

        matches(
                "/check/transaction",
                200,
                () -> world.as(TestWorld.PRO)
                        .body("{\"query\":\"" + paid.get("transactionId") + "\"}")
                        .post("/check/transaction"));
        matches(
                "/check/transaction",
                200,
                () -> world.as(TestWorld.PRO)
                        .body("{\"query\":\"" + wrong.get("md5") + "\",\"type\":\"md5\"}")
                        .post("/check/transaction"));
        matches(
                "/check/transaction",
                404,
                () -> world.as(TestWorld.OTHER)
                        .body("{\"query\":\"" + paid.get("transactionId") + "\"}")
                        .post("/check/transaction"));
        matches(
                "/check/transaction",
                422,
                () -> world.as(TestWorld.PRO)
                        .body("{\"query\":\"x\",\"type\":\"nope\"}")
                        .post("/check/transaction"));
        matches(
                "/check/transaction",
                400,
                () -> world.as(TestWorld.PRO).body("{\"query\":").post("/check/transaction"));

        String qr = "{\"qrString\":\"" + pending.get("qrString") + "\",\"size\":400,\"foreground\":\"#1a1a2e\"}";
        matches("/qr/generate", 200, () -> world.as(TestWorld.PRO).body(qr).post("/qr/generate"));
        matches(
                "/qr/generate",
                422,
                () -> world.as(TestWorld.PRO)
                        .body("{\"qrString\":\"000201...\"}")
                        .post("/qr/generate"));
        matches(
                "/qr/generate",
                401,
                () -> world.anonymous().contentType("application/json").body(qr).post("/qr/generate"));
        matches(
                "/qr/generate",
                400,
                () -> world.as(TestWorld.PRO).body("{\"size\":").post("/qr/generate"));
        matches(
                "/qr/generate",
                406,
                () -> world.as(TestWorld.PRO)
                        .accept("image/png")
                        .body(qr.replace("}", ",\"format\":\"svg\"}"))
                        .post("/qr/generate"));
    }

    @Test
    @DisplayName("a 429 matches its documented answer, headers included")
    void tooManyRequests() throws Exception {
        try (TestWorld limited = new TestWorld(Map.of(Plan.FREE, RateLimit.perMinute(1)), Duration.ofSeconds(5))) {
            limited.as(TestWorld.FREE).body("{}").post("/khqr/create");
            matches(
                    "/khqr/create",
                    429,
                    () -> limited.as(TestWorld.FREE).body("{}").post("/khqr/create"));
        }
    }

    @Test
    @DisplayName("answers keep their field order: the envelope, create, check, bulk and the stored transaction")
    void fieldOrder() throws Exception {
        Map<String, Object> paid = world.create(TestWorld.PRO, "25.00");
        world.simulator.control().pay((String) paid.get("qrString"));
        String create =
                "{\"amount\":25.00,\"merchantName\":\"FINN SHOP\",\"bakongId\":\"merchant@acleda\",\"description\":\"Order #9\"}";
        JsonNode created = JSON.readTree(
                world.as(TestWorld.PRO).body(create).post("/khqr/create").asString());
        assertThat(created.fieldNames()).toIterable().containsExactly("success", "data");
        assertThat(created.get("data").fieldNames())
                .toIterable()
                .containsExactly("transactionId", "qrString", "qrImage", "md5", "deepLink", "checkoutUrl", "expiresAt");
        JsonNode check = JSON.readTree(world.as(TestWorld.PRO)
                        .body("{\"md5\":\"" + paid.get("md5") + "\"}")
                        .post("/check/md5")
                        .asString())
                .get("data");
        assertThat(check.fieldNames()).toIterable().containsExactly("md5", "status", "late", "transaction");
        assertThat(check.get("transaction").fieldNames())
                .toIterable()
                .containsExactly("hash", "from", "to", "amount", "currency", "timestamp");
        JsonNode bulk = JSON.readTree(world.as(TestWorld.PRO)
                        .body("{\"md5s\":[\"" + paid.get("md5") + "\"]}")
                        .post("/check/bulk")
                        .asString())
                .get("data");
        assertThat(bulk.fieldNames()).toIterable().containsExactly("total", "results");
        String raw = world.as(TestWorld.PRO)
                .body("{\"query\":\"" + paid.get("transactionId") + "\"}")
                .post("/check/transaction")
                .asString();
        JsonNode tx = JSON.readTree(raw).get("data");
        assertThat(tx.fieldNames())
                .toIterable()
                .containsSubsequence(
                        "transactionId",
                        "md5",
                        "status",
                        "amount",
                        "currency",
                        "merchantName",
                        "bakongId",
                        "mode",
                        "qrString",
                        "deepLink",
                        "checkoutUrl",
                        "createdAt",
                        "expiresAt",
                        "updatedAt",
                        "late",
                        "transaction");
        assertThat(raw).contains("\"amount\":25.00,\"currency\":\"USD\",\"merchantName\"");
        assertThat(tx.get("transaction").has("externalRef"))
                .as("the API reference lists no Bakong references")
                .isFalse();
    }
}
