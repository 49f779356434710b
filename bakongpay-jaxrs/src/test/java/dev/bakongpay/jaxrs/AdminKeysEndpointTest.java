package dev.bakongpay.jaxrs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.bakongpay.core.admin.AdminToken;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The admin API's key management over HTTP, next to the payment API on the same stores: each
 * answer checked against {@code admin-openapi.json}, and the keys it issues used on
 * {@code /api/v1}. The payment API caches keys for 5 s of the test clock, as a node does.
 */
@DisplayName("Admin API: API keys")
class AdminKeysEndpointTest {
    static final String TOKEN = "admin-token-0123456789abcdef";
    static final String CREDENTIAL = AdminToken.of(TOKEN).credentialId();
    static TestWorld world;
    static OpenApiContract contract;

    @BeforeAll
    static void start() throws Exception {
        world = new TestWorld(Map.of(), Duration.ofSeconds(5), AdminToken.of(TOKEN));
        contract = new OpenApiContract(
                admin().get("/openapi.json").then().statusCode(200).extract().asString());
    }

    @AfterAll
    static void stop() throws Exception {
        world.close();
    }

    static RequestSpecification anonymousAdmin() {
        return given().baseUri(world.baseUri.toString()).basePath("/admin/v1");
    }

    static RequestSpecification admin() {
        return anonymousAdmin().header("Authorization", "Bearer " + TOKEN).contentType(ContentType.JSON);
    }

    /** The answer after checking it against the schema the document gives for this path, method and status. */
    static Response documented(Response r, String path, String method) {
        String pointer = contract.answerSchema(path, method, r.statusCode());
        assertThat(pointer)
                .as("documented: " + method + " " + path + " " + r.statusCode())
                .isNotNull();
        assertThat(contract.problems(pointer, r.asString()))
                .as(method + " " + path + " " + r.statusCode() + ": " + r.asString())
                .isEmpty();
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
        return r;
    }

