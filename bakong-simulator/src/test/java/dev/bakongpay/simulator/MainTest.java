package dev.bakongpay.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The standalone server reads its settings from the environment")
class MainTest {

    @Test
    @DisplayName("port, token and state file come from BAKONG_SIMULATOR_* variables")
    void readsVariables() {
        try (BakongSimulator simulator = Main.fromEnvironment(Map.of("BAKONG_SIMULATOR_PORT", "0", "BAKONG_SIMULATOR_TOKEN", "t0k3n")::get)
                .build().start()) {
            assertThat(simulator.port()).isPositive();
            assertThat(simulator.token()).contains("t0k3n");
            assertThat(simulator.stateFile()).isEmpty();
        }
    }

    @Test
    @DisplayName("a bad port is reported with its value and the rule")
    void badPort() {
        assertThatThrownBy(() -> Main.fromEnvironment(Map.of("BAKONG_SIMULATOR_PORT", "nine")::get))
                .hasMessage("BAKONG_SIMULATOR_PORT was 'nine' but it must be a port number 0..65535");
    }
}
