package dev.bakongpay.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.runtime.ServerRuntime;
import dev.bakongpay.simulator.SimulatorControl;
import dev.bakongpay.simulator.SimulatorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14: inside serve, the simulator bound the API's host (0.0.0.0) and ignored BAKONG_SIMULATOR_HOST. */
@DisplayName("The embedded simulator listens on this machine only unless told otherwise")
class EmbeddedSimulatorBindingTest {

    @TempDir
    Path dataDir;

    private ServerRuntime open(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "BAKONGPAY_PORT",
                "0",
                "BAKONG_SIMULATOR_PORT",
                "0",
                "BAKONGPAY_DATA_DIR",
                dataDir.toString(),
                "BAKONGPAY_SIMULATOR_ENABLED",
                "true",
                "BAKONGPAY_BAKONG_URL",
                "http://127.0.0.1:9",
                "BAKONGPAY_BAKONG_TOKEN",
                "live-token-for-tests"));
        env.putAll(extra);
        ServerSettings settings =
                ServerSettings.read(ConfigLookup.builder().environment(env).build(), ServerSettings.Command.SERVE);
        return ServerRuntime.open(settings, Clock.systemUTC());
    }

    @Test
    @DisplayName("serve, API host 0.0.0.0: the simulator is bound to 127.0.0.1")
    void loopbackByDefault() throws Exception {
        try (ServerRuntime runtime = open(Map.of())) {
            assertThat(runtime.settings().host()).isEqualTo("0.0.0.0");
            assertThat(runtime.embeddedSimulatorAddress())
                    .get()
                    .satisfies(address ->
                            assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1"));
            assertThat(SimulatorControl.connect(runtime.embeddedSimulatorUrl().orElseThrow())
                            .transactions())
                    .isEmpty();
        }
    }

    @Test
    @DisplayName("BAKONG_SIMULATOR_HOST and BAKONG_SIMULATOR_CONTROL_TOKEN are honoured")
    void honoursSettings() throws Exception {
        try (ServerRuntime runtime =
                open(Map.of("BAKONG_SIMULATOR_HOST", "127.0.0.2", "BAKONG_SIMULATOR_CONTROL_TOKEN", "ctl-token"))) {
            assertThat(runtime.embeddedSimulatorAddress())
                    .get()
                    .satisfies(address ->
                            assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.2"));
            java.net.URI url = runtime.embeddedSimulatorUrl().orElseThrow();
            assertThat(url.getHost()).isEqualTo("127.0.0.2");
            assertThatThrownBy(() -> SimulatorControl.connect(url).transactions())
                    .isInstanceOfSatisfying(
                            SimulatorException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(401));
            assertThat(SimulatorControl.connect(url, "ctl-token").transactions())
                    .isEmpty();
        }
    }

    @Test
    @DisplayName("an unreadable simulator-state.json does not stop the server from starting: it is moved aside")
    void unreadableStateFile() throws Exception {
        Path state = dataDir.resolve("simulator-state.json");
        Files.writeString(state, "{\"payments\":[{\"md5\":\"" + "a".repeat(32) + "\",\"amount\":1e100000}]}");
        try (ServerRuntime runtime = open(Map.of())) {
            assertThat(SimulatorControl.connect(runtime.embeddedSimulatorUrl().orElseThrow())
                            .transactions())
                    .isEmpty();
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("simulator-state.json.unreadable-"));
        }
    }
}