    static Map<String, Object> createKey(String body) {
        Response r = admin().body(body).post("/keys");
        documented(r, "/keys", "post");
        r.then().statusCode(201);
        return r.jsonPath().getMap("");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> view(Map<String, Object> answer, String field) {
        return (Map<String, Object>) answer.get(field);
    }

    static int createPayment(String key) {
        return world.as(key)
                .body("{\"amount\":1.50,\"merchantName\":\"FINN SHOP\",\"bakongId\":\"merchant@acleda\"}")
                .post("/khqr/create")
                .statusCode();
    }

    @Test
    @DisplayName("a key issued, used, rotated (the old one works through its grace, then not), re-planned and revoked")
    void lifecycle() {
        Map<String, Object> created = createKey("{\"plan\":\"PRO\",\"label\":\"Shop A\",\"mode\":\"test\"}");
        String key = (String) created.get("key");
        Map<String, Object> apiKey = view(created, "apiKey");
        String id = (String) apiKey.get("id");
        assertThat(key).matches("bk_test_[0-9a-f]{40}");
        assertThat(apiKey)
                .containsEntry("prefix", key.substring(0, 12))
                .containsEntry("label", "Shop A")
                .containsEntry("plan", "PRO")
                .containsEntry("mode", "TEST")
                .containsEntry("state", "ACTIVE")
                .containsEntry("lastUsedAt", null)
                .containsEntry("expiresAt", null)
                .containsEntry("revokedAt", null);

        assertThat(createPayment(key)).isEqualTo(200);
        Response shown = documented(admin().get("/keys/" + id), "/keys/{id}", "get");
        shown.then()
                .statusCode(200)
                .body("apiKey.lastUsedAt", equalTo(world.clock.instant().toString()));
        Response list = documented(admin().get("/keys"), "/keys", "get");
        list.then().statusCode(200).body("keys.id", hasItem(id));
        assertThat(list.asString()).doesNotContain(key).doesNotContain(ApiKeys.hash(key));

        Response rotate = documented(
                admin().body("{\"graceSeconds\":3600}").post("/keys/" + id + "/rotate"), "/keys/{id}/rotate", "post");
        rotate.then()
                .statusCode(201)
                .body("previous.id", equalTo(id))
                .body("previous.state", equalTo("EXPIRING"))
                .body(
                        "previous.expiresAt",
                        equalTo(world.clock.instant().plusSeconds(3600).toString()))
                .body("apiKey.label", equalTo("Shop A"))
                .body("apiKey.plan", equalTo("PRO"))
                .body("apiKey.merchantId", equalTo(apiKey.get("merchantId")))
                .body("key", not(equalTo(key)));
        String newKey = rotate.path("key");
        String newId = rotate.path("apiKey.id");
        assertThat(createPayment(newKey)).isEqualTo(200);
        // a key in its grace period is not rotated again: no second successor, no longer grace
        admin().body("{\"graceSeconds\":2592000}")
                .post("/keys/" + id + "/rotate")
                .then()
                .statusCode(409)
                .body("error.code", equalTo("api_key_not_rotatable"))
                .body("error.message", containsString("already rotated"));
        admin().get("/keys/" + id)
                .then()
                .body(
                        "apiKey.expiresAt",
                        equalTo(world.clock.instant().plusSeconds(3600).toString()));
        world.clock.advance(Duration.ofSeconds(3599));
        assertThat(createPayment(key)).as("the old key within its grace").isEqualTo(200);
        world.clock.advance(Duration.ofSeconds(1));
        world.as(key)
                .body("{\"amount\":1.50,\"merchantName\":\"FINN SHOP\",\"bakongId\":\"merchant@acleda\"}")
                .post("/khqr/create")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("api_key_expired"));
        admin().get("/keys/" + id).then().body("apiKey.state", equalTo("EXPIRED"));

        documented(admin().body("{\"plan\":\"free\"}").post("/keys/" + newId + "/plan"), "/keys/{id}/plan", "post")
                .then()
                .statusCode(200)
                .body("apiKey.plan", equalTo("FREE"));
        world.clock.advance(Duration.ofSeconds(5)); // the payment API's key cache: 5 s
        world.as(newKey)
                .body("{\"md5\":\"" + "0".repeat(32) + "\"}")
                .post("/check/md5")
                .then()
                .header("RateLimit-Limit", "60");

        documented(admin().post("/keys/" + newId + "/revoke"), "/keys/{id}/revoke", "post")
                .then()
                .statusCode(200)
                .body("apiKey.state", equalTo("REVOKED"))
                .body("apiKey.revokedAt", equalTo(world.clock.instant().toString()));
        assertThat(createPayment(newKey))
                .as("cached on the payment API for at most 5 s")
                .isEqualTo(200);
        world.clock.advance(Duration.ofSeconds(5));
        world.as(newKey)
                .body("{\"amount\":1.50,\"merchantName\":\"FINN SHOP\",\"bakongId\":\"merchant@acleda\"}")
                .post("/khqr/create")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("api_key_revoked"));

        Response audit = documented(admin().get("/audit?limit=5"), "/audit", "get");
        audit.then().statusCode(200);
        List<Map<String, Object>> entries = audit.jsonPath().getList("entries");
        assertThat(entries)
                .extracting(e -> e.get("action") + " " + e.get("keyId"))
                .containsExactly(
                        "key.revoke " + newId,
                        "key.plan " + newId,
                        "key.rotate " + id,
                        "key.create " + newId,
                        "key.create " + id);
        assertThat(entries).allSatisfy(e -> assertThat(e).containsEntry("actor", CREDENTIAL));
        assertThat(entries.get(1)).containsEntry("detail", "plan PRO -> FREE");
        assertThat(audit.asString()).doesNotContain(key).doesNotContain(newKey);

