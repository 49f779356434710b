package dev.bakongpay.simulator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        BakongSimulator simulator;
        try {
            simulator = fromEnvironment(System::getenv).build();
        } catch (IllegalArgumentException e) {
            System.err.println("bakong-simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        simulator.start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop, "bakong-simulator-stop"));
        LOG.info("Bakong simulator serving NBC's Open API at {}/v1/ ; mock bank app at {}/", simulator.baseUrl(), simulator.baseUrl());
        LOG.info(simulator.token().isPresent()
                ? "Fixed token set by BAKONG_SIMULATOR_TOKEN; renew_token issues more"
                : "No BAKONG_SIMULATOR_TOKEN: get a token with POST /v1/renew_token {\"email\":\"you@example.com\"}");
        simulator.stateFile().ifPresent(file -> LOG.info("State kept in {}", file));
        if (!loopback(simulator.host()) && simulator.controlToken().isEmpty()) {
            LOG.warn("Listening on {}: anyone who reaches this address can pay, reset and inject faults;"
                    + " set BAKONG_SIMULATOR_CONTROL_TOKEN to require a token on the control API", simulator.host());
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

    /** Reads every setting and reports every bad one at once. */
    static BakongSimulator.Builder fromEnvironment(Function<String, String> env) {
        BakongSimulator.Builder builder = BakongSimulator.builder();
        List<String> problems = new ArrayList<>();
        String port = env.apply("BAKONG_SIMULATOR_PORT");
        if (port != null && !port.isBlank()) {
            try {
                builder.port(Integer.parseInt(port.trim()));
            } catch (IllegalArgumentException e) {
                problems.add("BAKONG_SIMULATOR_PORT was '" + port + "' but it must be a port number 0..65535");
            }
        }
        String host = env.apply("BAKONG_SIMULATOR_HOST");
        if (host != null && !host.isBlank()) {
            builder.host(host.trim());
        }
        builder.token(env.apply("BAKONG_SIMULATOR_TOKEN"));
        builder.controlToken(env.apply("BAKONG_SIMULATOR_CONTROL_TOKEN"));
        String state = env.apply("BAKONG_SIMULATOR_STATE_FILE");
        if (state != null && !state.isBlank()) {
            try {
                builder.stateFile(Path.of(state.trim()));
            } catch (IllegalArgumentException e) {
                problems.add("BAKONG_SIMULATOR_STATE_FILE was '" + state + "' but it is not a usable path");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return builder;
    }

}
