package dev.bakongpay.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The packaged server's {@code sandbox} as the client SDKs' end-to-end tests need it: a FREE key whose
 * allowance ({@value #FREE_LIMIT}) runs out after a few calls, so a 429 comes at once, and a PRO key
 * with the default allowance; "not paid yet" is not cached, so a check right after paying in the
 * simulator sees the payment. A test in another language gets the URLs and keys through
 * {@link #programEnv()} and runs as a child process ({@link ExternalProgram}).
 */
public final class SdkSandbox implements AutoCloseable {
    public static final String FREE_KEY = "bk_test_sdk_free_key_0001";
    public static final String PRO_KEY = "bk_test_sdk_pro_key_0001";
    static final String FREE_LIMIT = "FREE=3/h";

    private final ServerNode node;

    private SdkSandbox(ServerNode node) {
        this.node = node;
    }

    /** Starts a sandbox in a new folder under {@code target/}, its log in {@code target/it-logs/NAME.log}. */
    public static SdkSandbox start(String name) throws IOException, InterruptedException {
        Path target = Path.of("target");
        Files.createDirectories(target);
        Path workDir = Files.createTempDirectory(target, name + "-");
        return new SdkSandbox(ServerNode.sandbox(
                name,
                workDir,
                Map.of(
                        "BAKONGPAY_API_KEYS", FREE_KEY + "=FREE," + PRO_KEY + "=PRO",
                        "BAKONGPAY_RATE_LIMITS", FREE_LIMIT + ",PRO=600/m",
                        // a check right after paying sees the payment, as the tests expect
                        "BAKONGPAY_PENDING_CACHE_MILLIS", "0")));
    }

    /** Where the API is: {@code http://127.0.0.1:PORT}, without {@code /api/v1}. */
    public String apiUrl() {
        return node.url();
    }

    /** The sandbox's Bakong simulator, whose control API pays a QR ({@code POST /simulator/payments}). */
    public String simulatorUrl() {
        return node.sandboxSimulatorUrl();
    }

    /**
     * What a test program in another language reads: {@code BAKONGPAY_URL} (without {@code /api/v1}),
     * {@code BAKONG_SIMULATOR_URL}, {@code BAKONGPAY_FREE_KEY} and {@code BAKONGPAY_PRO_KEY}.
     */
    public Map<String, String> programEnv() {
        return Map.of(
                "BAKONGPAY_URL",
                apiUrl(),
                "BAKONG_SIMULATOR_URL",
                simulatorUrl(),
                "BAKONGPAY_FREE_KEY",
                FREE_KEY,
                "BAKONGPAY_PRO_KEY",
                PRO_KEY);
    }

    @Override
    public void close() throws InterruptedException {
        node.close();
    }
}
