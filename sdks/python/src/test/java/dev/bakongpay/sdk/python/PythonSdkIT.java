package dev.bakongpay.sdk.python;

import dev.bakongpay.testsupport.ExternalProgram;
import dev.bakongpay.testsupport.SdkRoundTrip;
import dev.bakongpay.testsupport.SdkSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the Python SDK against a sandbox (e2e/sandbox_flow.py)")
class PythonSdkIT {
    @Test
    @DisplayName("create, pay, check, lookup three ways, bulk, PNG and SVG, then 422, 401, 403 and 429 as typed errors")
    void paymentRoundTrip() throws Exception {
        try (SdkSandbox sandbox = SdkSandbox.start("python-sdk")) {
            Map<String, String> environment = new HashMap<>(sandbox.programEnv());
            environment.put(
                    "PYTHONPATH", Path.of(".").toAbsolutePath().normalize().toString());
            environment.put("PYTHONDONTWRITEBYTECODE", "1");
            SdkRoundTrip.assertPassed(ExternalProgram.run(
                    List.of(System.getProperty("python3", "python3"), "e2e/sandbox_flow.py"),
                    Path.of("."),
                    environment,
                    Duration.ofMinutes(2)));
        }
    }
}
