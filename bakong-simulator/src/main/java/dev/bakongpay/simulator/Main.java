package dev.bakongpay.simulator;

import dev.bakongpay.spi.settings.Parsers;
import dev.bakongpay.spi.settings.Problems;
import dev.bakongpay.spi.settings.Setting;
import dev.bakongpay.spi.settings.SettingsException;
import java.nio.file.Path;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar bakong-simulator.jar}: the simulator as a standalone server. Configuration
 * comes from the environment: {@code BAKONG_SIMULATOR_PORT} (default 9090),
 * {@code BAKONG_SIMULATOR_HOST} (default 127.0.0.1), {@code BAKONG_SIMULATOR_TOKEN} (a fixed
 * token; else only renew_token's tokens work), {@code BAKONG_SIMULATOR_CONTROL_TOKEN} (a Bearer
 * token the control API requires), {@code BAKONG_SIMULATOR_STATE_FILE} (keep state across restarts).
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        BakongSimulator simulator;
        try {
            simulator = fromEnvironment(System::getenv).build();
        } catch (SettingsException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        simulator.start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop, "bakong-simulator-stop"));
        LOG.info(
                "Bakong simulator serving NBC's Open API at {}/v1/ ; mock bank app at {}/",
                simulator.baseUrl(),
                simulator.baseUrl());
        LOG.info(
                simulator.token().isPresent()
                        ? "Fixed token set by BAKONG_SIMULATOR_TOKEN; renew_token issues more"
                        : "No BAKONG_SIMULATOR_TOKEN: get a token with POST /v1/renew_token {\"email\":\"you@example.com\"}");
        simulator.stateFile().ifPresent(file -> LOG.info("State kept in {}", file));
        if (!loopback(simulator.host()) && simulator.controlToken().isEmpty()) {
            LOG.warn(
                    "Listening on {}: anyone who reaches this address can pay, reset and inject faults;"
                            + " set BAKONG_SIMULATOR_CONTROL_TOKEN to require a token on the control API",
                    simulator.host());
        }
        Thread.currentThread().join();
    }

    static boolean loopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
    }

    /** The standalone simulator's settings, each declared once. */
    static final Setting<Integer> PORT = Setting.of("BAKONG_SIMULATOR_PORT", Parsers.port(), 9090);

    static final Setting<String> HOST = Setting.of("BAKONG_SIMULATOR_HOST", Parsers.host(), "127.0.0.1");
    static final Setting<String> TOKEN = Setting.text("BAKONG_SIMULATOR_TOKEN").asSecret();
    static final Setting<String> CONTROL_TOKEN =
            Setting.text("BAKONG_SIMULATOR_CONTROL_TOKEN").asSecret();
    static final Setting<Path> STATE_FILE = Setting.of("BAKONG_SIMULATOR_STATE_FILE", Parsers.path(), null);
    /** In the order of the README's table, which {@code MainTest} holds to this list. */
    static final java.util.List<Setting<?>> ALL = java.util.List.of(PORT, HOST, TOKEN, CONTROL_TOKEN, STATE_FILE);

    /** Reads every setting and reports every bad one at once ({@link SettingsException}). */
    static BakongSimulator.Builder fromEnvironment(Function<String, String> env) {
        Problems problems = new Problems(env);
        BakongSimulator.Builder builder = BakongSimulator.builder()
                .port(problems.read(PORT))
                .host(problems.read(HOST))
                .token(problems.read(TOKEN))
                .controlToken(problems.read(CONTROL_TOKEN));
        Path state = problems.read(STATE_FILE);
        if (state != null) builder.stateFile(state);
        problems.throwIfAny("Bakong simulator configuration");
        return builder;
    }
}
