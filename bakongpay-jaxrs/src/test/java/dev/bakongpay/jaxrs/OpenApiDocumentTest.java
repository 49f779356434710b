package dev.bakongpay.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bakongpay.simulator.Fault;
import dev.bakongpay.simulator.PaymentOptions;
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

    @BeforeAll
    void start() throws Exception {
        world = new TestWorld(Map.of(), Duration.ofMillis(400));
        doc = JSON.readTree(world.anonymous().get("/openapi.json").then().statusCode(200)
                .contentType("application/json").extract().asString());
    }

    @AfterAll
    void stop() throws Exception {
        world.close();
    }

    @Test
    @DisplayName("is an OpenAPI 3.0 document of the five endpoints with a bearer security scheme, readable without a key")
    void document() {
        assertThat(doc.path("openapi").asText()).startsWith("3.0");
        assertThat(doc.path("paths").fieldNames()).toIterable().contains("/khqr/create", "/check/md5", "/check/bulk",
                "/check/transaction", "/qr/generate", "/openapi.json");
        assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("/api/v1");
        doc.path("paths").forEach(p -> p.forEach(op -> assertThat(op.path("responses").has("200")).isTrue()));
    }

    @Test
    @DisplayName("the schema check itself notices an undocumented field, a missing one and a wrong type")
    void checkerWorks() throws Exception {
        JsonNode schema = doc.at("/components/schemas/CheckResult");
        assertThat(SchemaCheck.problems(doc, schema, JSON.readTree("{\"md5\":\"x\",\"status\":\"PAID\",\"extra\":1}")))
                .containsExactlyInAnyOrder("$.status = \"PAID\" is not one of [\"PENDING\",\"SUCCESS\",\"FAILED\",\"EXPIRED\"]",
                        "$.extra is not documented");
        assertThat(SchemaCheck.problems(doc, schema, JSON.readTree("{\"status\":\"PENDING\",\"late\":\"no\"}")))
                .containsExactlyInAnyOrder("$ lacks required md5", "$.late should be boolean but is STRING");
    }

    /** The documented JSON schema of {@code path}'s {@code status} answer, checked against a real one. */
    void matches(String path, int status, Supplier<Response> call) {
        Response r = call.get();
        assertThat(r.statusCode()).as(path + " status").isEqualTo(status);
        JsonNode documented = doc.at("/paths/" + path.replace("/", "~1") + "/post/responses/" + status);
        assertThat(documented.isMissingNode()).as(path + " documents " + status).isFalse();
        JsonNode response = documented;
        while (response.has("$ref")) {
            JsonNode n = doc;
            for (String part : response.get("$ref").asText().substring(2).split("/")) n = n.get(part);
            response = n;
        }
        JsonNode schema = response.at("/content/application~1json/schema");
        try {
            assertThat(SchemaCheck.problems(doc, schema, JSON.readTree(r.asString()))).as(path + " " + status).isEmpty();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        for (java.util.Iterator<String> it = response.path("headers").fieldNames(); it.hasNext(); ) {
            String h = it.next();
            if (!h.equals("Retry-After") || status == 429) assertThat(r.header(h)).as(path + " header " + h).isNotNull();
        }
    }

    @Test
    @DisplayName("every documented answer matches a real one, field for field, both ways")
    void answers() {
        Map<String, Object> paid = world.create(TestWorld.PRO, "25.00");
        Map<String, Object> wrong = world.create(TestWorld.PRO, "9.00");
        world.simulator.control().pay((String) paid.get("qrString"));
        world.simulator.control().pay((String) wrong.get("qrString"), PaymentOptions.defaults().amount(new BigDecimal("1")));
        String create = "{\"amount\":25.00,\"merchantName\":\"FINN SHOP\",\"bakongId\":\"merchant@acleda\",\"description\":\"Order #1234\"}";

        matches("/khqr/create", 200, () -> world.as(TestWorld.PRO).body(create).post("/khqr/create"));
        matches("/khqr/create", 422, () -> world.as(TestWorld.PRO).body("{}").post("/khqr/create"));
        matches("/khqr/create", 401, () -> world.anonymous().contentType("application/json").body(create).post("/khqr/create"));
        matches("/khqr/create", 400, () -> world.as(TestWorld.PRO).body("{").post("/khqr/create"));
        matches("/khqr/create", 415, () -> world.as(TestWorld.PRO).contentType("text/plain").body("x").post("/khqr/create"));
        matches("/khqr/create", 413, () -> world.as(TestWorld.PRO).body("\"" + "x".repeat(70_000) + "\"").post("/khqr/create"));
        world.as(TestWorld.PRO).header("Idempotency-Key", "doc-1").body(create).post("/khqr/create");
        matches("/khqr/create", 409, () -> world.as(TestWorld.PRO).header("Idempotency-Key", "doc-1").body("{\"amount\":1}").post("/khqr/create"));

        matches("/check/md5", 200, () -> world.as(TestWorld.PRO).body("{\"md5\":\"" + paid.get("md5") + "\"}").post("/check/md5"));
        matches("/check/md5", 200, () -> world.as(TestWorld.PRO).body("{\"md5\":\"" + wrong.get("md5") + "\"}").post("/check/md5"));
        matches("/check/md5", 404, () -> world.as(TestWorld.PRO).body("{\"md5\":\"" + "e".repeat(32) + "\"}").post("/check/md5"));
        Map<String, Object> pending = world.create(TestWorld.PRO, "2.00");
        matches("/check/md5", 200, () -> world.as(TestWorld.PRO).body("{\"md5\":\"" + pending.get("md5") + "\"}").post("/check/md5"));
        world.clock.advance(Duration.ofSeconds(3));
        world.simulator.control().injectFault(Fault.serverErrors(1.0).forCalls(1));
        matches("/check/md5", 502, () -> world.as(TestWorld.PRO).body("{\"md5\":\"" + pending.get("md5") + "\"}").post("/check/md5"));

        String bulk = "{\"md5s\":[\"" + paid.get("md5") + "\",\"" + wrong.get("md5") + "\",\"" + "f".repeat(32) + "\"]}";
        matches("/check/bulk", 200, () -> world.as(TestWorld.PRO).body(bulk).post("/check/bulk"));
        matches("/check/bulk", 403, () -> world.as(TestWorld.FREE).body(bulk).post("/check/bulk"));

        matches("/check/transaction", 200, () -> world.as(TestWorld.PRO).body("{\"query\":\"" + paid.get("transactionId") + "\"}").post("/check/transaction"));
        matches("/check/transaction", 200, () -> world.as(TestWorld.PRO).body("{\"query\":\"" + wrong.get("md5") + "\",\"type\":\"md5\"}").post("/check/transaction"));
        matches("/check/transaction", 404, () -> world.as(TestWorld.OTHER).body("{\"query\":\"" + paid.get("transactionId") + "\"}").post("/check/transaction"));

        String qr = "{\"qrString\":\"" + pending.get("qrString") + "\",\"size\":400,\"foreground\":\"#1a1a2e\"}";
        matches("/qr/generate", 200, () -> world.as(TestWorld.PRO).body(qr).post("/qr/generate"));
        matches("/qr/generate", 422, () -> world.as(TestWorld.PRO).body("{\"qrString\":\"000201...\"}").post("/qr/generate"));
        matches("/qr/generate", 406, () -> world.as(TestWorld.PRO).accept("image/png").body(qr.replace("}", ",\"format\":\"svg\"}")).post("/qr/generate"));
    }
}
