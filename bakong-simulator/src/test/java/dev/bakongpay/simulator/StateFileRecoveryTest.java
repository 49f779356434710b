package dev.bakongpay.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 14: a state file holding {@code 1e100000} made the sandbox refuse to start. */
@DisplayName("A state file the simulator cannot use is moved aside, and it starts empty")
class StateFileRecoveryTest {

    static final String PAYMENT =
            "{\"md5\":\"" + "a".repeat(32) + "\",\"status\":\"SUCCESS\",\"hash\":\"" + "b".repeat(64)
                    + "\",\"fromAccountId\":\"x@aclb\",\"toAccountId\":\"y@aclb\",\"currency\":\"USD\",\"amount\":AMOUNT,"
                    + "\"createdDateMs\":1,\"acknowledgedDateMs\":1}";

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{not json",
                "",
                "[]",
                "{\"payments\":5}",
                "{\"payments\":[null]}",
                "{\"payments\":[{\"md5\":null}]}",
                "{\"qrs\":{\"not-an-md5\":\"000201\"}}",
                "{\"payments\":[PAYMENT_1e100000]}",
                "{\"payments\":[PAYMENT_-5]}",
                "{\"payments\":[PAYMENT_HUGE_PLAIN]}"
            })
    @DisplayName(
            "corrupt JSON, a wrong shape or an amount it refuses: renamed with a timestamp, one WARN line, an empty start")
    void movedAside(String content, @TempDir Path dir) throws Exception {
        String text = content.replace("PAYMENT_1e100000", PAYMENT.replace("AMOUNT", "1e100000"))
                .replace("PAYMENT_-5", PAYMENT.replace("AMOUNT", "-5"))
                .replace("PAYMENT_HUGE_PLAIN", PAYMENT.replace("AMOUNT", "1" + "0".repeat(5000)));
        Path file = dir.resolve("simulator-state.json");
        Files.writeString(file, text);

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        BakongSimulator simulator;
        try {
            simulator =
                    BakongSimulator.builder().port(0).stateFile(file).build().start();
        } finally {
            System.setErr(stderr);
        }
        try (simulator) {
            assertThat(simulator.control().transactions()).isEmpty();
            List<Path> aside;
            try (Stream<Path> files = Files.list(dir)) {
                aside = files.filter(p -> p.getFileName().toString().startsWith("simulator-state.json.unreadable-"))
                        .toList();
            }
            assertThat(aside).hasSize(1);
            assertThat(Files.readString(aside.get(0))).isEqualTo(text);
            assertThat(aside.get(0).getFileName().toString())
                    .matches("simulator-state\\.json\\.unreadable-\\d{8}T\\d{6}\\.\\d{3}Z");
            List<String> warnings = log.toString(StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> l.contains("state file"))
                    .toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0))
                    .contains(
                            "WARN", file.toString(), "moved it to", aside.get(0).toString(), "started empty");

            // it carries on as usual: pays, and saves a fresh file
            simulator.control().pay(TestQrs.coffee(Instant.now()));
        }
        try (BakongSimulator again =
                BakongSimulator.builder().port(0).stateFile(file).build().start()) {
            assertThat(again.control().transactions()).hasSize(1);
        }
    }
}
