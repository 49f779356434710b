package dev.bakongpay.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.runtime.ServerRuntime;
import dev.bakongpay.testsupport.RequiresService;
import dev.bakongpay.testsupport.Service;
import dev.bakongpay.testsupport.Services;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root README's "Operate it" section, step by step, on the store and limiter several nodes share:
 * PostgreSQL (a schema of its own) and Redis, with a second node on them.
 */
@DisplayName(
        "the README's \"Operate it\" flow on PostgreSQL and Redis: key created, used, seen, rotated, revoked, audited")
@RequiresService({Service.POSTGRESQL, Service.REDIS})
class OperatorFlowTest {
    static final String ADMIN_TOKEN = "operator-flow-admin-token-0123456789abcdef";
    static final String CREATE = "{\"amount\":1.50,\"currency\":\"USD\",\"merchantName\":\"Coffee Corner\","
            + "\"bakongId\":\"coffee@aclb\",\"description\":\"Order #1001\"}";

    @TempDir
    Path dataDirA;

    @TempDir
    Path dataDirB;

    final List<AutoCloseable> running = new java.util.ArrayList<>();
    /** Node A, where the operator works; node B shares its store and limiter. */
    String url;

    String urlB;

    @AfterEach
    void stop() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) running.get(i).close();
    }

    /** A node as {@code serve} starts it on the shared PostgreSQL schema and Redis; its URL. */
    String serve(String dbUrl, Path dataDir) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("BAKONGPAY_DB_URL", dbUrl);
        env.put("BAKONGPAY_REDIS_URL", Services.redisUrl());
        env.put("BAKONGPAY_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("BAKONGPAY_RATE_LIMITS", "FREE=2/m"); // so a FREE key meets the shared limiter within the test
        env.put("BAKONGPAY_DATA_DIR", dataDir.toString());
        env.put("BAKONGPAY_HOST", "127.0.0.1");
        env.put("BAKONGPAY_PORT", "0");
        env.put("BAKONGPAY_SIMULATOR_ENABLED", "true");
        env.put("BAKONG_SIMULATOR_PORT", "0");
        ServerRuntime runtime = ServerRuntime.open(
                ServerSettings.read(ConfigLookup.builder().environment(env).build(), ServerSettings.Command.SERVE),
                Clock.systemUTC());
        running.add(runtime);
        EmbeddedJetty jetty = EmbeddedJetty.start(runtime);
        running.add(jetty);
        return jetty.localUrl().toString();
    }

    io.restassured.specification.RequestSpecification admin() {
        return given().baseUri(url).header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    Response createKhqr(String key) {
        return createKhqr(url, key);
    }

    static Response createKhqr(String node, String key) {
        return given().baseUri(node)
                .header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON)
                .body(CREATE)
                .post("/api/v1/khqr/create");
    }

    JsonPath createKey(String plan, String label) {
        return admin().contentType(ContentType.JSON)
                .body("{\"plan\":\"" + plan + "\",\"label\":\"" + label + "\"}")
                .post("/admin/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    String metrics() {
        return admin().get("/metrics").then().statusCode(200).extract().asString();
    }

    /** Polls node B until the key is refused with 401: within the 5 s nodes take to see a change, plus a margin. */
    String refusedOnBWithin5s(String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(7).toNanos();
        while (System.nanoTime() < deadline) {
            Response r = createKhqr(urlB, key);
            if (r.statusCode() == 401) return r.path("error.code");
            assertThat(r.statusCode())
                    .as("before the revocation reaches it, the key still works")
                    .isEqualTo(200);
            Thread.sleep(200);
        }
        throw new AssertionError("the revoked key still works 7 s after the revocation");
    }

    static String adminActor() throws Exception {
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(ADMIN_TOKEN.getBytes(StandardCharsets.UTF_8));
        return "admin:" + HexFormat.of().formatHex(sha).substring(0, 8);
    }

    @Test
    void operateIt() throws Exception {
        String db = TestPostgres.freshSchemaUrl();
        url = serve(db, dataDirA);
        urlB = serve(db, dataDirB);

        // 1. an API key from the admin API, shown once
        JsonPath issued = createKey("PRO", "Shop A");
        String key = issued.getString("key");
        String id = issued.getString("apiKey.id");
        assertThat(key).matches("bk_test_[0-9a-f]{40}");
        assertThat(issued.getString("apiKey.state")).isEqualTo("ACTIVE");

        // 2. it creates a KHQR
        Response created = createKhqr(key);
        created.then().statusCode(200).body("success", equalTo(true));
        String md5 = created.path("data.md5");
        String transactionId = created.path("data.transactionId");

        // 3. /metrics counted it under its route; the limiter's series per plan are there from the start
        String scrape = metrics();
        assertThat(MetricsTest.sample(
                        scrape,
                        "bakongpay_http_requests_seconds_count",
                        Map.of("method", "POST", "endpoint", "/khqr/create", "status", "200")))
                .isEqualTo(1);
        assertThat(MetricsTest.sample(scrape, "bakongpay_ratelimit_rejections_total", Map.of("plan", "pro")))
                .isZero();
        // a FREE key over its limit (2 a minute here) is refused by Redis and counted under its plan
        String freeKey = createKey("FREE", "Shop F").getString("key");
        createKhqr(freeKey).then().statusCode(200);
        createKhqr(freeKey).then().statusCode(200);
        createKhqr(freeKey).then().statusCode(429).body("error.code", equalTo("rate_limit_exceeded"));
        assertThat(MetricsTest.sample(metrics(), "bakongpay_ratelimit_rejections_total", Map.of("plan", "free")))
                .isEqualTo(1);

        // the key's last use, in the keys list
        JsonPath keys =
                admin().get("/admin/v1/keys").then().statusCode(200).extract().jsonPath();
        String lastUsedAt = keys.getString("keys.find { it.id == '" + id + "' }.lastUsedAt");
        assertThat(lastUsedAt).isNotNull();
        assertThat(Duration.between(Instant.parse(lastUsedAt), Instant.now()).abs())
                .isLessThan(Duration.ofMinutes(2));

        // 4. ready, on PostgreSQL and Redis
        given().baseUri(url)
                .get("/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("store.adapter", equalTo("jdbc"))
                .body("limiter.adapter", equalTo("redis"))
                .body("limiter.status", equalTo("UP"));

        // 5. the console's API finds the payment by its md5
        admin().queryParam("md5", md5)
                .get("/admin/v1/payments")
                .then()
                .statusCode(200)
                .body("payments.size()", equalTo(1))
                .body("payments[0].transactionId", equalTo(transactionId))
                .body("payments[0].status", equalTo("PENDING"));
        given().baseUri(url).get("/admin/").then().statusCode(200);

        // 6. rotate with an hour's grace: both keys work
        JsonPath rotated = admin().contentType(ContentType.JSON)
                .body("{\"graceSeconds\":3600}")
                .post("/admin/v1/keys/" + id + "/rotate")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String newKey = rotated.getString("key");
        String newId = rotated.getString("apiKey.id");
        assertThat(rotated.getString("previous.state")).isEqualTo("EXPIRING");
        createKhqr(newKey).then().statusCode(200);
        createKhqr(key).then().statusCode(200);
        createKhqr(urlB, newKey).then().statusCode(200); // node B has read the new key: its cache holds it

        // 7. revoke the new key: refused at once on the node that revoked it, within 5 s on the other
        admin().post("/admin/v1/keys/" + newId + "/revoke")
                .then()
                .statusCode(200)
                .body("apiKey.state", equalTo("REVOKED"));
        createKhqr(newKey).then().statusCode(401).body("error.code", equalTo("api_key_revoked"));
        assertThat(refusedOnBWithin5s(newKey)).isEqualTo("api_key_revoked");

        // 8. the audit trail: create, rotate, revoke, by the admin credential
        JsonPath audit =
                admin().get("/admin/v1/audit").then().statusCode(200).extract().jsonPath();
        List<String> actions = audit.getList("entries.action");
        assertThat(actions).startsWith("key.revoke", "key.rotate", "key.create", "key.create");
        assertThat(audit.getList("entries.keyId", String.class)).startsWith(newId, id);
        assertThat(audit.getList("entries.actor", String.class)).containsOnly(adminActor());
        assertThat(audit.getString("entries").toString()).doesNotContain(key).doesNotContain(newKey);
    }
}
