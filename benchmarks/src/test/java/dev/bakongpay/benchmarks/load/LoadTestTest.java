package dev.bakongpay.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the load tool for a second or two against {@link ApiStub}. Asserts counts, statuses and the
 * ordering of percentiles, never absolute timings, which depend on the machine.
 */
class LoadTestTest {

    private ApiStub stub;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        stub = new ApiStub();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private LoadReport run(String... extra) throws InterruptedException {
        String[] base = {"--url", stub.url(), "--key", ApiStub.KEY, "--connections", "4", "--pool", "100"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return LoadTest.run(LoadOptions.parse(args), new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void mixedRunWithFinalChecksReportsEveryOperation() throws Exception {
        stub.pendingChecksAfterPayment = 2;
        LoadReport report = run(
                "--scenario",
                "mixed",
                "--duration",
                "2s",
                "--warmup",
                "300ms",
                "--check-final",
                "--simulator",
                stub.url());

        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("100 of 100 SUCCESS after 3 round(s) of checks")
                .contains("100 created, 100 paid in the simulator, 100 SUCCESS when checked through the server");
        assertThat(report.operations()).containsExactly("create", "check-md5", "check-bulk");
        assertThat(report.stopReason()).isEqualTo("duration reached");
        assertThat(report.measuredSeconds()).isBetween(1.5, 10.0);
        for (String operation : report.operations()) {
            assertThat(report.requests(operation)).as(operation).isPositive();
            assertThat(report.failures(operation)).as(operation).isZero();
            assertThat(report.statusCounts(operation))
                    .as(operation)
                    .containsExactly(Map.entry("200", report.requests(operation)));
            assertThat(report.requestsPerSecond(operation)).isPositive();
            double p50 = report.percentileMillis(operation, 50);
            double p90 = report.percentileMillis(operation, 90);
            double p99 = report.percentileMillis(operation, 99);
            assertThat(p50).isPositive().isLessThanOrEqualTo(p90);
            assertThat(p90).isLessThanOrEqualTo(p99);
            assertThat(p99).isLessThanOrEqualTo(report.maxMillis(operation) * 1.001);
        }
        // warm-up requests reach the server but are not reported; setup made 100 creates, 300 checks
        assertThat(stub.calls("/api/v1/khqr/create") - 100).isGreaterThanOrEqualTo(report.requests("create"));
        assertThat(stub.calls("/api/v1/check/md5") - 300).isGreaterThanOrEqualTo(report.requests("check-md5"));
        assertThat(stub.calls("/api/v1/check/bulk")).isGreaterThanOrEqualTo(report.requests("check-bulk"));
        // the mix is eight single checks for each create and each bulk check
        assertThat(report.requests("check-md5")).isGreaterThan(4 * report.requests("create"));

        assertThat(report.table()).contains("check-md5", "p99 ms", "200=");
        String[] lines = report.jsonLines().split("\\R");
        assertThat(lines)
                .hasSize(3)
                .allSatisfy(line -> assertThat(line)
                        .startsWith("{\"tool\":\"bakongpay-load\",\"scenario\":\"mixed\"")
                        .contains("\"p99Ms\":", "\"reqPerSec\":"));
    }

    @Test
    void rateLimitedAnswersAreCountedByStatusAndNotRetried() throws Exception {
        stub.rateLimitEveryNthCheck = 5;
        LoadReport report = run("--scenario", "check", "--duration", "1s", "--warmup", "0s");

        Map<String, Long> statuses = report.statusCounts("check-md5");
        assertThat(statuses).containsOnlyKeys("200", "429");
        assertThat(report.failures("check-md5")).isEqualTo(statuses.get("429"));
        assertThat(statuses.get("200") + statuses.get("429")).isEqualTo(report.requests("check-md5"));
        assertThat(report.table()).contains("hint: 429s");
    }

    @Test
    void jdkClientDrivesBulkChecksToo() throws Exception {
        LoadReport report = run("--scenario", "bulk", "--client", "jdk", "--duration", "1s", "--warmup", "0s");

        assertThat(report.operations()).containsExactly("check-bulk");
        assertThat(report.statusCounts("check-bulk")).containsOnlyKeys("200");
        assertThat(report.jsonLines()).contains("\"client\":\"jdk\"");
    }

    @Test
    void idempotencyKeysGiveEveryCreateItsOwnKeyWithEitherClient() throws Exception {
        for (String client : new String[] {"socket", "jdk"}) {
            LoadReport report = run(
                    "--scenario",
                    "create",
                    "--client",
                    client,
                    "--duration",
                    "10m",
                    "--warmup",
                    "0s",
                    "--max-requests",
                    "120",
                    "--idempotency-keys");
            assertThat(report.requests("create")).as(client).isPositive();
            assertThat(report.jsonLines()).contains("\"idempotencyKeys\":true");
            assertThat(report.table()).contains("creates with Idempotency-Key");
        }
        assertThat(stub.createsWithoutKey).hasValue(0);
        assertThat(stub.idempotencyKeys).hasSize((int) stub.calls("/api/v1/khqr/create"));

        run("--scenario", "create", "--duration", "10m", "--warmup", "0s", "--max-requests", "20");
        assertThat(stub.createsWithoutKey).hasValue(20); // off by default
    }

    @Test
    void rawScenarioPostsOneFixedBodyWithTheKeyAndBuildsNoPool() throws Exception {
        LoadReport report = run(
                "--scenario",
                "raw",
                "--path",
                "/raw",
                "--raw-body",
                "create",
                "--duration",
                "10m",
                "--warmup",
                "0s",
                "--max-requests",
                "100");

        assertThat(report.operations()).containsExactly("raw");
        // the stub answers 401 without the check scenario's Authorization header
        assertThat(report.statusCounts("raw")).containsExactly(Map.entry("200", report.requests("raw")));
        assertThat(stub.calls("/raw")).isBetween(report.requests("raw"), 100L);
        assertThat(stub.calls("/api/v1/khqr/create")).isZero();
        assertThat(stub.rawBodies)
                .singleElement()
                .asString()
                .startsWith("{\"amount\":")
                .contains("\"bakongId\"");
        assertThat(report.jsonLines()).contains("\"scenario\":\"raw\",\"operation\":\"raw\"");
    }

    @Test
    void requestCapEndsALongRunEarly() throws Exception {
        LoadReport report = run("--scenario", "create", "--duration", "10m", "--warmup", "0s", "--max-requests", "200");

        assertThat(report.stopReason()).isEqualTo("--max-requests reached");
        assertThat(report.requests("create")).isBetween(1L, 200L);
        assertThat(stub.calls("/api/v1/khqr/create")).isLessThanOrEqualTo(200);
    }

    @Test
    void md5FileReplacesThePoolSoNothingIsCreated() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("md5s", ".txt");
        try {
            java.util.List<String> md5s = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) md5s.add(String.format("%032x", i + 1));
            java.nio.file.Files.write(file, md5s);
            stub.created.addAll(md5s); // rows a store already holds: the stub answers 404 for others
            LoadReport report = run(
                    "--scenario",
                    "check",
                    "--duration",
                    "10m",
                    "--warmup",
                    "0s",
                    "--max-requests",
                    "100",
                    "--md5-file",
                    file.toString());

            assertThat(log.toString(StandardCharsets.UTF_8)).contains("pool: 60 md5s from " + file);
            assertThat(stub.calls("/api/v1/khqr/create")).isZero();
            assertThat(report.requests("check-md5")).isPositive();
            assertThat(report.failures("check-md5")).isZero();
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void poolOutWritesThePaidPoolForAnotherClientAndDrivesNoLoad() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("pool", ".txt");
        try {
            LoadTest.writePool(
                    LoadOptions.parse(
                            "--url",
                            stub.url(),
                            "--key",
                            ApiStub.KEY,
                            "--connections",
                            "4",
                            "--pool",
                            "60",
                            "--check-final",
                            "--simulator",
                            stub.url(),
                            "--pool-out",
                            file.toString()),
                    new PrintStream(log, true, StandardCharsets.UTF_8));

            java.util.List<String> written = java.nio.file.Files.readAllLines(file);
            assertThat(written).hasSize(60).doesNotHaveDuplicates().allMatch(md5 -> md5.matches("[0-9a-f]{32}"));
            assertThat(stub.created).containsAll(written);
            assertThat(log.toString(StandardCharsets.UTF_8))
                    .contains("60 created, 60 paid in the simulator, 60 SUCCESS when checked through the server")
                    .contains("60 md5s written to " + file);
            // the pool's own calls only: 60 creates, each paid md5 checked until final
            assertThat(stub.calls("/api/v1/khqr/create")).isEqualTo(60);
            assertThat(stub.calls("/api/v1/check/md5")).isEqualTo(60);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void poolOutAndMd5FileTogetherAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LoadOptions.parse(
                        "--url", stub.url(), "--key", ApiStub.KEY, "--pool-out", "a.txt", "--md5-file", "b.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give one");
    }

    @Test
    void md5FileWithSomethingElseThanMd5sFailsSetup() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("md5s", ".txt");
        try {
            java.nio.file.Files.writeString(file, "not-an-md5\n");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> run("--scenario", "check", "--duration", "1s", "--md5-file", file.toString()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'not-an-md5', not 32 lowercase hex digits");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void wrongKeyFailsSetupInsteadOfMeasuringErrors() {
        LoadOptions options = LoadOptions.parse(
                "--url",
                stub.url(),
                "--key",
                "bk_test_wrong",
                "--scenario",
                "check",
                "--pool",
                "100",
                "--connections",
                "2",
                "--duration",
                "1s");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LoadTest.run(options, new PrintStream(log)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HTTP 401");
    }

    @Test
    void deadServerStopsAtTheErrorCap() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LoadReport report = LoadTest.run(
                LoadOptions.parse(
                        "--url",
                        "http://127.0.0.1:" + closedPort,
                        "--key",
                        ApiStub.KEY,
                        "--scenario",
                        "create",
                        "--connections",
                        "2",
                        "--duration",
                        "30s",
                        "--warmup",
                        "0s",
                        "--max-errors",
                        "20"),
                new PrintStream(log));

        assertThat(report.stopReason()).isEqualTo("--max-errors reached");
        assertThat(report.statusCounts("create")).containsOnlyKeys("io");
        assertThat(report.table()).contains("last failure: create -> java.net.ConnectException");
    }
}
