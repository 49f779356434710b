package dev.bakongpay.simulator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(BakongSimulatorExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("BakongSimulatorExtension")
class BakongSimulatorExtensionTest {

    static BakongSimulator first;

    @Test
    @Order(1)
    @DisplayName("injects a running simulator on a free port, with the default token, and its control client")
    void injects(BakongSimulator simulator, SimulatorControl control) {
        first = simulator;
        assertThat(simulator.running()).isTrue();
        assertThat(simulator.port()).isPositive().isNotEqualTo(9090);
        assertThat(simulator.token()).contains(BakongSimulatorExtension.DEFAULT_TOKEN);
        String qr = TestQrs.coffee(java.time.Instant.now());
        control.pay(qr);
        given().baseUri(simulator.baseUrl().toString())
                .contentType("application/json")
                .header("Authorization", "Bearer " + BakongSimulatorExtension.DEFAULT_TOKEN)
                .body(Map.of("md5", TestQrs.md5(qr)))
                .post("/v1/check_transaction_by_md5")
                .then()
                .body("responseCode", equalTo(0));
    }

    @Test
    @Order(2)
    @DisplayName("shares one simulator across the class and resets it before each test")
    void resetsBetweenTests(BakongSimulator simulator, SimulatorControl control) {
        assertThat(simulator).isSameAs(first);
        assertThat(control.transactions()).isEmpty();
    }

    @Nested
    @DisplayName("in a nested class")
    class Inner {

        @Test
        @DisplayName("injects the outer class's simulator")
        void sameSimulator(BakongSimulator simulator) {
            assertThat(simulator).isSameAs(first);
            assertThat(simulator.running()).isTrue();
        }
    }
}
