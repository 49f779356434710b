package dev.bakongpay.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.simulator.Fault;
import dev.bakongpay.simulator.SimulatorControl;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Ctrl-C and SIGTERM do: {@link ServerMain.RunningServer#stop()}. */
@DisplayName("a graceful stop")
class GracefulStopTest {
    static final String KEY = "bk_test_graceful000000000001";

    @TempDir
    Path dataDir;

    ServerMain.RunningServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop();
    }

    private static boolean refusesConnections(java.net.URI url) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 1_000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    @DisplayName(
            "a check in flight (Bakong answering slowly) finishes with 200 while new connections are already refused; then all closes")
    void inFlightFinishes() throws Exception {
        PaymentRoundTrip.requireEndpoints();
        server = TestServers.start(TestServers.settings(
                dataDir,
                ServerSettings.Command.SERVE,
                Map.of(
                        "BAKONGPAY_SIMULATOR_ENABLED",
                        "true",
                        "BAKONGPAY_API_KEYS",
                        KEY + "=PRO",
                        "BAKONGPAY_PENDING_CACHE_MILLIS",
                        "0",
                        "BAKONGPAY_BAKONG_TIMEOUT",
                        "20s",
                        "BAKONGPAY_BAKONG_DEADLINE",
                        "30s",
                        "BAKONGPAY_SHUTDOWN_GRACE",
                        "30s")));
        java.net.URI url = server.localUrl();
        SimulatorControl simulator =
                SimulatorControl.connect(server.runtime().embeddedSimulatorUrl().orElseThrow());
        JsonPath created = given().baseUri(url.toString())
                .header("Authorization", "Bearer " + KEY)
                .contentType("application/json")
                .body(PaymentRoundTrip.ORDER)
                .post(SandboxGuide.CREATE_PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        simulator.pay(created.getString("data.qrString"));
        simulator.injectFault(Fault.latency(Duration.ofSeconds(4)).onPath("/v1/check_transaction_by_md5"));

        CompletableFuture<Response> check = CompletableFuture.supplyAsync(() -> given().baseUri(url.toString())
                .header("Authorization", "Bearer " + KEY)
                .contentType("application/json")
                .body("{\"md5\":\"" + created.getString("data.md5") + "\"}")
                .post(SandboxGuide.CHECK_PATH));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.requestsInFlight() == 1);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::stop);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> refusesConnections(url));
        assertThat(check)
                .as("the check is still waiting for Bakong when the port already refuses")
                .isNotDone();
        assertThat(stopping).isNotDone();

        check.get().then().statusCode(200).body("data.status", org.hamcrest.Matchers.equalTo("SUCCESS"));
        stopping.get();
        assertThatThrownBy(() -> server.runtime().storage().apiKeys().findByHash("0".repeat(64)))
                .as("the store is closed once the stop is done")
                .isInstanceOf(RuntimeException.class);
        server = null;
    }

    @Test
    @DisplayName(
            "a request still running when BAKONGPAY_SHUTDOWN_GRACE ends is cut off, the stop goes on, and a WARN line says what to raise")
    void graceEnds() throws Exception {
        PaymentRoundTrip.requireEndpoints();
        server = TestServers.start(TestServers.settings(
                dataDir,
                ServerSettings.Command.SERVE,
                Map.of(
                        "BAKONGPAY_SIMULATOR_ENABLED",
                        "true",
                        "BAKONGPAY_API_KEYS",
                        KEY + "=PRO",
                        "BAKONGPAY_PENDING_CACHE_MILLIS",
                        "0",
                        "BAKONGPAY_BAKONG_TIMEOUT",
                        "30s",
                        "BAKONGPAY_BAKONG_DEADLINE",
                        "60s",
                        "BAKONGPAY_SHUTDOWN_GRACE",
                        "500ms")));
        java.net.URI url = server.localUrl();
        SimulatorControl simulator =
                SimulatorControl.connect(server.runtime().embeddedSimulatorUrl().orElseThrow());
        JsonPath created = given().baseUri(url.toString())
                .header("Authorization", "Bearer " + KEY)
                .contentType("application/json")
                .body(PaymentRoundTrip.ORDER)
                .post(SandboxGuide.CREATE_PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        simulator.injectFault(Fault.latency(Duration.ofSeconds(20)).onPath("/v1/check_transaction_by_md5"));

        CompletableFuture<Integer> check = CompletableFuture.supplyAsync(() -> given().baseUri(url.toString())
                .header("Authorization", "Bearer " + KEY)
                .contentType("application/json")
                .body("{\"md5\":\"" + created.getString("data.md5") + "\"}")
                .post(SandboxGuide.CHECK_PATH)
                .statusCode());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.requestsInFlight() == 1);
        try (LogCapture logs = new LogCapture()) {
            server.stop();
            assertThat(logs.errLines())
                    .anySatisfy(l -> assertThat(l)
                            .contains(" WARN ServerMain - BakongPay: requests still in flight"
                                    + " after 500 ms were cut off")
                            .contains("raise BAKONGPAY_SHUTDOWN_GRACE"));
        }
        assertThat(check)
                .as("the check was cut off, not answered 200")
                .satisfiesAnyOf(
                        f -> assertThat(f).failsWithin(Duration.ofSeconds(30)),
                        f -> assertThat(f.get()).isNotEqualTo(200));
        server = null;
    }
}
