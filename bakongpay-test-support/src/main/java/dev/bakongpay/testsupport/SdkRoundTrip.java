package dev.bakongpay.testsupport;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;

/**
 * What the SDKs' end-to-end tests (sdks/*) share: the sandbox they start (the server in-process with
 * its simulator, a PRO and a FREE test key, the FREE one limited to 3 calls an hour), the
 * environment their program reads, and the steps it must report. Each SDK's program prints one
 * {@code ok <step>} line per step and {@code all steps passed} last.
 */
public final class SdkRoundTrip {
    public static final String PRO_KEY = "bk_test_sdkroundtrip00000pro1";
    public static final String FREE_KEY = "bk_test_sdkroundtrip0000free1";

    private SdkRoundTrip() {}

    /** The server settings (BAKONGPAY_* names) of the sandbox, its data in {@code dataDir}. */
    public static Map<String, String> sandboxSettings(Path dataDir) {
        return Map.of(
                "BAKONGPAY_PORT", "0",
                "BAKONGPAY_HOST", "127.0.0.1",
                "BAKONG_SIMULATOR_PORT", "0",
                "BAKONGPAY_DATA_DIR", dataDir.toString(),
                "BAKONGPAY_SIMULATOR_ENABLED", "true",
                "BAKONGPAY_RECONCILE_SECONDS", "0",
                "BAKONGPAY_API_KEYS", PRO_KEY + "=PRO," + FREE_KEY + "=FREE",
                // the FREE key runs out after a few calls, so the program meets a 429
                "BAKONGPAY_RATE_LIMITS", "FREE=3/h",
                // a check right after paying in the simulator sees the payment
                "BAKONGPAY_PENDING_CACHE_MILLIS", "0");
    }

    /** The program's environment: the server's URL (without {@code /api/v1}), the keys and the simulator to pay in. */
    public static Map<String, String> programEnvironment(URI server, URI simulator) {
        return Map.of(
                "BAKONGPAY_URL",
                server.toString(),
                "BAKONGPAY_PRO_KEY",
                PRO_KEY,
                "BAKONGPAY_FREE_KEY",
                FREE_KEY,
                "BAKONG_SIMULATOR_URL",
                simulator.toString());
    }

    /** The steps every SDK's program reports, in this order, then "all steps passed". */
    public static final List<String> STEPS = List.of(
            "create",
            "pay in the simulator",
            "check SUCCESS",
            "lookup by transactionId",
            "lookup by md5",
            "lookup by hash",
            "bulk (PRO key)",
            "render PNG bytes",
            "render SVG",
            "422 as ValidationError",
            "401 as AuthenticationError",
            "429 as RateLimitError");

    /** The program ended with 0 after every step of the round trip. */
    public static void assertPassed(ExternalProgram.Result run) {
        Assertions.assertEquals(0, run.exitCode(), () -> "exit code; the program printed:\n" + run.output());
        for (String step : STEPS) {
            Assertions.assertTrue(
                    run.output().contains("ok " + step + "\n"), () -> "no 'ok " + step + "' in:\n" + run.output());
        }
        Assertions.assertTrue(run.output().endsWith("all steps passed\n"), run::output);
    }
}
