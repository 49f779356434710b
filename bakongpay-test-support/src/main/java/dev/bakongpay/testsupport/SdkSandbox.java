package dev.bakongpay.testsupport;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@link SdkRoundTrip} sandbox as a child JVM: the packaged server JAR's {@code sandbox}
 * ({@link ServerNode}), for SDK tests that would rather not load the server into their own JVM.
 * The program of another language gets {@link #programEnv()} and runs with {@link ExternalProgram}.
 */
public final class SdkSandbox implements AutoCloseable {
    private final ServerNode node;

    private SdkSandbox(ServerNode node) {
        this.node = node;
    }

    /** Starts it in a new folder under {@code target/}, its log in {@code target/it-logs/NAME.log}. */
    public static SdkSandbox start(String name) throws IOException, InterruptedException {
        Path target = Path.of("target");
        Files.createDirectories(target);
        Path workDir = Files.createTempDirectory(target, name + "-");
        return new SdkSandbox(ServerNode.sandbox(name, workDir, SdkRoundTrip.sandboxSettings(workDir.resolve("data"))));
    }

    /** Where the API is: {@code http://127.0.0.1:PORT}, without {@code /api/v1}. */
    public String apiUrl() {
        return node.url();
    }

    /** The sandbox's Bakong simulator, whose control API pays a QR ({@code POST /simulator/payments}). */
    public String simulatorUrl() {
        return node.sandboxSimulatorUrl();
    }

    /** {@link SdkRoundTrip#programEnvironment} for this sandbox. */
    public Map<String, String> programEnv() {
        return SdkRoundTrip.programEnvironment(URI.create(apiUrl()), URI.create(simulatorUrl()));
    }

    @Override
    public void close() throws InterruptedException {
        node.close();
    }
}
