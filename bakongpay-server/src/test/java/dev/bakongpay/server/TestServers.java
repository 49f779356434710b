package dev.bakongpay.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ServerSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code serve} or {@code sandbox} as {@link ServerMain} launches it, in this JVM, on free ports and a temp folder. */
final class TestServers {
    private TestServers() {}

    static ServerSettings settings(Path dataDir, ServerSettings.Command command, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of(
                "BAKONGPAY_PORT",
                "0",
                "BAKONGPAY_HOST",
                "127.0.0.1",
                "BAKONG_SIMULATOR_PORT",
                "0",
                "BAKONGPAY_DATA_DIR",
                dataDir.toString(),
                "BAKONGPAY_RECONCILE_SECONDS",
                "0"));
        all.putAll(env);
        return ServerSettings.read(ConfigLookup.builder().environment(all).build(), command);
    }

    /** A started server; fails with what it printed when it did not start. */
    static ServerMain.RunningServer start(ServerSettings settings) {
        Printed printed = new Printed();
        ServerMain.Launch launch = ServerMain.launch(settings, printed.stream, printed.stream);
        assertThat(launch.server()).as("started; printed:\n%s", printed.text()).isNotNull();
        return launch.server();
    }

    /** What a launch prints to one stream, kept for assertions. */
    static final class Printed {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
