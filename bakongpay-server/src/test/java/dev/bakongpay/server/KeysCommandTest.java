package dev.bakongpay.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.runtime.ServerRuntime;
import dev.bakongpay.spi.AdminAuditEntry;
import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.testsupport.RequiresService;
import dev.bakongpay.testsupport.Service;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code java -jar … keys …}, run in this JVM through {@link ServerMain#run} on a temp data folder or PostgreSQL. */
@DisplayName("keys command line")
class KeysCommandTest {

    @org.junit.jupiter.api.AfterAll
    static void restoreLogging() {
        Logging.configure("info", "plain"); // the keys command sets WARN for its process, which here is the test JVM
    }

    static final String ADMIN_TOKEN = "keys-cli-admin-token-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACTOR = "cli:" + System.getProperty("user.name").replaceAll("[^A-Za-z0-9._@-]", "_");

    @TempDir
    Path dataDir;

    Path config;
    ServerRuntime runtime;
    EmbeddedJetty jetty;

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }

        /** The value after {@code "<label>: "} on the first line that starts with it. */
        String field(String label) {
            return lines().stream()
                    .filter(l -> l.startsWith(label + ":"))
                    .findFirst()
                    .orElseThrow()
                    .substring(label.length() + 1)
                    .strip()
                    .split("\\s+")[0];
        }
    }

    Run keys(String... args) {
        List<String> all = new ArrayList<>(List.of("keys"));
        all.addAll(List.of(args));
        all.add("--config");
        all.add(config.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ServerMain.run(
                all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code keys …} in a JVM of its own, as an operator runs it beside a server: what it printed and returned. */
    Run keysInAnotherProcess(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ServerMain.class.getName(),
                "keys"));
        command.addAll(List.of(args));
        command.addAll(List.of("--config", config.toString()));
        Path out = Files.createTempFile("keys-out", ".txt");
        Path err = Files.createTempFile("keys-err", ".txt");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("keys did not finish in 120 s");
        }
        try {
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    void configure(Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.put("BAKONGPAY_DATA_DIR", dataDir.toString());
        all.put("BAKONGPAY_PORT", "0");
        all.put("BAKONGPAY_HOST", "127.0.0.1");
        config = dataDir.resolve("bakongpay.properties");
        StringBuilder text = new StringBuilder();
        all.forEach((k, v) ->
                text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Files.writeString(config, text);
    }

    /** A node on the same settings, as {@code serve} starts it, with the embedded simulator for test keys. */
    String serve(Map<String, String> settings) throws Exception {
        Map<String, String> all = new HashMap<>(settings);
        all.put("BAKONGPAY_DATA_DIR", dataDir.toString());
        all.put("BAKONGPAY_PORT", "0");
        all.put("BAKONGPAY_HOST", "127.0.0.1");
        all.put("BAKONGPAY_SIMULATOR_ENABLED", "true");
        all.put("BAKONG_SIMULATOR_PORT", "0");
        all.put("BAKONGPAY_ADMIN_TOKEN", ADMIN_TOKEN);
        runtime = ServerRuntime.open(
                ServerSettings.read(ConfigLookup.builder().environment(all).build(), ServerSettings.Command.SERVE),
                Clock.systemUTC());
        jetty = EmbeddedJetty.start(runtime);
        return jetty.localUrl().toString();
    }

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) jetty.close();
        if (runtime != null) runtime.close();
    }

    static int createPayment(String url, String key) {
        return given().baseUri(url)
                .header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON)
                .body("{\"amount\":1.50,\"merchantName\":\"FINN SHOP\",\"bakongId\":\"merchant@acleda\"}")
                .post("/api/v1/khqr/create")
                .statusCode();
    }

    /** Polls until the key is refused with 401, for at most 10 s (nodes apply a change within 5 s). */
    static String refusedWithin(String url, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var r = given().baseUri(url)
                    .header("Authorization", "Bearer " + key)
                    .contentType(ContentType.JSON)
                    .body("{\"amount\":1.50,\"merchantName\":\"FINN SHOP\",\"bakongId\":\"merchant@acleda\"}")
                    .post("/api/v1/khqr/create");
            if (r.statusCode() == 401) return r.path("error.code");
            Thread.sleep(200);
        }
        throw new AssertionError("the key still works 10 s after the change");
    }

    /** The whole cycle on the configured store; a node on it (if any) is at {@code url}. */
    void lifecycle(String url) throws Exception {
        Run created = keys("create", "--plan", "PRO", "--label", "Shop A", "--mode", "test");
        assertThat(created.code()).as(created.err()).isZero();
        String key = created.field("key");
        String id = created.field("id");
        assertThat(key).matches("bk_test_[0-9a-f]{40}");
        assertThat(id).isEqualTo(ApiKeyRecord.idFor(dev.bakongpay.core.admin.ApiKeyAdmin.hash(key)));
        assertThat(created.out()).contains("shown this once");
        if (url != null) assertThat(createPayment(url, key)).isEqualTo(200);

        Run list = keys("list");
        assertThat(list.code()).isZero();
        assertThat(list.lines().get(0)).matches("ID +PREFIX +LABEL +PLAN +MODE +CREATED +LAST USED +STATE");
        assertThat(list.lines())
                .anySatisfy(l -> assertThat(l)
                        .startsWith(id)
                        .contains(key.substring(0, 12) + "…", "Shop A", "PRO", "TEST", "ACTIVE"));
        assertThat(list.out()).doesNotContain(key);

        JsonNode json = JSON.readTree(keys("list", "--json").out());
        JsonNode mine = Stream.of(json.get("keys"))
                .flatMap(n -> java.util.stream.StreamSupport.stream(n.spliterator(), false))
                .filter(k -> k.get("id").asText().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(mine.get("label").asText()).isEqualTo("Shop A");
        assertThat(mine.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(mine.has("revokedAt")).isTrue();

        Run rotated = keys("rotate", id, "--grace", "1h");
        assertThat(rotated.code()).as(rotated.err()).isZero();
        String newKey = rotated.field("key");
        String newId = rotated.field("id");
        assertThat(rotated.out()).contains("old key " + id + " keeps working until");
        if (url != null) {
            assertThat(createPayment(url, newKey)).isEqualTo(200);
            assertThat(createPayment(url, key))
                    .as("the old key, in its grace period")
                    .isEqualTo(200);
        }
        assertThat(keys("list").lines())
                .anySatisfy(l -> assertThat(l).startsWith(id).contains("EXPIRING until"));
        Run rotateAgain = keys("rotate", id, "--grace", "30d");
        assertThat(rotateAgain.code())
                .as("a key in its grace period is not rotated again")
                .isEqualTo(1);
        assertThat(rotateAgain.err()).contains("was already rotated").contains("rotate the key that replaced it");

        Run plan = keys("plan", newId, "enterprise");
        assertThat(plan.code()).isZero();
        assertThat(plan.out()).contains(newId + ": plan PRO -> ENTERPRISE");

        Run revoked = keys("revoke", newId);
        assertThat(revoked.code()).isZero();
        assertThat(revoked.out()).startsWith(newId + " revoked at ");
        if (url != null) assertThat(refusedWithin(url, newKey)).isEqualTo("api_key_revoked");

        Run rotateRevoked = keys("rotate", newId);
        assertThat(rotateRevoked.code()).isEqualTo(1);
        assertThat(rotateRevoked.err()).contains("is revoked");
    }

    List<AdminAuditEntry> audit() {
        ServerSettings settings =
                ServerSettings.read(ConfigLookup.standard(config.toString()), ServerSettings.Command.SERVE);
        try (Storage s = ServerRuntime.openStorage(settings.db(), settings.db().url(), Clock.systemUTC())) {
            return s.audit().list(10);
        }
    }

    @Nested
    @DisplayName("on the embedded H2 file")
    class H2File {
        @Test
        @DisplayName("create, list, rotate, re-plan and revoke; each change audited as cli:<user>")
        void lifecycleOnH2() throws Exception {
            configure(Map.of());
            lifecycle(null);
            List<AdminAuditEntry> audit = audit();
            assertThat(audit)
                    .extracting(AdminAuditEntry::action)
                    .startsWith("key.revoke", "key.plan", "key.rotate", "key.create", "key.create");
            assertThat(audit).allSatisfy(e -> assertThat(e.actor()).isEqualTo(ACTOR));
        }

        @Test
        @DisplayName(
                "a data folder held by a running server: one line naming its admin API, nothing written into the folder")
        void heldByServer() throws Exception {
            configure(Map.of("BAKONGPAY_ADMIN_TOKEN", ADMIN_TOKEN));
            String url = serve(Map.of());
            List<Path> before;
            try (Stream<Path> files = Files.list(dataDir)) {
                before = files.sorted().toList();
            }
            Run run = keysInAnotherProcess("list"); // H2 lets this JVM share the file; the lock is between processes
            assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.err().lines().toList()).hasSize(1);
            assertThat(run.err())
                    .contains("in use by a running server", "admin API", "/admin/v1/keys", "$BAKONGPAY_ADMIN_TOKEN")
                    .doesNotContain(ADMIN_TOKEN)
                    .doesNotContain("Exception");
            try (Stream<Path> files = Files.list(dataDir)) {
                assertThat(files.sorted().toList()).isEqualTo(before);
            }

            // what the line says to do: the running server's admin API, then the key on the payment API
            var issued = given().baseUri(url)
                    .header("Authorization", "Bearer " + ADMIN_TOKEN)
                    .contentType(ContentType.JSON)
                    .body("{\"plan\":\"PRO\",\"label\":\"Shop A\"}")
                    .post("/admin/v1/keys");
            issued.then().statusCode(201).header("Cache-Control", "no-store");
            String key = issued.path("key");
            String id = issued.path("apiKey.id");
            assertThat(createPayment(url, key)).isEqualTo(200);
            var rotated = given().baseUri(url)
                    .header("Authorization", "Bearer " + ADMIN_TOKEN)
                    .contentType(ContentType.JSON)
                    .body("{\"graceSeconds\":0}")
                    .post("/admin/v1/keys/" + id + "/rotate");
            rotated.then().statusCode(201).body("previous.state", equalTo("EXPIRED"));
            assertThat(refusedWithin(url, key)).isEqualTo("api_key_expired");
            String newKey = rotated.path("key");
            assertThat(createPayment(url, newKey)).isEqualTo(200);
            given().baseUri(url)
                    .header("Authorization", "Bearer " + ADMIN_TOKEN)
                    .post("/admin/v1/keys/" + rotated.path("apiKey.id") + "/revoke")
                    .then()
                    .statusCode(200);
            assertThat(refusedWithin(url, newKey)).isEqualTo("api_key_revoked");
            given().baseUri(url).get("/admin/v1/openapi.json").then().statusCode(200);
        }

        @ParameterizedTest(name = "keys {0} → exit {1}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "frobnicate|2|unknown command",
                    "create|2|--plan is required",
                    "create --plan GOLD|2|--plan must be FREE, PRO or ENTERPRISE",
                    "create --plan PRO --mode prod|2|--mode must be test or live",
                    "create --plan PRO --colour red|2|unknown option",
                    "list extra|2|takes no key id",
                    "revoke|2|takes one key id",
                    "plan key_0000000000000000|2|takes a key id and a plan",
                    "rotate key_0000000000000000 --grace 31d|2|--grace must be 0 to 30d",
                    "rotate key_0000000000000000 --grace soon|2|--grace must look like",
                    "revoke key_0000000000000000|1|no API key has the id key_0000000000000000",
                    "plan key_0000000000000000 FREE|1|no API key has the id",
                })
        void refusals(String args, int code, String message) throws Exception {
            configure(Map.of());
            Run run = keys(args.split(" "));
            assertThat(run.code()).isEqualTo(code);
            assertThat(run.err()).contains(message).doesNotContain("Exception");
        }

        @Test
        @DisplayName("a label with control characters is refused before anything is stored")
        void badLabel() throws Exception {
            configure(Map.of());
            Run run = keys("create", "--plan", "PRO", "--label", "Shop\u0007A");
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.err()).contains("label must not contain control characters");
            assertThat(keys("list").out()).contains("(no API keys yet");
        }

        @Test
        @DisplayName("keys --help prints the commands")
        void help() throws Exception {
            configure(Map.of());
            Run run = keys("--help");
            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("keys rotate <id> [--grace 24h]");
        }
    }

    @Nested
    @DisplayName("on PostgreSQL, beside a running node")
    @RequiresService(Service.POSTGRESQL)
    class Postgres {
        @Test
        @DisplayName("the command changes keys while the node runs; the node applies each change within 5 s")
        void besideANode() throws Exception {
            String db = TestPostgres.freshSchemaUrl();
            configure(Map.of("BAKONGPAY_DB_URL", db));
            String url = serve(Map.of("BAKONGPAY_DB_URL", db));
            lifecycle(url);
            assertThat(audit()).extracting(AdminAuditEntry::actor).containsOnly(ACTOR);
        }
    }
}
