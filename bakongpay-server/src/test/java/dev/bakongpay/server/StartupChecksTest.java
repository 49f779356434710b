package dev.bakongpay.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.server.config.ServerSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up problems an operator meets first, each told in one line that says what to do. */
@DisplayName("start-up checks")
class StartupChecksTest {
    static final String CREATE_KEY = "keys create --plan PRO --label \"Shop A\"";

    @TempDir
    Path dataDir;

    ServerMain.RunningServer running;

    @AfterEach
    void stop() {
        if (running != null) running.stop();
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    @DisplayName(
            "a second server on a data folder in use exits 1 with one line naming the folder, and writes nothing into it")
    void dataFolderInUse() throws Exception {
        running = TestServers.start(TestServers.settings(dataDir, ServerSettings.Command.SERVE, Map.of()));
        List<String> before = files(dataDir);

        for (ServerSettings.Command command : List.of(ServerSettings.Command.SERVE, ServerSettings.Command.SANDBOX)) {
            TestServers.Printed out = new TestServers.Printed();
            TestServers.Printed err = new TestServers.Printed();
            ServerMain.Launch second =
                    ServerMain.launch(TestServers.settings(dataDir, command, Map.of()), out.stream, err.stream);
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.server()).isNull();
            assertThat(lines(err.text()))
                    .singleElement()
                    .satisfies(
                            l -> assertThat(l)
                                    .isEqualTo(
                                            "bakongpay-server: the data folder "
                                                    + dataDir.toAbsolutePath().normalize() + " is in use by another"
                                                    + " BakongPay server; stop that one first, or give this one its own folder with BAKONGPAY_DATA_DIR"));
            assertThat(out.text()).isEmpty();
        }
        assertThat(files(dataDir))
                .isEqualTo(before)
                .noneMatch(f -> f.endsWith(".trace.db"))
                .doesNotContain(SandboxKeys.FILE, "simulator-state.json");
    }

    @Test
    @DisplayName("the data folder is free again once the first server stopped")
    void freedOnStop() {
        running = TestServers.start(TestServers.settings(dataDir, ServerSettings.Command.SERVE, Map.of()));
        running.stop();
        running = TestServers.start(TestServers.settings(dataDir, ServerSettings.Command.SERVE, Map.of()));
    }

    @Test
    @DisplayName("a port in use: exit 1 with one line naming host:port and BAKONGPAY_PORT, before the store is opened")
    void portInUse() throws Exception {
        try (ServerSocket taken = takenPort()) {
            assertThat(onlyLineOfFailedServe(Map.of("BAKONGPAY_PORT", Integer.toString(taken.getLocalPort()))))
                    .isEqualTo(
                            "bakongpay-server: 127.0.0.1:" + taken.getLocalPort()
                                    + " is already in use; stop what listens there or set BAKONGPAY_PORT to a free port (0 picks one)");
            assertThat(files(dataDir)).noneMatch(f -> f.startsWith("bakongpay.") && f.endsWith(".db"));
        }
    }

    @Test
    @DisplayName(
            "the management port in use: exit 1 with one line naming it (not the simulator's, which starts beside it);"
                    + " the folder serves the next start")
    void managementPortInUse() throws Exception {
        try (ServerSocket taken = takenPort()) {
            assertThat(onlyLineOfFailedServe(Map.of(
                            "BAKONGPAY_SIMULATOR_ENABLED",
                            "true",
                            "BAKONGPAY_MANAGEMENT_PORT",
                            Integer.toString(taken.getLocalPort()))))
                    .startsWith("bakongpay-server: start-up failed: the management port 127.0.0.1:"
                            + taken.getLocalPort() + " cannot be opened");
        }
        running = TestServers.start(TestServers.settings(
                dataDir, ServerSettings.Command.SERVE, Map.of("BAKONGPAY_SIMULATOR_ENABLED", "true")));
    }

