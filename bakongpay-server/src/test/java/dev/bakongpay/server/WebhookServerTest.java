package dev.bakongpay.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bakongpay.adapters.webhook.WebhookSignature;
import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.runtime.ServerRuntime;
import dev.bakongpay.simulator.SimulatorControl;
import dev.bakongpay.spi.WebhookDeliveryState;
import io.restassured.path.json.JsonPath;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("webhooks from the server")
class WebhookServerTest {
    static final String KEY = "bk_test_webhook000000000001";
    static final String SECRET = "whsec_server_test_0123456789";

    /** One POST as the shop's endpoint received it. */
    record Hit(Map<String, List<String>> headers, String body, Instant at) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    @TempDir
    Path dataDir;

    private HttpServer shop;
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    /** What the shop's endpoint answers. */
    private volatile int shopStatus = 204;

    private ServerRuntime runtime;
    private EmbeddedJetty jetty;

    @org.junit.jupiter.api.BeforeEach
    void startShop() throws Exception {
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/hooks/bakongpay", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            hits.add(new Hit(
                    Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8), Instant.now()));
            exchange.sendResponseHeaders(shopStatus, -1);
            exchange.close();
        });
        shop.start();
    }

    private String serve(Map<String, String> extra) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
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

    private String shopUrl() {
        return "http://127.0.0.1:" + shop.getAddress().getPort() + "/hooks/bakongpay";
    }

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) jetty.close();
        if (runtime != null) runtime.close();
        if (shop != null) shop.stop(0);
    }

    @Test
    @DisplayName("create → pay in the simulator → check: exactly one signed payment.succeeded webhook reaches the shop")
    void oneSignedWebhookPerPayment() throws Exception {
        PaymentRoundTrip.requireEndpoints();
        String api = serve(Map.of(
                "BAKONGPAY_WEBHOOK_URL",
                shopUrl(),
                "BAKONGPAY_WEBHOOK_SECRET",
                SECRET,
                "BAKONGPAY_WEBHOOK_MAX_ATTEMPTS",
                "3"));
        SimulatorControl simulator =
                SimulatorControl.connect(runtime.embeddedSimulatorUrl().orElseThrow());

        JsonPath created = PaymentRoundTrip.run(api, KEY, simulator);
        String id = created.getString("data.transactionId");
        JsonPath check = given().baseUri(api)
                .header("Authorization", "Bearer " + KEY)
                .contentType("application/json")
                .body("{\"md5\":\"" + created.getString("data.md5") + "\"}")
                .post(SandboxGuide.CHECK_PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        Awaitility.await("the webhook reaches the shop")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !hits.isEmpty());
        Awaitility.await("the delivery is recorded as delivered")
                .atMost(Duration.ofSeconds(5))
                .until(() -> runtime.storage()
                        .webhooks()
                        .find(id + ":SUCCESS")
                        .map(d -> d.state() == WebhookDeliveryState.DELIVERED)
                        .orElse(false));
        // nothing more is due: another round sends nothing, and later checks fire no new event
        assertThat(runtime.webhooks().orElseThrow().dispatchOnce().claimed()).isZero();
        given().baseUri(api)
                .header("Authorization", "Bearer " + KEY)
                .contentType("application/json")
                .body("{\"md5\":\"" + created.getString("data.md5") + "\"}")
                .post(SandboxGuide.CHECK_PATH)
                .then()
                .statusCode(200);
        assertThat(runtime.webhooks().orElseThrow().dispatchOnce().claimed()).isZero();
        assertThat(hits).hasSize(1);

        Hit hit = hits.get(0);
        assertThat(hit.header("Content-Type")).isEqualTo("application/json");
        assertThat(hit.header("BakongPay-Event-Id")).isEqualTo(id + ":SUCCESS");
        assertThat(WebhookSignature.verify(SECRET, hit.header("BakongPay-Signature"), hit.body(), hit.at()))
                .isTrue();
        assertThat(WebhookSignature.verify(
                        "whsec_someone_else", hit.header("BakongPay-Signature"), hit.body(), hit.at()))
                .isFalse();

        JsonPath body = JsonPath.from(hit.body());
        assertThat(body.getString("id")).isEqualTo(id + ":SUCCESS");
        assertThat(body.getString("type")).isEqualTo("payment.succeeded");
        assertThat(body.getLong("created"))
                .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(body.getString("data.transactionId")).isEqualTo(id);
        assertThat(body.getString("data.md5")).isEqualTo(created.getString("data.md5"));
        assertThat(body.getString("data.status")).isEqualTo("SUCCESS");
        assertThat(body.getString("data.previousStatus")).isEqualTo("PENDING");
        assertThat(body.getString("data.currency")).isEqualTo(check.getString("data.transaction.currency"));
        assertThat(body.getString("data.mode")).isEqualTo("TEST");
        assertThat(body.getString("data.amount")).isEqualTo(check.getString("data.transaction.amount"));
        assertThat(body.getString("data.transaction.hash")).isEqualTo(check.getString("data.transaction.hash"));
        assertThat(body.getString("data.transaction.from")).isEqualTo(check.getString("data.transaction.from"));
        assertThat(body.getString("data.transaction.to")).isEqualTo(check.getString("data.transaction.to"));
        assertThat(body.getLong("data.transaction.timestamp")).isEqualTo(check.getLong("data.transaction.timestamp"));
    }

    @Test
    @DisplayName(
            "a delivery given up on shows in /health as dead; redelivered once the shop is fixed, it arrives and /health clears")
    void deadDeliveryVisibleAndRedelivered() throws Exception {
        PaymentRoundTrip.requireEndpoints();
        shopStatus = 500;
        String api = serve(Map.of(
                "BAKONGPAY_WEBHOOK_URL",
                shopUrl(),
                "BAKONGPAY_WEBHOOK_SECRET",
                SECRET,
                "BAKONGPAY_WEBHOOK_MAX_ATTEMPTS",
                "1"));
        SimulatorControl simulator =
                SimulatorControl.connect(runtime.embeddedSimulatorUrl().orElseThrow());
        JsonPath created = PaymentRoundTrip.run(api, KEY, simulator);
        String eventId = created.getString("data.transactionId") + ":SUCCESS";
        given().baseUri(api)
                .header("Authorization", "Bearer " + KEY)
                .contentType("application/json")
                .body("{\"md5\":\"" + created.getString("data.md5") + "\"}")
                .post(SandboxGuide.CHECK_PATH)
                .then()
                .statusCode(200);

        Awaitility.await("the only attempt fails and the delivery is given up")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> runtime.storage()
                        .webhooks()
                        .find(eventId)
                        .map(d -> d.state() == WebhookDeliveryState.DEAD)
                        .orElse(false));
        given().baseUri(api)
                .get("/health")
                .then()
                .statusCode(200)
                .body("webhooks.dead", org.hamcrest.Matchers.equalTo(1))
                .body("webhooks.pending", org.hamcrest.Matchers.equalTo(0));
        assertThat(runtime.storage().webhooks().findDead(10))
                .extracting(d -> d.eventId())
                .containsExactly(eventId);

        shopStatus = 204;
        assertThat(runtime.webhooks().orElseThrow().redeliver(eventId)).isTrue();
        Awaitility.await("the redelivered event reaches the shop")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> runtime.storage()
                        .webhooks()
                        .find(eventId)
                        .map(d -> d.state() == WebhookDeliveryState.DELIVERED)
                        .orElse(false));
        assertThat(hits)
                .hasSize(2)
                .allSatisfy(h -> assertThat(h.header("BakongPay-Event-Id")).isEqualTo(eventId));
        assertThat(runtime.webhooks().orElseThrow().redeliver(eventId)).isFalse(); // delivered: nothing to redo
        given().baseUri(api)
                .get("/health")
                .then()
                .statusCode(200)
                .body("webhooks.dead", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    @DisplayName("without BAKONGPAY_WEBHOOK_URL there is no dispatcher and nothing is recorded")
    void offByDefault() throws Exception {
        String api = serve(Map.of());
        assertThat(runtime.webhooks()).isEmpty();
        given().baseUri(api)
                .get("/health")
                .then()
                .statusCode(200)
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("webhooks")));
    }
}
