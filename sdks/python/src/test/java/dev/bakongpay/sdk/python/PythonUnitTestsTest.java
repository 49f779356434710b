package dev.bakongpay.sdk.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.testsupport.ExternalProgram;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the Python SDK's own tests (python3 -m unittest)")
class PythonUnitTestsTest {
    @Test
    @DisplayName("pass: client, typed errors and 429 retry, webhook vectors, and coverage of the OpenAPI document")
    void unittestSuitePasses() throws Exception {
        ExternalProgram.Result run = ExternalProgram.run(
                List.of(
                        System.getProperty("python3", "python3"),
                        "-m",
                        "unittest",
                        "discover",
                        "-s",
                        "tests",
                        "-t",
                        ".",
                        "-v"),
                Path.of("."),
                Map.of("PYTHONDONTWRITEBYTECODE", "1"),
                Duration.ofMinutes(2));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .containsPattern("test_every_vector_gets_its_expected_verdict .*\\.\\.\\. ok")
                .containsPattern("test_request_fields_are_exactly_the_keyword_arguments .*\\.\\.\\. ok")
                .containsPattern("Ran \\d+ tests");
    }
}
