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

    @Test
    @DisplayName("it listens on 127.0.0.1 by default, and a control token is off")
    void loopbackByDefault() {
        try (BakongSimulator simulator = Main.fromEnvironment(Map.of("BAKONG_SIMULATOR_PORT", "0")::get).build().start()) {
            assertThat(simulator.listenAddress()).get().satisfies(address -> {
                assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
                assertThat(address.getPort()).isEqualTo(simulator.port());
            });
            assertThat(simulator.baseUrl()).hasToString("http://127.0.0.1:" + simulator.port());
            assertThat(simulator.controlToken()).isEmpty();
        }
    }

    @Test
    @DisplayName("BAKONG_SIMULATOR_HOST chooses the interface: bound to 127.0.0.2, nothing answers on 127.0.0.1")
    void honoursHost() throws Exception {
        try (BakongSimulator simulator = Main.fromEnvironment(Map.of("BAKONG_SIMULATOR_PORT", "0", "BAKONG_SIMULATOR_HOST", "127.0.0.2",
                "BAKONG_SIMULATOR_CONTROL_TOKEN", " c0ntrol ")::get).build().start()) {
            assertThat(simulator.listenAddress()).get().satisfies(address -> assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.2"));
            assertThat(simulator.baseUrl()).hasToString("http://127.0.0.2:" + simulator.port());
            assertThat(simulator.controlToken()).contains("c0ntrol");
            assertThat(simulator.control().transactions()).isEmpty(); // answered on its own address, with its token
            assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", simulator.port()).close()).isInstanceOf(java.net.ConnectException.class);
        }
    }
}
