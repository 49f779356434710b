package dev.bakongpay.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.runtime.ServerRuntime;
import dev.bakongpay.simulator.SimulatorControl;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("test mode and live mode in one deployment")
class TestAndLiveModeTest {
    static final String TEST_KEY = "bk_test_mode0000000000000001";
    static final String LIVE_KEY = "bk_live_mode0000000000000001";

    @TempDir
    Path dataDir;

    ServerRuntime runtime;
    EmbeddedJetty jetty;
    String api;
    SimulatorControl simulator;

    @BeforeEach
    void serve() throws Exception {
        Map<String, String> env = Map.of(
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
                TEST_KEY + "=PRO," + LIVE_KEY + "=PRO",
                // NBC itself is never called by this test: live checks go to an address that refuses at once
                "BAKONGPAY_BAKONG_URL",
                "http://127.0.0.1:9",
                "BAKONGPAY_BAKONG_TOKEN",
                "live-token-for-tests");
        ServerSettings settings =
                ServerSettings.read(ConfigLookup.builder().environment(env).build(), ServerSettings.Command.SERVE);
        runtime = ServerRuntime.open(settings, Clock.systemUTC());
        jetty = EmbeddedJetty.start(runtime);
        api = jetty.localUrl().toString();
        simulator = SimulatorControl.connect(runtime.embeddedSimulatorUrl().orElseThrow());
    }

    @AfterEach
    void stop() throws Exception {
        jetty.close();
        runtime.close();
    }

    private JsonPath create(String key) {
        return given().baseUri(api)
                .header("Authorization", "Bearer " + key)
                .contentType("application/json")
                .body(PaymentRoundTrip.ORDER)
                .post(SandboxGuide.CREATE_PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    @DisplayName("a bk_test_ key's payment is settled by the embedded simulator")
    void testKeyUsesSimulator() {
        PaymentRoundTrip.run(api, TEST_KEY, simulator);
    }

    @Test
    @DisplayName(
            "a bk_live_ key's transaction is checked with NBC only: paying its QR in the simulator does not make it paid")
    void liveKeyNeverUsesSimulator() {
        JsonPath created = create(LIVE_KEY);
        String md5 = created.getString("data.md5");
        simulator.pay(created.getString("data.qrString"));
        int status = given().baseUri(api)
                .header("Authorization", "Bearer " + LIVE_KEY)
                .contentType("application/json")
                .body("{\"md5\":\"" + md5 + "\"}")
                .post(SandboxGuide.CHECK_PATH)
                .then()
                .body("success", equalTo(false))
                .extract()
                .statusCode();
        assertThat(status)
                .as("NBC unreachable is an upstream error, never a payment")
                .isGreaterThanOrEqualTo(500);
        var stored = runtime.storage()
                .transactions()
                .findAnyById(java.util.UUID.fromString(created.getString("data.transactionId")));
        assertThat(stored).get().satisfies(t -> {
            assertThat(t.mode()).isEqualTo(dev.bakongpay.spi.PaymentMode.LIVE);
            assertThat(t.status()).isEqualTo(dev.bakongpay.spi.PaymentStatus.PENDING);
        });
    }
}
