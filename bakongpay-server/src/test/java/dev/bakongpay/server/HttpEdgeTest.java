package dev.bakongpay.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.runtime.ServerRuntime;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP edge of the executable JAR, over raw sockets (an HTTP client would refuse to send most
 * of these): what Jetty refuses itself, what Jersey refuses before a resource runs and what the
 * servlets outside the API refuse all answer in the API's JSON envelope, never an HTML page
 * naming the server; every answer says {@code Cache-Control: no-store}; client aborts are no
 * server errors; an early refusal never leaves a kept-alive connection to die silently.
 */
@DisplayName("the HTTP edge")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpEdgeTest {
    static final String KEY = "bk_live_edge0000000000000001";
    static final String AUTH = "Authorization: Bearer " + KEY + "\r\n";
    static final String CHECK = "{\"md5\":\"0123456789abcdef0123456789abcdef\"}";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    ServerRuntime runtime;
    EmbeddedJetty jetty;
    URI base;

    @BeforeAll
    void serve() throws Exception {
        Map<String, String> env = Map.of(
                "BAKONGPAY_PORT",
                "0",
                "BAKONGPAY_HOST",
                "127.0.0.1",
                "BAKONGPAY_DATA_DIR",
                dataDir.toString(),
                "BAKONGPAY_API_KEYS",
                KEY + "=ENTERPRISE",
                "BAKONGPAY_RATE_LIMITS",
                "ENTERPRISE=100000/m",
                "BAKONGPAY_RECONCILE_SECONDS",
                "0",
                // NBC is never called: a check of an unknown md5 is answered from the store
                "BAKONGPAY_BAKONG_URL",
                "http://127.0.0.1:9",
                "BAKONGPAY_BAKONG_TOKEN",
                "live-token-for-tests");
        ServerSettings settings =
                ServerSettings.read(ConfigLookup.builder().environment(env).build(), ServerSettings.Command.SERVE);
        // as ServerMain does: an earlier test in this JVM (the keys command) may have left Logback at WARN,
        // and the client-abort test waits for the INFO access lines
        Logging.configure(settings.logLevel(), settings.logFormat());
        runtime = ServerRuntime.open(settings, Clock.systemUTC());
        jetty = EmbeddedJetty.start(runtime);
        base = jetty.localUrl();
    }

    @AfterAll
    void stop() throws Exception {
        if (jetty != null) jetty.close();
        if (runtime != null) runtime.close();
    }

    private static String post(String path, String headers, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: shop.example\r\n" + headers + "Content-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
    }

    private static String get(String target, String headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: shop.example\r\n" + headers + "Connection: close\r\n\r\n";
    }

    private static Arguments refused(String name, String raw, int status, String code) {
        return Arguments.of(Named.of(name, raw), status, code);
    }

    static Stream<Arguments> refusedUnderTheApi() {
        String json = "Content-Type: application/json\r\n";
        return Stream.of(
                refused(
                        "a 20 KB header",
                        get("/api/v1/openapi.json", "X-Padding: " + "a".repeat(20_000) + "\r\n"),
                        431,
                        "request_header_fields_too_large"),
                refused(
                        "60 headers of 300 bytes",
                        get(
                                "/api/v1/openapi.json",
                                "X-Padding: " + ("b".repeat(300) + "\r\nX-Padding: ").repeat(60) + "c\r\n"),
                        431,
                        "request_header_fields_too_large"),
                refused("a 20 KB URI", get("/api/v1/" + "d".repeat(20_000), ""), 414, "uri_too_long"),
                refused(
                        "/api/v1/%2e%2e/health (an ambiguous path segment)",
                        get("/api/v1/%2e%2e/health", ""), 400, "bad_request"),
                refused(
                        "/api/v1/%2e%2e/%2e%2e/etc/passwd",
                        get("/api/v1/%2e%2e/%2e%2e/etc/passwd", ""), 400, "bad_request"),
                refused("/api/v1/%2F (an encoded slash)", get("/api/v1/khqr%2Fcreate", AUTH), 400, "bad_request"),
                refused("a bad percent escape in the path", get("/api/v1/%zz", ""), 400, "bad_request"),
                refused("an encoded NUL in the path", get("/api/v1/a%00b", ""), 400, "bad_request"),
                refused(
                        "an empty Content-Type",
                        post("/api/v1/check/md5", AUTH + "Content-Type: \r\n", CHECK),
                        400,
                        "bad_request"),
                refused(
                        "a garbage Content-Type",
                        post("/api/v1/check/md5", AUTH + "Content-Type: ;;;garbage\r\n", CHECK),
                        400,
                        "bad_request"),
                refused(
                        "Content-Type: text/plain",
                        post("/api/v1/check/md5", AUTH + "Content-Type: text/plain\r\n", CHECK),
                        415,
                        "unsupported_media_type"),
                refused("no Content-Type", post("/api/v1/check/md5", AUTH, CHECK), 415, "unsupported_media_type"),
                refused(
                        "no Host",
                        "GET /api/v1/openapi.json HTTP/1.1\r\nConnection: close\r\n\r\n",
                        400,
                        "bad_request"),
                refused(
                        "two Host headers",
                        "GET /api/v1/openapi.json HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n",
                        400,
                        "bad_request"),
                refused(
                        "Content-Length with Transfer-Encoding",
                        "POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + json
                                + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n",
                        400,
                        "bad_request"),
                refused(
                        "two different Content-Lengths",
                        "POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + json
                                + "Content-Length: 42\r\nContent-Length: 7\r\nConnection: close\r\n\r\n" + CHECK,
                        400,
                        "bad_request"),
                refused(
                        "Content-Length: abc",
                        "POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + json
                                + "Content-Length: abc\r\nConnection: close\r\n\r\n",
                        400,
                        "bad_request"),
                refused(
                        "Transfer-Encoding: gzip",
                        "POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + json
                                + "Transfer-Encoding: gzip\r\nConnection: close\r\n\r\n",
                        400,
                        "bad_request"),
                refused(
                        "a bad chunk size",
                        "POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + json
                                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n" + CHECK
                                + "\r\n0\r\n\r\n",
                        400,
                        "bad_request"),
                refused(
                        "a chunk longer than its size",
                        "POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + json
                                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\n" + CHECK
                                + "\r\n0\r\n\r\n",
                        400,
                        "bad_request"),
                refused(
                        "a control character in a header name",
                        get("/api/v1/openapi.json", "X-A\u0001b: c\r\n"),
                        400,
                        "bad_request"),
                refused(
                        "a header line without a colon",
                        get("/api/v1/openapi.json", "NoColonHere\r\n"),
                        400,
                        "bad_request"),
                refused("a garbage request line", "GARBAGE\r\n\r\n", 400, "bad_request"),
                refused("a folded header line", get("/api/v1/openapi.json", "X-A: b\r\n c\r\n"), 400, "bad_request"),
                refused(
                        "a NUL in a header value",
                        get("/api/v1/openapi.json", "X-A: b\u0000c\r\n"),
                        400,
                        "bad_request"),
                refused("GET *", "GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400, "bad_request"),
                refused(
                        "an absolute URI naming another host",
                        "GET http://evil.example/api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n"
                                + "Connection: close\r\n\r\n",
                        400,
                        "bad_request"),
                refused(
                        "Transfer-Encoding: chunked, identity",
                        "POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + json
                                + "Transfer-Encoding: chunked, identity\r\nConnection: close\r\n\r\n0\r\n\r\n",
                        400,
                        "bad_request"),
                refused(
                        "a 20 KB chunk extension",
                        "POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + json
                                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n5;" + "e".repeat(20_000)
                                + "\r\n{\"a\":\r\n0\r\n\r\n",
                        400,
                        "bad_request"),
                refused(
                        "Content-Length: -1",
                        "POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + json
                                + "Content-Length: -1\r\nConnection: close\r\n\r\n",
                        400,
                        "bad_request"),
                refused(
                        "a 20-digit Content-Length",
                        "POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + json
                                + "Content-Length: 99999999999999999999\r\nConnection: close\r\n\r\n",
                        400,
                        "bad_request"),
                refused(
                        "Expect: 999-foo",
                        "POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + json
                                + "Expect: 999-foo\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
                        417,
                        "expectation_failed"),
                refused(
                        "a 12 KB query string",
                        get("/api/v1/openapi.json?" + "a=1&".repeat(3000), ""),
                        414,
                        "uri_too_long"),
                refused(
                        "HTTP/9.9",
                        "GET /api/v1/openapi.json HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n",
                        505,
                        "http_version_not_supported"),
                refused(
                        "Accept: application/json;q=abc",
                        post("/api/v1/check/md5", AUTH + json + "Accept: application/json;q=abc\r\n", CHECK),
                        400,
                        "bad_request"),
                refused(
                        "Accept: text/html",
                        post("/api/v1/check/md5", AUTH + json + "Accept: text/html\r\n", CHECK),
                        406,
                        "not_acceptable"),
                refused(
                        "a body over the limit, announced",
                        "POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + json
                                + "Content-Length: 70000\r\nConnection: close\r\n\r\n{",
                        413,
                        "payload_too_large"),
                refused("no API key", post("/api/v1/check/md5", json, CHECK), 401, "missing_api_key"),
                refused("an unknown endpoint", get("/api/v1/nothing", AUTH), 404, "not_found"),
                refused(
                        "TRACE without a key",
                        "TRACE /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                        405,
                        "method_not_allowed"),
                refused(
                        "TRACE with a key",
                        "TRACE /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + "Connection: close\r\n\r\n",
                        405,
                        "method_not_allowed"),
                refused(
                        "PUT on create",
                        "PUT /api/v1/khqr/create HTTP/1.1\r\nHost: x\r\n" + json
                                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}",
                        405,
                        "method_not_allowed"),
                refused(
                        "DELETE on check",
                        "DELETE /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + "Connection: close\r\n\r\n",
                        405,
                        "method_not_allowed"),
                refused(
                        "PATCH on bulk",
                        "PATCH /api/v1/check/bulk HTTP/1.1\r\nHost: x\r\n" + json
                                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}",
                        405,
                        "method_not_allowed"),
                refused("GET on a POST endpoint", get("/api/v1/khqr/create", AUTH), 405, "method_not_allowed"),
                refused(
                        "PUT on the OpenAPI document",
                        "PUT /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                                + "Connection: close\r\n\r\n",
                        405,
                        "method_not_allowed"));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("refusedUnderTheApi")
    @DisplayName(
            "every refusal under /api/v1, the container's own included, is the JSON envelope with a fitting status and code")
    void refusalsUnderTheApi(String raw, int status, String code) throws Exception {
        RawHttp.Answer answer = exchange(raw);
        assertEnvelope(answer, status, code);
        if (status == 405) {
            assertThat(answer.header("Allow")).as("405 names what is allowed").isNotBlank();
        }
    }

    static Stream<Arguments> refusedElsewhere() {
        return Stream.of(
                refused(
                        "TRACE /health",
                        "TRACE /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                        405,
                        "method_not_allowed"),
                refused(
                        "TRACE /pay/…",
                        "TRACE /pay/abc HTTP/1.1\r\nHost: x\r\nCookie: secret=1\r\nConnection: close\r\n\r\n",
                        405,
                        "method_not_allowed"),
                refused(
                        "TRACE / (nothing is served there)",
                        "TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                        404,
                        "not_found"),
                refused(
                        "DELETE on an unmapped path",
                        "DELETE /nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                        404,
                        "not_found"),
                refused(
                        "PUT /pay/…",
                        "PUT /pay/abc HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                        405,
                        "method_not_allowed"),
                refused(
                        "POST /health",
                        "POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                        405,
                        "method_not_allowed"),
                refused(
                        "DELETE /pay/…",
                        "DELETE /pay/abc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                        405,
                        "method_not_allowed"),
                refused("an unmapped path", get("/nothing", ""), 404, "not_found"),
                refused(
                        "CONNECT",
                        "CONNECT shop.example:443 HTTP/1.1\r\nHost: shop.example:443\r\nConnection: close\r\n\r\n",
                        404,
                        "not_found"),
                refused("/pay/..%2f..%2fhealth", get("/pay/..%2f..%2fhealth", ""), 400, "bad_request"),
                refused("the root", get("/", ""), 404, "not_found"),
                refused("/api without the version", get("/api", ""), 404, "not_found"),
                refused("a path that climbs out of /api/v1", get("/api/v1/a/../../x", ""), 404, "not_found"),
                refused("/pay/%2e%2e/health", get("/pay/%2e%2e/health", ""), 400, "bad_request"),
                refused(
                        "a 20 KB header on /health",
                        get("/health", "X-Padding: " + "a".repeat(20_000) + "\r\n"),
                        431,
                        "request_header_fields_too_large"));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("refusedElsewhere")
    @DisplayName("outside the API (/health, /pay/*, /) refusals are the same envelope: no server name, no stack trace")
    void refusalsElsewhere(String raw, int status, String code) throws Exception {
        RawHttp.Answer answer = exchange(raw);
        assertEnvelope(answer, status, code);
        if (status == 405) assertThat(answer.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    @DisplayName(
            "request lines seen before route as the first time: each path, host and query gets its own URIs, a bad one is still refused")
    void rememberedRequestLinesRouteAsBefore() throws Exception {
        String json = AUTH + "Content-Type: application/json\r\n";
        for (int round = 0; round < 3; round++) {
            for (String host : new String[] {"shop.example", "other.example:8443"}) {
                RawHttp.Answer check =
                        exchange(post("/api/v1/check/md5", json, CHECK).replace("shop.example", host));
                assertEnvelope(check, 404, "transaction_not_found");
                RawHttp.Answer create = exchange(
                        post("/api/v1/khqr/create?round=" + round, json, "{}").replace("shop.example", host));
                assertThat(create.status()).as(create.toString()).isEqualTo(422);
                assertThat(create.body()).contains("\"amount\"");
                RawHttp.Answer unknown = exchange(post("/api/v1/check/md5x", json, CHECK));
                assertEnvelope(unknown, 404, "not_found");
                RawHttp.Answer badPath = exchange(post("/api/v1/check/%zz", json, CHECK));
                assertThat(badPath.status()).as(badPath.toString()).isEqualTo(400);
            }
        }
    }

    @Test
    @DisplayName("successes say Cache-Control: no-store and name no server either: create, check/transaction, /health")
    void successesAreNotStored() throws Exception {
        RawHttp.Answer created = exchange(
                post("/api/v1/khqr/create", AUTH + "Content-Type: application/json\r\n", PaymentRoundTrip.ORDER));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        assertNoServerName(created);
        String id =
                JSON.readTree(created.body()).path("data").path("transactionId").asText();
        RawHttp.Answer checked = exchange(post(
                "/api/v1/check/transaction",
                AUTH + "Content-Type: application/json\r\n",
                "{\"query\":\"" + id + "\"}"));
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        assertThat(checked.header("Cache-Control")).isEqualTo("no-store");
        assertNoServerName(checked);
        RawHttp.Answer health = exchange(get("/health", ""));
        assertThat(health.header("Cache-Control")).isEqualTo("no-store");
        assertNoServerName(health);
    }

    @Test
    @DisplayName("OPTIONS outside the API answers 204 with Allow; HEAD of an unmapped path is a 404 without a body")
    void optionsAndHead() throws Exception {
        RawHttp.Answer options = exchange("OPTIONS /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(options.status()).isEqualTo(204);
        assertThat(options.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
        try (RawHttp http = new RawHttp(base)) {
            http.send("HEAD /nothing HTTP/1.1\r\nHost: x\r\n\r\n");
            RawHttp.Answer head = http.readHead();
            assertThat(head.status()).isEqualTo(404);
            assertThat(head.header("Cache-Control")).isEqualTo("no-store");
            assertNoServerName(head);
            // the connection is still in step: the next answer is the next request's
            RawHttp.Answer next = http.exchange(get("/health", ""));
            assertThat(next.status()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName(
            "40 refused requests with bodies on one kept-alive connection: each answered 401, none closed without Connection: close")
    void unauthorizedKeepsTheConnection() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int answered = 0;
            int connections = 1;
            RawHttp http = new RawHttp(base);
            try {
                for (int i = 0; i < 40; i++) {
                    String body = "{\"md5\":\"" + "%032x".formatted(i) + "\",\"pad\":\"" + "p".repeat(i * 50) + "\"}";
                    String head = "POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Authorization: Bearer bk_live_unknown" + i + "xxxxxxxx\r\nContent-Length: "
                            + body.length() + "\r\n\r\n";
                    http.send(head + body);
                    RawHttp.Answer answer = http.read();
                    answered++;
                    assertEnvelope(answer, 401, "invalid_api_key");
                    if ("close".equalsIgnoreCase(answer.header("Connection"))) {
                        assertThat(http.closedByServer()).isTrue();
                        http.close();
                        http = new RawHttp(base);
                        connections++;
                    }
                }
            } finally {
                http.close();
            }
            assertThat(answered).isEqualTo(40);
            assertThat(connections)
                    .as("bodies that arrived whole are read, so the connection stays open")
                    .isLessThanOrEqualTo(5);
        });
    }

    @Test
    @DisplayName("a 401 decided before the body arrives says Connection: close, and the server then closes")
    void unauthorizedBeforeTheBodySaysClose() throws Exception {
        try (RawHttp http = new RawHttp(base)) {
            http.send("POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + CHECK.length() + "\r\n\r\n");
            RawHttp.Answer answer = http.read();
            assertEnvelope(answer, 401, "missing_api_key");
            assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    @DisplayName(
            "a 401 to a request that expects 100-continue comes at once, without the body, and closes or keeps the connection in step")
    void unauthorizedWithExpectContinue() throws Exception {
        try (RawHttp http = new RawHttp(base)) {
            http.send(
                    "POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                            + "Content-Length: " + CHECK.length() + "\r\n\r\n");
            RawHttp.Answer answer = http.read();
            if (answer.status() == 100) answer = http.read();
            assertEnvelope(answer, 401, "missing_api_key");
            if ("close".equalsIgnoreCase(answer.header("Connection"))) {
                assertThat(http.closedByServer()).isTrue();
            } else {
                assertEnvelope(http.exchange(get("/api/v1/nothing", "")), 401, "missing_api_key");
            }
        }
    }

    @Test
    @DisplayName("a 413 announced by Content-Length, with the body still on its way, says Connection: close")
    void tooLargeSaysClose() throws Exception {
        try (RawHttp http = new RawHttp(base)) {
            http.send("POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + "Content-Type: application/json\r\n"
                    + "Content-Length: 700000\r\n\r\n{\"md5\":");
            RawHttp.Answer answer = http.read();
            assertEnvelope(answer, 413, "payload_too_large");
            assertThat(answer.header("Connection")).isEqualToIgnoringCase("close");
        }
    }

    @Test
    @DisplayName(
            "client aborts (a body cut off, a bad chunk, a connection closed mid-body) are 400s, logged without ERROR or stack trace")
    void clientAbortsAreNoServerErrors() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            try (RawHttp http = new RawHttp(base)) {
                http.send("POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + "Content-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{\"md5\":");
                http.shutdownOutput();
                assertEnvelope(http.read(), 400, "bad_request");
            }
            try (RawHttp http = new RawHttp(base)) {
                http.send("POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + "Content-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"md5\":");
                http.shutdownOutput();
                assertEnvelope(http.read(), 400, "bad_request");
            }
            try (RawHttp http = new RawHttp(base)) {
                http.send("POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + "Content-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"md5\r\nxyz\r\n");
                assertEnvelope(http.read(), 400, "bad_request");
            }
            // gone for good: the server reads the end of the body, answers into a closed socket
            try (RawHttp http = new RawHttp(base)) {
                http.send("POST /api/v1/check/md5 HTTP/1.1\r\nHost: x\r\n" + AUTH + "X-Request-Id: gone-mid-body\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"md5\":");
            }
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> logs.lines().stream()
                            .anyMatch(l -> l.contains("POST /api/v1/check/md5 -> 400")
                                    && logs.lines().stream()
                                                    .filter(x -> x.contains("POST /api/v1/check/md5 -> 400"))
                                                    .count()
                                            >= 4));
            Thread.sleep(200); // lets a late line about writing into the closed socket arrive
            List<String> lines = logs.lines();
            assertThat(lines).as("no ERROR line").noneMatch(l -> l.contains(" ERROR ") || l.startsWith("SEVERE"));
            assertThat(lines).as("no stack trace").noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by"));
            assertThat(lines).as("no 500").noneMatch(l -> l.contains("-> 500"));
        }
    }

    private RawHttp.Answer exchange(String raw) throws Exception {
        try (RawHttp http = new RawHttp(base)) {
            return http.exchange(raw);
        }
    }

    static void assertEnvelope(RawHttp.Answer answer, int status, String code) throws Exception {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).isEqualTo("application/json");
        assertThat(answer.header("Cache-Control")).as(answer.toString()).isEqualTo("no-store");
        assertNoServerName(answer);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("success").isBoolean() && !body.path("success").asBoolean())
                .as(answer.body())
                .isTrue();
        assertThat(body.path("error").path("code").asText()).as(answer.body()).isEqualTo(code);
        assertThat(body.path("error").path("message").asText())
                .as(answer.body())
                .isNotBlank();
        assertThat(body.path("error").path("details").isArray())
                .as(answer.body())
                .isTrue();
    }

    static void assertNoServerName(RawHttp.Answer answer) {
        assertThat(answer.header("Server")).as("Server header").isNull();
        assertThat(answer.header("X-Powered-By")).as("X-Powered-By header").isNull();
        String all = (answer.headers() + answer.body()).toLowerCase(Locale.ROOT);
        assertThat(all)
                .doesNotContain("jetty")
                .doesNotContain("<html")
                .doesNotContain("exception")
                .doesNotContain("12.1.");
    }
}
