package dev.bakongpay.sdk.php;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.server.EmbeddedJetty;
import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.runtime.ServerRuntime;
import dev.bakongpay.testsupport.ExternalProgram;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the PHP SDK against a sandbox (e2e/sandbox_flow.php)")
class PhpSdkIT {
    private static final String PRO_KEY = "bk_test_sdkphp0000000000pro01";
    private static final String FREE_KEY = "bk_test_sdkphp000000000free01";

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("create, pay, check, lookup three ways, bulk, PNG and SVG, then 422, 401, 403 and 429 as typed errors")
    void paymentRoundTrip() throws Exception {
        // the sandbox in this JVM: the API on a free port, the embedded simulator for the test keys
        Map<String, String> sandbox = Map.of(
                "BAKONGPAY_PORT", "0",
                "BAKONGPAY_HOST", "127.0.0.1",
                "BAKONG_SIMULATOR_PORT", "0",
                "BAKONGPAY_DATA_DIR", dataDir.toString(),
                "BAKONGPAY_SIMULATOR_ENABLED", "true",
                "BAKONGPAY_RECONCILE_SECONDS", "0",
                "BAKONGPAY_API_KEYS", PRO_KEY + "=PRO," + FREE_KEY + "=FREE",
                // a FREE key runs out after a few calls, so the program meets a 429
                "BAKONGPAY_RATE_LIMITS", "FREE=3/m");
        ServerSettings settings =
                ServerSettings.read(ConfigLookup.builder().environment(sandbox).build(), ServerSettings.Command.SERVE);
        try (ServerRuntime runtime = ServerRuntime.open(settings, Clock.systemUTC());
                EmbeddedJetty jetty = EmbeddedJetty.start(runtime)) {
            ExternalProgram.Result run = ExternalProgram.run(
                    List.of(System.getProperty("php", "php"), "e2e/sandbox_flow.php"),
                    Path.of("."),
                    Map.of(
                            "BAKONGPAY_URL",
                            jetty.localUrl() + "/api/v1",
                            "BAKONGPAY_PRO_KEY",
                            PRO_KEY,
                            "BAKONGPAY_FREE_KEY",
                            FREE_KEY,
                            "BAKONG_SIMULATOR_URL",
                            runtime.embeddedSimulatorUrl().orElseThrow().toString()),
                    Duration.ofMinutes(2));
            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output())
                    .contains("ok check SUCCESS", "ok lookup by hash", "ok bulk (PRO key)", "ok render SVG")
                    .contains("ok 422 as ValidationError", "ok 401 as AuthenticationError", "ok 429 as RateLimitError")
                    .contains("all steps passed");
        }
    }
}
