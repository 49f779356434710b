package dev.bakongpay.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.bakongpay.server.config.ServerSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probes an orchestrator asks: /health/live and /health/ready; /health itself is ServeTest's. */
@DisplayName("/health/live and /health/ready")
class HealthProbesTest {
    @TempDir
    Path dataDir;

    ServerMain.RunningServer server;

    @AfterEach
    void stop() {
        if (server != null) server.stop();
    }

    /** A server whose NBC is a closed port, with a token: NBC is reported, never asked by the probes. */
    private String serve() {
        server = TestServers.start(TestServers.settings(
                dataDir,
                ServerSettings.Command.SERVE,
                Map.of("BAKONGPAY_BAKONG_URL", "http://127.0.0.1:1", "BAKONGPAY_BAKONG_TOKEN", "nbc-token-not-a-jwt")));
        return server.localUrl().toString();
    }

    @Test
    @DisplayName("ready: 200 with the store and the limiter UP and NBC's state reported, though NBC cannot be reached")
    void ready() {
        String url = serve();
        given().baseUri(url)
                .get("/health/ready")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("status", equalTo("UP"))
                .body("store.adapter", equalTo("jdbc"))
                .body("store.status", equalTo("UP"))
                .body("limiter.adapter", equalTo("memory"))
                .body("limiter.status", equalTo("UP"))
                .body("upstream.live.url", equalTo("http://127.0.0.1:1"))
                .body("upstream.live.token", equalTo("set"))
                .body("upstream.live.circuit", equalTo("CLOSED"));
        given().baseUri(url).get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    @DisplayName(
            "a store that fails: ready answers 503 saying the store is DOWN and why; live still 200; /health as before")
    void storeDown() {
        String url = serve();
        server.runtime().storage().close();
        given().baseUri(url)
                .get("/health/ready")
                .then()
                .statusCode(503)
                .contentType("application/json")
                .body("status", equalTo("DOWN"))
                .body("store.status", equalTo("DOWN"))
                .body("store.problem", not(emptyOrNullString()))
                .body("limiter.status", equalTo("UP"));
        given().baseUri(url).get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(url).get("/health").then().statusCode(503).body("status", equalTo("DOWN"));
    }

    @Test
    @DisplayName("the probes answer GET and HEAD; other methods get 405 in the API's envelope")
    void methods() {
        String url = serve();
        given().baseUri(url).head("/health/ready").then().statusCode(200);
        given().baseUri(url)
                .post("/health/live")
                .then()
                .statusCode(405)
                .header("Allow", "GET, HEAD, OPTIONS")
                .body("error.code", equalTo("method_not_allowed"));
    }
}
