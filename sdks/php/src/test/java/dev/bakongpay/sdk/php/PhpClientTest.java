package dev.bakongpay.sdk.php;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.testsupport.ExternalProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the PHP SDK: generated client and hand layer")
class PhpClientTest {
    private static final String PHP = System.getProperty("php", "php");

    @Test
    @DisplayName("php -l passes on every file, the generated ones (target/generated-php) included")
    void everyFileLints() throws Exception {
        List<Path> files = new ArrayList<>(List.of(Path.of("autoload.php")));
        for (String dir : List.of("target/generated-php/lib", "src", "tests", "e2e")) {
            try (Stream<Path> all = Files.walk(Path.of(dir))) {
                all.filter(p -> p.toString().endsWith(".php")).forEach(files::add);
            }
        }
        assertThat(files)
                .as("the generated client is there")
                .anyMatch(p -> p.endsWith("PaymentsApi.php"))
                .anyMatch(p -> p.endsWith("Transaction.php"));
        for (Path file : files) {
            ExternalProgram.Result lint = ExternalProgram.run(
                    List.of(PHP, "-l", file.toString()), Path.of("."), Map.of(), Duration.ofSeconds(30));
            assertThat(lint.exitCode()).as(lint.output()).isZero();
        }
    }

    @Test
    @DisplayName(
            "tests/run.php passes: Bearer key, Idempotency-Key, typed errors, 429 retry, the shared webhook vectors")
    void phpTestsPass() throws Exception {
        ExternalProgram.Result run =
                ExternalProgram.run(List.of(PHP, "tests/run.php"), Path.of("."), Map.of(), Duration.ofMinutes(1));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("ok WebhookSignatureTest: every shared vector")
                .contains("ok ClientTest: a 429 is retried after its Retry-After")
                .contains("failures: 0");
    }
}
