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
        try (BakongSimulator simulator = Main.fromEnvironment(
                        Map.of("BAKONG_SIMULATOR_PORT", "0", "BAKONG_SIMULATOR_TOKEN", "t0k3n")::get)
                .build()
                .start()) {
            assertThat(simulator.port()).isPositive();
            assertThat(simulator.token()).contains("t0k3n");
            assertThat(simulator.stateFile()).isEmpty();
        }
    }

    @Test
    @DisplayName("a bad port is reported with its value and the rule, worded as the server words it")
    void badPort() {
        assertThatThrownBy(() -> Main.fromEnvironment(Map.of("BAKONG_SIMULATOR_PORT", "nine")::get))
                .hasMessage(
                        "Bakong simulator configuration: BAKONG_SIMULATOR_PORT was 'nine' but it must be a whole number"
                                + " from 0 to 65535 (0 picks a free port)");
    }

    @Test
    @DisplayName("every bad setting is reported at once, the control token never")
    void allAtOnce() {
        assertThatThrownBy(() -> Main.fromEnvironment(Map.of(
                        "BAKONG_SIMULATOR_PORT",
                        "70000",
                        "BAKONG_SIMULATOR_HOST",
                        "a b",
                        "BAKONG_SIMULATOR_CONTROL_TOKEN",
                        "s3cret")::get))
                .hasMessageStartingWith("Bakong simulator configuration has 2 problems:")
                .hasMessageContaining("BAKONG_SIMULATOR_PORT was '70000' but it must be a whole number from 0 to 65535")
                .hasMessageContaining(
                        "BAKONG_SIMULATOR_HOST was 'a b' but it must be an interface address such as 127.0.0.1")
                .message()
                .doesNotContain("s3cret");
    }

    @Test
    @DisplayName("it listens on 127.0.0.1 by default, and a control token is off")
    void loopbackByDefault() {
        try (BakongSimulator simulator = Main.fromEnvironment(Map.of("BAKONG_SIMULATOR_PORT", "0")::get)
                .build()
                .start()) {
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
        try (BakongSimulator simulator = Main.fromEnvironment(Map.of(
                        "BAKONG_SIMULATOR_PORT",
                        "0",
                        "BAKONG_SIMULATOR_HOST",
                        "127.0.0.2",
                        "BAKONG_SIMULATOR_CONTROL_TOKEN",
                        " c0ntrol ")::get)
                .build()
                .start()) {
            assertThat(simulator.listenAddress())
                    .get()
                    .satisfies(address ->
                            assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.2"));
            assertThat(simulator.baseUrl()).hasToString("http://127.0.0.2:" + simulator.port());
            assertThat(simulator.controlToken()).contains("c0ntrol");
            assertThat(simulator.control().transactions()).isEmpty(); // answered on its own address, with its token
            assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", simulator.port()).close())
                    .isInstanceOf(java.net.ConnectException.class);
        }
    }

    @Test
    @DisplayName("the README's table lists exactly the declared settings, each with its default")
    void readmeTable() throws java.io.IOException {
        java.util.List<String> rows = java.nio.file.Files.readAllLines(java.nio.file.Path.of("README.md")).stream()
                .filter(l -> l.startsWith("| `BAKONG_SIMULATOR_"))
                .toList();
        assertThat(rows)
                .extracting(r -> r.substring(3, r.indexOf('`', 3)))
                .containsExactlyElementsOf(Main.ALL.stream()
                        .map(dev.bakongpay.spi.settings.Setting::name)
                        .toList());
        for (int i = 0; i < rows.size(); i++) {
            Object fallback = Main.ALL.get(i).fallback();
            String defaultCell = rows.get(i).split("\\|")[2].strip();
            assertThat(defaultCell)
                    .as(Main.ALL.get(i).name())
                    .startsWith(fallback == null ? "none" : "`" + fallback + "`");
        }
    }
}
