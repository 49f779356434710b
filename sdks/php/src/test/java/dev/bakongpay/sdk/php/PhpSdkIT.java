package dev.bakongpay.sdk.php;

import dev.bakongpay.server.EmbeddedJetty;
import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.runtime.ServerRuntime;
import dev.bakongpay.testsupport.ExternalProgram;
import dev.bakongpay.testsupport.SdkRoundTrip;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the PHP SDK against a sandbox (e2e/sandbox_flow.php)")
class PhpSdkIT {
    @TempDir
    Path dataDir;

    @Test
    @DisplayName("create, pay, check, lookup three ways, bulk, PNG and SVG, then 422, 401, 403 and 429 as typed errors")
    void paymentRoundTrip() throws Exception {
        ServerSettings settings = ServerSettings.read(
                ConfigLookup.builder()
                        .environment(SdkRoundTrip.sandboxSettings(dataDir))
                        .build(),
                ServerSettings.Command.SERVE);
        try (ServerRuntime runtime = ServerRuntime.open(settings, Clock.systemUTC());
                EmbeddedJetty jetty = EmbeddedJetty.start(runtime)) {
            URI api = jetty.localUrl();
            URI simulator = runtime.embeddedSimulatorUrl().orElseThrow();
            SdkRoundTrip.assertPassed(ExternalProgram.run(
                    List.of(System.getProperty("php", "php"), "e2e/sandbox_flow.php"),
                    Path.of("."),
                    SdkRoundTrip.programEnvironment(api, simulator),
                    Duration.ofMinutes(2)));
        }
    }
}
