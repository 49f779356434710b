package dev.bakongpay.appserver;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.bakongpay.simulator.BakongSimulator;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One shop's round on the thin WAR (bakongpay-ee) deployed on a Jakarta EE server, the same on
 * every server: the store is the server's DataSource, bound to the WAR's {@code resource-ref}
 * {@code jdbc/bakongpay}; a test key pays in the Bakong simulator (started here, reached through
 * {@code BAKONGPAY_TEST_BAKONG_URL}); the client's mistakes answer the API's envelope, and none of
 * them leaves an ERROR (or SEVERE) line in the server's log. A subclass starts its server with the
 * WAR deployed at {@value #CONTEXT} and its DataSource defined the way an operator of that server would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AppServerFlow {
    static final String CONTEXT = "/bakongpay";
    static final String PRO_KEY = "bk_test_ee0123456789abcdef";
    static final String FREE_KEY = "bk_test_eefree0123456789";
    static final int FREE_PER_MINUTE = 3;
    static final String SIMULATOR_TOKEN = "ee-simulator-token";
    static final String ORDER =
            "{\"amount\": 1.50, \"currency\": \"USD\", \"merchantName\": \"Coffee Corner\", \"bakongId\": \"coffee@aclb\", \"description\": \"Order #1\"}";
    /** A log line at error level, as WildFly (ERROR) and Payara (SEVERE) write it. */
    private static final Pattern ERROR_LINE = Pattern.compile("(?m)^.*\\b(ERROR|SEVERE)\\b.*$");

    private BakongSimulator simulator;
    private AppServer server;
    private String base;
    private int logLengthAfterDeploy;

    /**
     * Starts the server on {@code port} (127.0.0.1) with the WAR deployed at {@link #CONTEXT}, its
     * DataSource for {@code jdbc/bakongpay} an H2 file under {@code workDir}, and {@code settings}
     * as environment variables; returns once the deployment is done.
     */
    abstract AppServer deploy(Path workDir, Path war, int port, Map<String, String> settings) throws Exception;

    @BeforeAll
    void deploy(@TempDir Path workDir) throws Exception {
        simulator =
                BakongSimulator.builder().port(0).token(SIMULATOR_TOKEN).build().start();
        int port = AppServer.freePort();
        base = "http://127.0.0.1:" + port + CONTEXT;
        Map<String, String> settings = Map.ofEntries(
                Map.entry("BAKONGPAY_PUBLIC_URL", base),
                Map.entry("BAKONGPAY_API_KEYS", PRO_KEY + "=PRO," + FREE_KEY + "=FREE"),
                Map.entry("BAKONGPAY_RATE_LIMITS", "FREE=" + FREE_PER_MINUTE + "/m"),
                Map.entry("BAKONGPAY_TEST_BAKONG_URL", simulator.baseUrl().toString()),
                Map.entry("BAKONGPAY_TEST_BAKONG_TOKEN", SIMULATOR_TOKEN),
                Map.entry("BAKONGPAY_DATA_DIR", workDir.resolve("data").toString()),
                // a server's first calls to the simulator run cold code on both sides, on a busy CI
                // machine too: these tests are about the deployment, not about Bakong's time budget
                Map.entry("BAKONGPAY_BAKONG_TIMEOUT", "15s"),
                Map.entry("BAKONGPAY_BAKONG_DEADLINE", "30s"));
        Path war = Path.of(System.getProperty("bakongpay.servers", "target/servers"), "bakongpay.war");
        assertThat(war)
                .as("the build copies the thin WAR there (pre-integration-test)")
                .exists();
        long started = System.nanoTime();
        server = deploy(workDir, war.toAbsolutePath(), port, settings);
        Awaitility.await(server.name() + " answers /health/ready")
                .atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(server.alive()).as(server.name() + " is running").isTrue();
                    given().baseUri(base).get("/health/ready").then().statusCode(200);
                });
        System.out.printf(
                "[app-server-tests] %s: started and deployed in %.1f s%n",
                server.name(), (System.nanoTime() - started) / 1e9);
        logLengthAfterDeploy = server.log().length();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) server.close();
        if (simulator != null) simulator.stop();
    }

    @Test
    @Order(1)
    @DisplayName("the store is the server's DataSource, found at java:comp/env/jdbc/bakongpay")
    void storeIsTheContainerDataSource() throws Exception {
        assertThat(server.log())
                .contains(
                        "BakongPay store: adapter=jdbc url=(the container's DataSource java:comp/env/jdbc/bakongpay)");
        given().baseUri(base)
                .get("/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("store", equalTo("jdbc"))
                .body("upstream.test.url", equalTo(simulator.baseUrl().toString()));
    }

    @Test
    @Order(2)
    @DisplayName("create → pay in the simulator → check is SUCCESS, and the checkout page answers")
    void createPayCheck() {
        JsonPath created = create(PRO_KEY, ORDER)
                .statusCode(200)
                .body("success", equalTo(true))
                .body("data.checkoutUrl", startsWith(base + "/pay/"))
                .extract()
                .jsonPath();
        String md5 = created.getString("data.md5");
        assertThat(status(md5)).isEqualTo("PENDING");
        simulator.control().pay(created.getString("data.qrString"));
        Awaitility.await("the payment is seen as SUCCESS")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(status(md5)).isEqualTo("SUCCESS"));
        given().get(created.getString("data.checkoutUrl"))
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("Coffee Corner"));
    }

    private String status(String md5) {
        return given().baseUri(base)
                .header("Authorization", "Bearer " + PRO_KEY)
                .contentType("application/json")
                .body("{\"md5\":\"" + md5 + "\"}")
                .post("/api/v1/check/md5")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("data.status");
    }

    @Test
    @Order(3)
    @DisplayName("malformed JSON is 400 malformed_json in the envelope, from the server's own JAX-RS too")
    void malformedJson() {
        create(PRO_KEY, "{\"amount\": 1.50, \"currency\": ")
                .statusCode(400)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", "no-store")
                .body("success", equalTo(false))
                .body("error.code", equalTo("malformed_json"));
    }

    @Test
    @Order(4)
    @DisplayName("bad input is 422 validation_failed naming the field")
    void badInput() {
        create(PRO_KEY, ORDER.replace("1.50", "-1"))
                .statusCode(422)
                .contentType(startsWith("application/json"))
                .body("success", equalTo(false))
                .body("error.code", equalTo("validation_failed"))
                .body("error.details[0].field", equalTo("amount"));
        // a wrong JSON type is the same 422 (Jackson's mapping error, not the server's)
        create(PRO_KEY, ORDER.replace("1.50", "\"much\""))
                .statusCode(422)
                .body("error.code", equalTo("validation_failed"))
                .body("error.details[0].field", equalTo("amount"));
    }

    @Test
    @Order(5)
    @DisplayName("no API key, or an unknown one, is 401 in the envelope")
    void unauthorized() {
        create(null, ORDER)
                .statusCode(401)
                .contentType(startsWith("application/json"))
                .body("error.code", equalTo("missing_api_key"));
        create("bk_test_nobodyknowsthisone", ORDER).statusCode(401).body("error.code", equalTo("invalid_api_key"));
    }

    @Test
    @Order(6)
    @DisplayName("a FREE key over its limit is 429 rate_limit_exceeded with Retry-After")
    void rateLimited() {
        for (int i = 0; i < FREE_PER_MINUTE; i++) {
            create(FREE_KEY, ORDER).statusCode(200);
        }
        create(FREE_KEY, ORDER)
                .statusCode(429)
                .contentType(startsWith("application/json"))
                .header("Retry-After", notNullValue())
                .body("error.code", equalTo("rate_limit_exceeded"));
    }

    @Test
    @Order(7)
    @DisplayName("an unknown path is 404 in the envelope, not the server's HTML page")
    void unknownPath() {
        given().baseUri(base)
                .header("Authorization", "Bearer " + PRO_KEY)
                .get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/json"))
                .body("error.code", equalTo("not_found"));
        given().baseUri(base)
                .get("/nothing-here")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/json"))
                .body("error.code", equalTo("not_found"));
    }

    @Test
    @Order(8)
    @DisplayName("none of the client's mistakes above left an ERROR or SEVERE line in the server's log")
    void noErrorLogged() throws Exception {
        String since = server.log().substring(logLengthAfterDeploy);
        List<String> errors =
                ERROR_LINE.matcher(since).results().map(m -> m.group()).toList();
        assertThat(errors).as("error lines in %s", server.logFile()).isEmpty();
    }

    /** Writes {@code resource} (a file under src/test/resources) to {@code target}, each {@code ${name}} replaced. */
    static Path fill(String resource, Path target, Map<String, String> values) throws Exception {
        String text;
        try (var in = AppServerFlow.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (var e : values.entrySet()) text = text.replace("${" + e.getKey() + "}", e.getValue());
        return Files.writeString(target, text);
    }

    /** {@code POST /api/v1/khqr/create} with this key ({@code null}: no Authorization header) and body. */
    private ValidatableResponse create(String key, String body) {
        RequestSpecification request =
                given().baseUri(base).contentType("application/json").body(body);
        if (key != null) {
            request = request.header("Authorization", "Bearer " + key);
        }
        return request.post("/api/v1/khqr/create").then();
    }
}