        admin().body("{}")
                .post("/keys/" + newId + "/rotate")
                .then()
                .statusCode(409)
                .body("error.code", equalTo("api_key_not_rotatable"));
    }

    @Test
    @DisplayName("a key for a given merchant in live mode; a rotation without a body gives the old key 24 h")
    void merchantAndDefaults() {
        Map<String, Object> created =
                createKey("{\"plan\":\"ENTERPRISE\",\"mode\":\"LIVE\",\"merchantId\":\"shop-a\"}");
        assertThat((String) created.get("key")).startsWith("bk_live_");
        assertThat(view(created, "apiKey"))
                .containsEntry("merchantId", "shop-a")
                .containsEntry("label", null);
        String id = (String) view(created, "apiKey").get("id");
        anonymousAdmin()
                .header("Authorization", "Bearer " + TOKEN)
                .post("/keys/" + id + "/rotate")
                .then()
                .statusCode(201)
                .body(
                        "previous.expiresAt",
                        equalTo(world.clock.instant().plus(Duration.ofHours(24)).toString()));
        anonymousAdmin()
                .header("Authorization", "Bearer " + TOKEN)
                .contentType(ContentType.TEXT)
                .body("graceSeconds=5")
                .post("/keys/" + id + "/rotate")
                .then()
                .statusCode(415)
                .body("success", equalTo(false));
    }

    @Nested
    @DisplayName("Refusals")
    class Refusals {
        @ParameterizedTest(name = "{0} → 422 on {1} ({2})")
        @CsvSource(
                delimiter = '|',
                value = {
                    "{\"plan\":\"GOLD\"}|plan|invalid_value",
                    "{\"label\":\"Shop\"}|plan|required",
                    "{\"plan\":5}|plan|invalid_type",
                    "{\"plan\":\"PRO\",\"mode\":\"prod\"}|mode|invalid_value",
                    "{\"plan\":\"PRO\",\"label\":\"Shop\\u0007A\"}|label|invalid_characters",
                    "{\"plan\":\"PRO\",\"label\":\"Shop\\u202eA\"}|label|bidi_control",
                    "{\"plan\":\"PRO\",\"label\":\"\\u200b \"}|label|invisible_only",
                    "{\"plan\":\"PRO\",\"merchantId\":\"../etc\"}|merchantId|invalid_format",
                })
        void createRefused(String body, String field, String code) {
            Response r = admin().body(body).post("/keys");
            documented(r, "/keys", "post");
            r.then()
                    .statusCode(422)
                    .body("success", equalTo(false))
                    .body("error.code", equalTo("validation_failed"))
                    .body("error.details[0].field", equalTo(field))
                    .body("error.details[0].code", equalTo(code));
        }

        @Test
        @DisplayName("a label over 100 characters, and broken JSON")
        void tooLongAndMalformed() {
            admin().body("{\"plan\":\"PRO\",\"label\":\"" + "x".repeat(101) + "\"}")
                    .post("/keys")
                    .then()
                    .statusCode(422)
                    .body("error.details[0].code", equalTo("too_long"));
            documented(admin().body("{\"plan\":").post("/keys"), "/keys", "post")
                    .then()
                    .statusCode(400)
                    .body("error.code", equalTo("malformed_json"));
        }

        @ParameterizedTest(name = "graceSeconds {0} → 422")
        @CsvSource({"-1", "2592001", "1e999999", "\"3600\"", "1.5", "99999999999999999999999"})
        void graceRefused(String grace) {
            String id =
                    (String) view(createKey("{\"plan\":\"FREE\"}"), "apiKey").get("id");
            Response r = admin().body("{\"graceSeconds\":" + grace + "}").post("/keys/" + id + "/rotate");
            documented(r, "/keys/{id}/rotate", "post");
            r.then().statusCode(422).body("error.details[0].field", equalTo("graceSeconds"));
            admin().get("/keys/" + id).then().body("apiKey.state", equalTo("ACTIVE"));
        }

        @ParameterizedTest(name = "{0} {1} → 404")
        @CsvSource({
            "GET,/keys/key_0000000000000000",
            "POST,/keys/key_0000000000000000/revoke",
            "POST,/keys/key_0000000000000000/rotate",
            "POST,/keys/key_0000000000000000/plan",
            "GET,/keys/KEY_ABC",
            "GET,/keys/key_" + "0123456789012345678901234567890123456789x"
        })
        void unknownId(String method, String path) {
            Response r = admin().body("{\"plan\":\"PRO\"}").request(method, path);
            r.then().statusCode(404).body("success", equalTo(false)).body("error.code", equalTo("api_key_not_found"));
        }

        @ParameterizedTest(name = "GET {0} → an error envelope, no echo")
        @CsvSource({"/keys/KEY%3Cscript%3E", "/keys/key_%22%7D"})
        void oddIds(String path) {
            Response r = admin().urlEncodingEnabled(false).get(path);
            assertThat(r.statusCode()).isIn(400, 404);
            r.then().body("success", equalTo(false));
            assertThat(r.asString()).doesNotContain("<script>");
        }

        @Test
        @DisplayName("no token, a wrong one, or an API key: 401 before anything runs")
        void unauthorized() {
            int before = world.storage.apiKeys().list(1000).size();
            anonymousAdmin()
                    .contentType(ContentType.JSON)
                    .body("{\"plan\":\"PRO\"}")
                    .post("/keys")
                    .then()
                    .statusCode(401)
                    .body("error.code", equalTo("missing_admin_token"));
            anonymousAdmin()
                    .header("Authorization", "Bearer " + TestWorld.PRO)
                    .get("/keys")
                    .then()
                    .statusCode(401)
                    .body("error.code", equalTo("invalid_admin_token"));
            documented(anonymousAdmin().header("Authorization", "Bearer nope").get("/audit"), "/audit", "get");
            assertThat(world.storage.apiKeys().list(1000)).hasSize(before);
        }

        @ParameterizedTest(name = "audit limit {0} → 422")
        @CsvSource({"0", "1001", "abc", "-5", "1e3", "99999999999"})
        void auditLimit(String limit) {
            documented(admin().get("/audit?limit=" + limit), "/audit", "get")
                    .then()
                    .statusCode(422)
                    .body("error.details[0].field", equalTo("limit"));
        }

        @Test
        @DisplayName("a plan change to an unknown plan, or with no body")
        void planRefused() {
            String id =
                    (String) view(createKey("{\"plan\":\"FREE\"}"), "apiKey").get("id");
            admin().body("{\"plan\":\"PLATINUM\"}")
                    .post("/keys/" + id + "/plan")
                    .then()
                    .statusCode(422)
                    .body("error.details[0].field", equalTo("plan"));
            admin().post("/keys/" + id + "/plan")
                    .then()
                    .statusCode(422)
                    .body("error.details[0].code", equalTo("required"));
            admin().get("/keys/" + id).then().body("apiKey.plan", equalTo("FREE"));
        }
    }

    @Test
    @DisplayName("the document is public and lists every operation")
    void document() {
        anonymousAdmin()
                .get("/openapi.json")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("BakongPay admin API"))
                .body("paths.'/keys'.post.operationId", equalTo("createKey"))
                .body("paths.'/keys/{id}/rotate'.post.operationId", equalTo("rotateKey"))
                .body("paths.'/audit'.get.operationId", equalTo("listAudit"))
                .body("components.schemas.KeyView.properties.state.enum", hasItem("EXPIRING"))
                .body("paths.'/keys'.get.responses.'200'", not(nullValue()));
        assertThat(Instant.parse(world.clock.instant().toString())).isNotNull();
        assertThat(TOKEN).matches(".{24,}");
        assertThat(CREDENTIAL).matches("admin:[0-9a-f]{8}");
        anonymousAdmin().get("/openapi.json").then().body(not(matchesPattern(".*" + TOKEN + ".*")));
    }
}
