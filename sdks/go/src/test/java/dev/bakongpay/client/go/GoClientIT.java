package dev.bakongpay.client.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.testsupport.ExternalProgram;
import dev.bakongpay.testsupport.SdkSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Go module built by this module (target/go-module), under go test, against the packaged server's sandbox. */
class GoClientIT {
    @Test
    void the_module_takes_a_payment_in_the_sandbox() throws Exception {
        Path module = Path.of(System.getProperty("go.module", "target/go-module"));
        try (SdkSandbox sandbox = SdkSandbox.start("go-sdk")) {
            ExternalProgram.Result run = ExternalProgram.run(
                    List.of("go", "test", "-tags", "e2e", "-count=1", "-v", "./e2e/"),
                    module,
                    sandbox.programEnv(),
                    Duration.ofMinutes(3));

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output())
                    .contains(
                            "--- PASS: TestPaymentFromCreateToLookup",
                            "--- PASS: TestRendersPNGAndSVG",
                            "--- PASS: TestErrorsAreTyped")
                    .doesNotContain("--- FAIL");
        }
    }
}
