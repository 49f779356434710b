package dev.bakongpay.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bakongpay.server.config.ServerSettings;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BAKONGPAY_LOG_FORMAT, the request id on a request's lines, and java.util.logging through Logback. */
@DisplayName("the executable JAR's logging")
class LoggingTest {
    static final String KEY = "bk_live_logging000000000001";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    ServerMain.RunningServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop();
        Logging.configure("info", Logging.PLAIN); // what every other test of this JVM logs with
    }

    private String serve() {
        server = TestServers.start(TestServers.settings(
                dataDir, ServerSettings.Command.SERVE, Map.of("BAKONGPAY_API_KEYS", KEY + "=PRO")));
        return server.localUrl().toString();
    }

    /** A request JAX-RS refuses (422: not an md5), with the given X-Request-Id or none. */
    private static Response badCheck(String url, String requestId) {
        var request =
                given().baseUri(url).header("Authorization", "Bearer " + KEY).contentType("application/json");
        if (requestId != null) request.header("X-Request-Id", requestId);
        return request.body("{\"md5\":\"x\"}").post(SandboxGuide.CHECK_PATH);
    }

    private static List<String> awaitLine(LogCapture logs, String containing) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> logs.errLines().stream().anyMatch(l -> l.contains(containing)));
        return logs.errLines();
    }

    @Test
    @DisplayName("BAKONGPAY_LOG_FORMAT=json: every line is one JSON object; a request's lines carry its requestId")
    void jsonLines() throws Exception {
        Logging.configure("info", Logging.JSON);
        try (LogCapture logs = new LogCapture()) {
            String url = serve();
            badCheck(url, "json-line-0001").then().statusCode(422).header("X-Request-Id", "json-line-0001");
            List<String> lines = awaitLine(logs, "json-line-0001");

            List<JsonNode> parsed = new java.util.ArrayList<>();
            for (String line : lines) {
                if (!line.isBlank()) parsed.add(JSON.readTree(line)); // throws on a line that is not JSON
            }
            assertThat(parsed)
                    .allSatisfy(n -> assertThat(n.isObject()).isTrue())
                    .anySatisfy(
                            n -> assertThat(n.path("formattedMessage").asText()).contains("listening on"));
            assertThat(parsed).anySatisfy(n -> {
                assertThat(n.path("mdc").path("requestId").asText()).isEqualTo("json-line-0001");
                assertThat(n.path("level").asText()).isEqualTo("INFO");
                assertThat(n.path("formattedMessage").asText()).startsWith("POST /api/v1/check/md5 -> 422");
                assertThat(n.path("timestamp").isNumber()).isTrue();
            });
        }
    }

    @Test
    @DisplayName("plain lines (the default) show requestId=… on a request's lines only")
    void plainLines() {
        try (LogCapture logs = new LogCapture()) {
            String url = serve();
            badCheck(url, "plain-line-0001").then().statusCode(422);
            List<String> lines = awaitLine(logs, "plain-line-0001");
            assertThat(lines)
                    .anySatisfy(l -> assertThat(l)
                            .contains(" INFO access requestId=plain-line-0001 - POST /api/v1/check/md5 -> 422"));
            assertThat(lines)
                    .filteredOn(l -> l.contains("listening on"))
                    .singleElement()
                    .satisfies(l -> assertThat(l).doesNotContain("requestId="));
        }
    }

    @Test
    @DisplayName("without X-Request-Id, the log lines carry the id the answer gives")
    void generatedId() {
        try (LogCapture logs = new LogCapture()) {
            String url = serve();
            String id = badCheck(url, null).then().statusCode(422).extract().header("X-Request-Id");
            assertThat(id).isNotBlank();
            assertThat(awaitLine(logs, "requestId=" + id))
                    .anySatisfy(l -> assertThat(l).contains("POST /api/v1/check/md5 -> 422"));
        }
    }

    @Test
    @DisplayName(
            "java.util.logging records come out once, as Logback lines; Jersey's \"will be ignored\" warning is held back")
    void javaUtilLoggingBridged() {
        Logging.configure("info", Logging.PLAIN);
        try (LogCapture logs = new LogCapture()) {
            java.util.logging.Logger.getLogger("dev.bakongpay.test.jul").warning("a record from java.util.logging");
            java.util.logging.Logger.getLogger("org.glassfish.jersey.internal.inject.Providers")
                    .warning("resource will be ignored");
            assertThat(logs.errLines())
                    .filteredOn(l -> l.contains("a record from java.util.logging"))
                    .singleElement()
                    .satisfies(l -> assertThat(l)
                            .matches("\\d{4}-\\d\\d-\\d\\dT\\S+ \\[[^]]+] WARN jul - a record from java.util.logging"));
            assertThat(logs.errLines()).noneMatch(l -> l.contains("will be ignored"));
        }
    }
}
