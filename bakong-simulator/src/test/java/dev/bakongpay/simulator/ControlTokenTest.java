package dev.bakongpay.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("With a control token, the control API answers only its bearer")
class ControlTokenTest {

    static final String CONTROL_TOKEN = "ctl-7f3a9c";
    static BakongSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = Main.fromEnvironment(Map.of(
                        "BAKONG_SIMULATOR_PORT",
                        "0",
                        "BAKONG_SIMULATOR_TOKEN",
                        "api-token",
                        "BAKONG_SIMULATOR_CONTROL_TOKEN",
                        CONTROL_TOKEN)::get)
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        simulator.stop();
    }

    static RequestSpecification json() {
        return RestAssured.given().baseUri(simulator.baseUrl().toString()).contentType("application/json");
    }

    static String order() {
        return "{\"qr\":\"" + TestQrs.coffee(Instant.now()) + "\"}";
    }

    @Test
    @DisplayName("no token, a wrong one or the Open API's token: 401 errorCode 6 with WWW-Authenticate, nothing paid")
    void refused() {
        json().body(order())
                .post("/simulator/payments")
                .then()
                .statusCode(401)
                .body("errorCode", equalTo(6))
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("responseMessage", containsString("BAKONG_SIMULATOR_CONTROL_TOKEN"));
        json().header("Authorization", "Bearer wrong")
                .body(order())
                .post("/simulator/payments")
                .then()
                .statusCode(401);
        json().header("Authorization", "Bearer api-token")
                .body(order())
                .post("/simulator/payments")
                .then()
                .statusCode(401);
        json().get("/simulator/transactions").then().statusCode(401);
        json().header("Authorization", "Bearer " + CONTROL_TOKEN)
                .get("/simulator/transactions")
                .then()
                .statusCode(200)
                .body("data.size()", equalTo(0));
    }

    @Test
    @DisplayName("its bearer pays; simulator.control() sends it; a control client without it is refused")
    void bearer() {
        json().header("Authorization", "Bearer " + CONTROL_TOKEN)
                .body(order())
                .post("/simulator/payments")
                .then()
                .statusCode(201);
        assertThat(simulator.control().pay(TestQrs.coffee(Instant.now())).status())
                .isEqualTo("SUCCESS");
        assertThatThrownBy(() -> SimulatorControl.connect(simulator.baseUrl()).transactions())
                .isInstanceOfSatisfying(
                        SimulatorException.class,
                        e -> assertThat(e.getMessage()).contains("control token"));
        simulator.control().reset();
    }

    @Test
    @DisplayName("the health check, the mock bank page and the Open API need no control token")
    void outsideTheControlApi() {
        json().get("/simulator/health").then().statusCode(200);
        RestAssured.given()
                .baseUri(simulator.baseUrl().toString())
                .get("/")
                .then()
                .statusCode(200)
                .body(containsString("id=\"token-box\""));
        json().header("Authorization", "Bearer api-token")
                .body(Map.of("md5", "0".repeat(32)))
                .post("/v1/check_transaction_by_md5")
                .then()
                .statusCode(200)
                .body("errorCode", equalTo(1));
    }
}
