package dev.bakongpay.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.runtime.ServerRuntime;
import dev.bakongpay.simulator.Fault;
import dev.bakongpay.simulator.SimulatorControl;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BAKONGPAY_BAKONG_TIMEOUT and BAKONGPAY_BAKONG_DEADLINE reach core's client: a held Bakong costs the deadline, not 30 s. */
@DisplayName("the Bakong time budget, end to end")
class UpstreamBudgetTest {
    static final String KEY = "bk_test_budget00000000000001";

    @TempDir
    Path dataDir;

    ServerRuntime runtime;
    EmbeddedJetty jetty;
    String api;
    SimulatorControl simulator;

    @BeforeEach
    void serve() throws Exception {
        PaymentRoundTrip.requireEndpoints();
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
                KEY + "=PRO",
                "BAKONGPAY_RECONCILE_SECONDS",
                "0",
                "BAKONGPAY_BAKONG_TIMEOUT",
                "1s",
                "BAKONGPAY_BAKONG_DEADLINE",
                "2s",
                "BAKONGPAY_PENDING_CACHE_MILLIS",
                "0");
        ServerSettings settings =
                ServerSettings.read(ConfigLookup.builder().environment(env).build(), ServerSettings.Command.SERVE);
        runtime = ServerRuntime.open(settings, Clock.systemUTC());
        jetty = EmbeddedJetty.start(runtime);
        api = jetty.localUrl().toString();
        simulator = SimulatorControl.connect(runtime.embeddedSimulatorUrl().orElseThrow());
    }

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) jetty.close();
        if (runtime != null) runtime.close();
    }

    private Response check(String md5) {
        return given().baseUri(api)
                .header("Authorization", "Bearer " + KEY)
                .contentType("application/json")
                .body("{\"md5\":\"" + md5 + "\"}")
                .post(SandboxGuide.CHECK_PATH);
    }

    @Test
    @DisplayName("POST /check/md5 on a pending payment while Bakong holds the connection: 504 upstream_timeout within "
            + "the 2 s deadline (+ margin), then SUCCESS once Bakong answers again")
    void heldConnection() {
        JsonPath created = given().baseUri(api)
                .header("Authorization", "Bearer " + KEY)
                .contentType("application/json")
                .body(PaymentRoundTrip.ORDER)
                .post(SandboxGuide.CREATE_PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String md5 = created.getString("data.md5");
        simulator.pay(created.getString("data.qrString"));
        simulator.injectFault(Fault.timeout(Duration.ofSeconds(30)).onPath("/v1/check_transaction_by_md5"));

        long start = System.nanoTime();
        Response held = check(md5);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        System.out.println("POST /check/md5, Bakong holding the connection, deadline 2 s: " + held.statusCode()
                + " after " + tookMs + " ms");
        held.then().statusCode(504).body("success", equalTo(false)).body("error.code", equalTo("upstream_timeout"));
        assertThat(tookMs).isLessThan(2_000 + 2_000);

        simulator.clearFaults();
        check(md5).then().statusCode(200).body("data.status", equalTo("SUCCESS"));
    }
}
