package dev.bakongpay.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.response.Response;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Faults make the Open API misbehave on purpose")
class FaultInjectionTest extends SimulatorTestBase {

    private static final String MD5_PATH = "/v1/check_transaction_by_md5";
    private static final Map<String, String> SOME_MD5 = Map.of("md5", "0".repeat(32));

    static Response check() {
        return nbc().body(SOME_MD5).post(MD5_PATH);
    }

    @Nested
    @DisplayName("Each kind")
    class Kinds {

        @Test
        @DisplayName("latency delays the answer by at least the given time")
        void latency() {
            control.injectFault(Fault.latency(Duration.ofMillis(400)).forCalls(1));
            long started = System.nanoTime();
            check().then().statusCode(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }

        @Test
        @DisplayName("server errors answer a bare 5xx page, not NBC's envelope")
        void serverErrors() {
            control.injectFault(Fault.serverErrors(1.0).withStatus(502).forCalls(2));
            check().then().statusCode(502).contentType(org.hamcrest.Matchers.containsString("text/html"));
            check().then().statusCode(502);
            check().then().statusCode(200);
        }

        @Test
        @DisplayName("a share of 5xx fails some calls and spares others")
        void shareOfServerErrors() {
            control.injectFault(Fault.serverErrors(0.5));
            int failed = 0;
            for (int i = 0; i < 40; i++) {
                if (check().statusCode() == 503) {
                    failed++;
                }
            }
            assertThat(failed).isBetween(1, 39);
        }

        @Test
        @DisplayName("a timeout holds the answer back past the client's patience, then sends an empty 504")
        void timeout() throws Exception {
            control.injectFault(Fault.timeout(Duration.ofMillis(1500)).forCalls(2));
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + MD5_PATH))
                    .header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"md5\":\"" + "0".repeat(32) + "\"}"));
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> http.send(
                            request.timeout(Duration.ofMillis(300)).build(), HttpResponse.BodyHandlers.ofString())))
                    .isInstanceOfAny(HttpTimeoutException.class, SocketTimeoutException.class);
            HttpResponse<String> patient =
                    http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(patient.statusCode()).isEqualTo(504);
            assertThat(patient.body()).isEmpty();
        }

        @Test
        @DisplayName("a malformed body is HTTP 200 with JSON cut off in the middle")
        void malformedBody() {
            control.injectFault(Fault.malformedBody().forCalls(1));
            String body = check().then().statusCode(200).extract().asString();
            assertThat(body).startsWith("{\"responseCode\":0");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(
                            () -> new com.fasterxml.jackson.databind.ObjectMapper().readTree(body)))
                    .isNotNull();
        }

        @Test
        @DisplayName("token expiry answers 401 errorCode 6 even to a good token")
        void tokenExpiry() {
            control.injectFault(Fault.tokenExpired().forCalls(1));
            check().then().statusCode(401).body("errorCode", equalTo(6));
            check().then().statusCode(200);
        }
    }

    @Nested
    @DisplayName("Scope")
    class Scope {

        @Test
        @DisplayName("a fault on one path leaves the others alone")
        void onePath() {
            control.injectFault(Fault.serverErrors(1.0).onPath("/v1/check_transaction_by_md5_list"));
            check().then().statusCode(200);
            nbc().body("[]").post("/v1/check_transaction_by_md5_list").then().statusCode(503);
        }

        @Test
        @DisplayName("a time window ends on the simulator's clock")
        void window() {
            control.injectFault(Fault.tokenExpired().forWindow(Duration.ofSeconds(30)));
            check().then().statusCode(401);
            clock.advance(Duration.ofSeconds(30));
            try {
                check().then().statusCode(200);
            } finally {
                clock.advance(Duration.ofSeconds(-30));
            }
        }

        @Test
        @DisplayName("faults are listed, removed one by one or all at once, and never touch the control API")
        void management() {
            String id = control.injectFault(Fault.serverErrors(1.0));
            control.injectFault(Fault.latency(Duration.ofMillis(1)).forCalls(5));
            anonymous()
                    .get("/simulator/faults")
                    .then()
                    .statusCode(200)
                    .body("data", hasSize(2))
                    .body("data[1].remainingCalls", equalTo(5))
                    .body("data[0].fault.kind", equalTo("SERVER_ERROR"));
            assertThat(control.transactions()).isEmpty();
            control.removeFault(id);
            check().then().statusCode(200);
            control.clearFaults();
            anonymous().get("/simulator/faults").then().body("data", hasSize(0));
            anonymous().delete("/simulator/faults/nope").then().statusCode(404);
        }

        @Test
        @DisplayName("a fault that makes no sense is refused with the reason")
        void badFaults() {
            anonymous()
                    .body(Map.of("kind", "EARTHQUAKE"))
                    .post("/simulator/faults")
                    .then()
                    .statusCode(400)
                    .body("errorCode", equalTo(5));
            anonymous()
                    .body(Map.of("kind", "SERVER_ERROR", "share", 2))
                    .post("/simulator/faults")
                    .then()
                    .statusCode(400)
                    .body("responseMessage", org.hamcrest.Matchers.containsString("share"));
            anonymous()
                    .body(Map.of("kind", "LATENCY", "path", "/simulator/payments"))
                    .post("/simulator/faults")
                    .then()
                    .statusCode(400);
            anonymous().body(Map.of()).post("/simulator/faults").then().statusCode(400);
            anonymous().body("{").post("/simulator/faults").then().statusCode(400);
            anonymous()
                    .body(Map.of("kind", "LATENCY", "latencyMs", 5, "calls", 1))
                    .post("/simulator/faults")
                    .then()
                    .statusCode(201)
                    .body("data.id", org.hamcrest.Matchers.notNullValue());
        }
    }
}
