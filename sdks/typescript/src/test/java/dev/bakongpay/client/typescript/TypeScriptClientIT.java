package dev.bakongpay.client.typescript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.testsupport.ExternalProgram;
import dev.bakongpay.testsupport.SdkSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The npm package built by this module, under node, against the packaged server's sandbox. */
class TypeScriptClientIT {
    @Test
    void the_package_takes_a_payment_in_the_sandbox() throws Exception {
        try (SdkSandbox sandbox = SdkSandbox.start("typescript-sdk")) {
            ExternalProgram.Result run = ExternalProgram.run(
                    List.of("node", "--test", "--test-reporter=tap", "e2e/sandbox.test.js"),
                    Path.of("."),
                    sandbox.programEnv(),
                    Duration.ofMinutes(2));

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("# pass 3", "# fail 0");
        }
    }
}
