package dev.bakongpay.server.runtime;

import dev.bakongpay.simulator.BakongSimulator;
import java.net.URI;
import java.nio.file.Path;

/**
 * The Bakong simulator inside the server process, for {@code bk_test_} keys. The only class that
 * touches the simulator module, so that a WAR built without it never loads its classes.
 */
final class EmbeddedSimulator implements AutoCloseable {
    private final BakongSimulator simulator;

    private EmbeddedSimulator(BakongSimulator simulator) {
        this.simulator = simulator;
    }

    static boolean available() {
        try {
            Class.forName("dev.bakongpay.simulator.BakongSimulator", false, EmbeddedSimulator.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Starts it on {@code host:port} (127.0.0.1 unless {@code BAKONG_SIMULATOR_HOST} says otherwise: never
     * the API's host), keeping payments in {@code stateFile} across restarts; {@code controlToken} (null
     * for none) guards its control API.
     */
    static EmbeddedSimulator start(String host, int port, String token, String controlToken, Path stateFile) {
        BakongSimulator simulator = BakongSimulator.builder()
                .host(host)
                .port(port)
                .token(token)
                .controlToken(controlToken)
                .stateFile(stateFile)
                .build();
        simulator.start();
        return new EmbeddedSimulator(simulator);
    }

    URI baseUrl() {
        return simulator.baseUrl();
    }

    java.net.InetSocketAddress listenAddress() {
        return simulator.listenAddress().orElse(null);
    }

    @Override
    public void close() {
        simulator.stop();
    }
}
