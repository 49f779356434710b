package dev.bakongpay.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.sun.net.httpserver.HttpServer;
import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.runtime.ServerRuntime;
import dev.bakongpay.simulator.SimulatorControl;
import dev.bakongpay.spi.WebhookDeliveryState;
import io.micrometer.core.instrument.Meter;
import io.restassured.path.json.JsonPath;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("metrics: /metrics behind the admin token, the management port, and the README's table")
class MetricsTest {
    static final String KEY = "bk_test_metrics00000000001";
    static final String ADMIN = "admin-token-for-metrics-tests-0123456789";
    /** Binders of the JVM and the process: the README names them by prefix, not one by one. */
    static final List<String> JVM_PREFIXES = List.of("jvm.", "process.", "system.");

    @TempDir
    Path dataDir;

    private HttpServer shop;
    private ServerRuntime runtime;
    private EmbeddedJetty jetty;

    @BeforeEach
    void startShop() throws Exception {
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        shop.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) jetty.close();
        if (runtime != null) runtime.close();
        if (shop != null) shop.stop(0);
    }

    private String serve(Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "BAKONGPAY_PORT",
                "0",
                "BAKONGPAY_HOST",
                "127.0.0.1",
                "BAKONG_SIMULATOR_PORT",
                "0",
                "BAKONGPAY_DATA_DIR",
                dataDir.toString(),
                "BAKONGPAY_SIMULATOR_ENABLED",
                "true",
                "BAKONGPAY_API_KEYS",
                KEY + "=PRO"));
        env.putAll(extra);
        ServerSettings settings =
                ServerSettings.read(ConfigLookup.builder().environment(env).build(), ServerSettings.Command.SERVE);
        runtime = ServerRuntime.open(settings, Clock.systemUTC());
        jetty = EmbeddedJetty.start(runtime);
        return jetty.localUrl().toString();
    }

    /** create → pay in the simulator → check (twice) → the webhook delivered; returns the create answer. */
    private JsonPath flow(String api) {
        PaymentRoundTrip.requireEndpoints();
        SimulatorControl simulator =
                SimulatorControl.connect(runtime.embeddedSimulatorUrl().orElseThrow());
        JsonPath created = PaymentRoundTrip.run(api, KEY, simulator);
        String eventId = created.getString("data.transactionId") + ":SUCCESS";
        Awaitility.await("the webhook is delivered")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> runtime.storage()
                        .webhooks()
                        .find(eventId)
                        .map(d -> d.state() == WebhookDeliveryState.DELIVERED)
                        .orElse(false));
        return created;
    }

    private Map<String, String> withWebhooksAndAdmin() {
        return Map.of(
                "BAKONGPAY_WEBHOOK_URL",
                "http://127.0.0.1:" + shop.getAddress().getPort() + "/hooks",
                "BAKONGPAY_WEBHOOK_SECRET",
                "whsec_metrics_test_0123456789",
                "BAKONGPAY_ADMIN_TOKEN",
                ADMIN);
    }

    private static String scrape(String api) {
        return given().baseUri(api)
                .header("Authorization", "Bearer " + ADMIN)
                .get("/metrics")
                .then()
                .statusCode(200)
                .header("Content-Type", startsWith("text/plain; version=0.0.4"))
                .extract()
                .asString();
    }

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The value of the one sample named {@code name} whose labels include {@code labels}; fails when none or several match. */
    static double sample(String text, String name, Map<String, String> labels) {
        List<Double> found = text.lines()
                .map(SAMPLE::matcher)
                .filter(Matcher::matches)
                .filter(m -> m.group(1).equals(name))
                .filter(m -> {
                    Map<String, String> have = new LinkedHashMap<>();
                    Matcher l = LABEL.matcher(m.group(3) == null ? "" : m.group(3));
                    while (l.find()) have.put(l.group(1), l.group(2));
                    return have.entrySet().containsAll(labels.entrySet());
                })
                .map(m -> Double.parseDouble(m.group(4)))
                .toList();
        assertThat(found).as("samples of %s%s", name, labels).hasSize(1);
        return found.get(0);
    }

    @Test
    @DisplayName(
            "after create, pay in the simulator, check and a webhook, the scrape shows each counter moved with its tags")
    void flowMovesCounters() throws Exception {
        String api = serve(withWebhooksAndAdmin());
        flow(api);
        String text = scrape(api);
        assertThat(sample(
                        text,
                        "bakongpay_http_requests_seconds_count",
                        Map.of("method", "POST", "endpoint", "/khqr/create", "status", "200")))
                .isEqualTo(1);
        assertThat(sample(
                        text,
                        "bakongpay_http_requests_seconds_count",
                        Map.of("method", "POST", "endpoint", "/check/md5", "status", "200")))
                .isGreaterThanOrEqualTo(2);
        assertThat(sample(text, "bakongpay_payments_create_seconds_count", Map.of("outcome", "created")))
                .isEqualTo(1);
        assertThat(sample(
                        text,
                        "bakongpay_payments_check_seconds_count",
                        Map.of("kind", "single", "outcome", "answered", "status", "pending")))
                .isGreaterThanOrEqualTo(1);
        assertThat(sample(
                        text,
                        "bakongpay_payments_check_seconds_count",
                        Map.of("kind", "single", "outcome", "answered", "status", "success")))
                .isEqualTo(1);
        assertThat(sample(text, "bakongpay_payments_status_changes_total", Map.of("from", "pending", "to", "success")))
                .isEqualTo(1);
        assertThat(sample(
                        text,
                        "bakongpay_upstream_requests_seconds_count",
                        Map.of("upstream", "test", "endpoint", "check_transaction_by_md5", "outcome", "success")))
                .isGreaterThanOrEqualTo(2);
        // the deepLink's first use asked the simulator once; the second was answered from the store
        assertThat(sample(
                        text,
                        "bakongpay_upstream_requests_seconds_count",
                        Map.of("upstream", "test", "endpoint", "generate_deeplink_by_qr", "outcome", "success")))
                .isEqualTo(1);
        assertThat(sample(text, "bakongpay_payments_app_links_total", Map.of("outcome", "created")))
                .isEqualTo(1);
        assertThat(sample(text, "bakongpay_payments_app_links_total", Map.of("outcome", "stored")))
                .isEqualTo(1);
        assertThat(sample(text, "bakongpay_upstream_circuit_state", Map.of("upstream", "test", "state", "closed")))
                .isEqualTo(1);
        assertThat(sample(text, "bakongpay_upstream_circuit_state", Map.of("upstream", "test", "state", "open")))
                .isZero();
        assertThat(sample(text, "bakongpay_webhook_deliveries_seconds_count", Map.of("outcome", "delivered")))
                .isEqualTo(1);
        // a FREE plan's refusals start at zero, so a rate alert has a series before the first one
        assertThat(sample(text, "bakongpay_ratelimit_rejections_total", Map.of("plan", "free")))
                .isZero();
        assertThat(sample(text, "bakongpay_webhook_dead", Map.of())).isZero();
        assertThat(sample(text, "bakongpay_reconciliation_backlog", Map.of())).isGreaterThanOrEqualTo(0);
        assertThat(sample(text, "bakongpay_store_write_batch_writes_count", Map.of()))
                .isGreaterThanOrEqualTo(1);
        assertThat(sample(text, "cache_gets_total", Map.of("cache", "api.keys", "result", "hit")))
                .isGreaterThanOrEqualTo(1);
        // create latency is a histogram: Prometheus computes quantiles from its buckets
        assertThat(text).contains("bakongpay_payments_create_seconds_bucket{outcome=\"created\",le=\"+Inf\"} 1");
        // the request that was never routed counts as unmatched, not under its raw path
        given().baseUri(api)
                .header("Authorization", "Bearer " + KEY)
                .get("/api/v1/no/such/path/12345")
                .then()
                .statusCode(404);
        String after = scrape(api);
        assertThat(sample(
                        after,
                        "bakongpay_http_requests_seconds_count",
                        Map.of("method", "GET", "endpoint", "unmatched", "status", "404")))
                .isEqualTo(1);
        assertThat(after).doesNotContain("12345");
    }

    @Test
    @DisplayName(
            "the README's metrics table names exactly the meters a scrape holds after the flow (JVM and process meters by prefix)")
    void readmeTableMatchesTheScrape() throws Exception {
        String api = serve(withWebhooksAndAdmin());
        flow(api);
        scrape(api);
        Set<String> registered = runtime.metrics().registry().getMeters().stream()
                .map(m -> m.getId().getName())
                .filter(n -> JVM_PREFIXES.stream().noneMatch(n::startsWith))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = documentedMeters();
        assertThat(registered)
                .as("meters recorded but not in the README table (left) / in the table but not recorded")
                .containsExactlyInAnyOrderElementsOf(documented);
        // the meters as they are before the scrape: a meter registered later (jvm.gc.pause comes
        // with the first collection) cannot be in it
        List<Meter> beforeScrape = List.copyOf(runtime.metrics().registry().getMeters());
        String text = scrape(api);
        for (Meter m : beforeScrape) {
            String prefix = m.getId().getName().replace('.', '_');
            assertThat(text)
                    .as("the scrape has %s", m.getId().getName())
                    .containsPattern("(?m)^" + Pattern.quote(prefix));
        }
        for (String prefix : JVM_PREFIXES) {
            assertThat(text)
                    .as("JVM and process meters: %s*", prefix)
                    .containsPattern("(?m)^" + prefix.replace('.', '_'));
        }
    }

    /** The first column of the README's metrics table, without the JVM prefix row. */
    static Set<String> documentedMeters() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int start = lines.indexOf("## Metrics");
        assertThat(start).as("README.md has a '## Metrics' section").isNotNegative();
        Set<String> names = new TreeSet<>();
        Pattern row = Pattern.compile("^\\| `([a-z0-9.]+)` \\|");
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) break;
            Matcher m = row.matcher(line);
            if (m.find()) names.add(m.group(1));
        }
        return names;
    }

    @Test
    @DisplayName("/metrics: 401 in the envelope without the token or with an API key, 200 with the admin token")
    void metricsNeedsTheAdminToken() throws Exception {
        String api = serve(Map.of("BAKONGPAY_ADMIN_TOKEN", ADMIN));
        given().baseUri(api)
                .get("/metrics")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("success", equalTo(false))
                .body("error.code", equalTo("missing_admin_token"));
        given().baseUri(api)
                .header("Authorization", "Bearer " + KEY)
                .get("/metrics")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("invalid_admin_token"));
        given().baseUri(api)
                .header("Authorization", "Bearer " + ADMIN)
                .post("/metrics")
                .then()
                .statusCode(405)
                .body("error.code", equalTo("method_not_allowed"));
        assertThat(scrape(api)).contains("jvm_memory_used_bytes").contains("bakongpay_upstream_circuit_state");
    }

    @Test
    @DisplayName("without an admin token or a management port, /metrics is not served: 404 in the envelope")
    void offWithoutToken() throws Exception {
        String api = serve(Map.of());
        given().baseUri(api)
                .header("Authorization", "Bearer " + ADMIN)
                .get("/metrics")
                .then()
                .statusCode(404)
                .body("success", equalTo(false))
                .body("error.code", equalTo("not_found"));
        assertThat(runtime.managementPort()).isEmpty();
    }

    @Test
    @DisplayName(
            "BAKONGPAY_MANAGEMENT_PORT: /metrics and /health there without a token; the API port still refuses /metrics")
    void managementPort() throws Exception {
        String api = serve(Map.of("BAKONGPAY_MANAGEMENT_PORT", "0"));
        String management =
                "http://127.0.0.1:" + runtime.managementPort().orElseThrow().port();
        given().baseUri(api)
                .header("Authorization", "Bearer " + KEY)
                .contentType("application/json")
                .body(PaymentRoundTrip.ORDER)
                .post(SandboxGuide.CREATE_PATH)
                .then()
                .statusCode(200);
        String text = given().baseUri(management)
                .get("/metrics")
                .then()
                .statusCode(200)
                .header("Content-Type", startsWith("text/plain; version=0.0.4"))
                .extract()
                .asString();
        assertThat(sample(text, "bakongpay_payments_create_seconds_count", Map.of("outcome", "created")))
                .isEqualTo(1);
        given().baseUri(management).get("/health").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(management)
                .get("/api/v1/khqr/create")
                .then()
                .statusCode(404)
                .body("error.code", equalTo("not_found"));
        given().baseUri(management).post("/metrics").then().statusCode(405).header("Allow", "GET, HEAD");
        given().baseUri(api).get("/metrics").then().statusCode(404);
    }

    @Test
    @DisplayName("BAKONGPAY_MANAGEMENT_PORT equal to BAKONGPAY_PORT is refused at start with one line naming both")
    void managementPortMustDiffer() {
        Map<String, String> env = Map.of("BAKONGPAY_PORT", "8181", "BAKONGPAY_MANAGEMENT_PORT", "8181");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServerSettings.read(
                        ConfigLookup.builder().environment(env).build(), ServerSettings.Command.SERVE))
                .hasMessageContaining(
                        "BAKONGPAY_MANAGEMENT_PORT was '8181' but it must differ from BAKONGPAY_PORT (8181)");
    }
}