    @Test
    @DisplayName(
            "the simulator's port in use: exit 1 with one line naming it and BAKONG_SIMULATOR_PORT; the store opened"
                    + " alongside is closed, so the folder serves the next start")
    void simulatorPortInUse() throws Exception {
        try (ServerSocket taken = takenPort()) {
            assertThat(onlyLineOfFailedServe(Map.of(
                            "BAKONGPAY_SIMULATOR_ENABLED",
                            "true",
                            "BAKONG_SIMULATOR_PORT",
                            Integer.toString(taken.getLocalPort()))))
                    .isEqualTo(
                            "bakongpay-server: the simulator's address 127.0.0.1:" + taken.getLocalPort()
                                    + " is already in use; stop what listens there or set BAKONG_SIMULATOR_PORT to a free port (0 picks one)");
        }
        running = TestServers.start(TestServers.settings(
                dataDir, ServerSettings.Command.SERVE, Map.of("BAKONGPAY_SIMULATOR_ENABLED", "true")));
    }

    /** A port something listens on, on 127.0.0.1. */
    private static ServerSocket takenPort() throws IOException {
        return new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    }

    /** Runs {@code serve} with {@code settings}; it must fail with exit 1 and print exactly one line, returned. */
    private String onlyLineOfFailedServe(Map<String, String> settings) {
        TestServers.Printed err = new TestServers.Printed();
        ServerMain.Launch launch = ServerMain.launch(
                TestServers.settings(dataDir, ServerSettings.Command.SERVE, settings), System.out, err.stream);
        assertThat(launch.exitCode()).isEqualTo(1);
        assertThat(lines(err.text())).hasSize(1);
        return lines(err.text()).get(0);
    }

    /** A port nothing listens on now. */
    private static int freePort() throws IOException {
        try (ServerSocket probe = takenPort()) {
            return probe.getLocalPort();
        }
    }

    @Test
    @DisplayName(
            "a store that cannot open: exit 1, and the simulator started alongside it is stopped (its port free again)")
    void storeFailureStopsTheSimulator() throws Exception {
        Path notAFolder = Files.writeString(dataDir.resolve("not-a-folder"), "x");
        int simulatorPort = freePort();
        TestServers.Printed err = new TestServers.Printed();
        ServerMain.Launch launch = ServerMain.launch(
                TestServers.settings(
                        dataDir,
                        ServerSettings.Command.SERVE,
                        Map.of(
                                "BAKONGPAY_SIMULATOR_ENABLED",
                                "true",
                                "BAKONG_SIMULATOR_PORT",
                                Integer.toString(simulatorPort),
                                "BAKONGPAY_DB_URL",
                                "jdbc:h2:file:" + notAFolder.resolve("bakongpay"))),
                System.out,
                err.stream);
        assertThat(launch.exitCode()).isEqualTo(1);
        assertThat(err.text()).startsWith("bakongpay-server: start-up failed: ");
        try (ServerSocket again = new ServerSocket(simulatorPort, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(simulatorPort);
        }
    }

    @Test
    @DisplayName(
            "serve with no API key: one WARN line saying how to create one; none once a key exists, none for the sandbox")
    void noKeyWarning() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            running = TestServers.start(TestServers.settings(dataDir, ServerSettings.Command.SERVE, Map.of()));
            assertThat(logs.errLines())
                    .filteredOn(l -> l.contains(CREATE_KEY))
                    .singleElement()
                    .satisfies(l -> assertThat(l)
                            .contains(
                                    " WARN ServerMain - BakongPay: no API key is active, so every API request gets 401.")
                            .contains("java -jar bakongpay-server-")
                            .contains(".jar " + CREATE_KEY)
                            .contains("BAKONGPAY_API_KEYS"));
            running.stop();
        }
        try (LogCapture logs = new LogCapture()) {
            running = TestServers.start(TestServers.settings(
                    dataDir,
                    ServerSettings.Command.SERVE,
                    Map.of("BAKONGPAY_API_KEYS", "bk_live_startup0000000001=PRO")));
            running.stop();
            // the key is now in the store: a restart without the setting has one too
            running = TestServers.start(TestServers.settings(dataDir, ServerSettings.Command.SERVE, Map.of()));
            running.stop();
            running = TestServers.start(
                    TestServers.settings(dataDir.resolve("sandbox"), ServerSettings.Command.SANDBOX, Map.of()));
            assertThat(logs.errLines()).noneMatch(l -> l.contains(CREATE_KEY));
        }
    }
}
