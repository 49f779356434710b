package dev.bakongpay.sdk.php;

import dev.bakongpay.testsupport.ExternalProgram;
import dev.bakongpay.testsupport.SdkRoundTrip;
import dev.bakongpay.testsupport.SdkSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the PHP SDK against a sandbox (e2e/sandbox_flow.php)")
class PhpSdkIT {
    @Test
    @DisplayName("create, pay, check, lookup three ways, bulk, PNG and SVG, then 422, 401, 403 and 429 as typed errors")
    void paymentRoundTrip() throws Exception {
        try (SdkSandbox sandbox = SdkSandbox.start("php-sdk")) {
            SdkRoundTrip.assertPassed(ExternalProgram.run(
                    List.of(System.getProperty("php", "php"), "e2e/sandbox_flow.php"),
                    Path.of("."),
                    sandbox.programEnv(),
                    Duration.ofMinutes(2)));
        }
    }
}
