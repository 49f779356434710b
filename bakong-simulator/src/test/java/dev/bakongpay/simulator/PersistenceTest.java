package dev.bakongpay.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("With a state file, the simulator remembers across restarts")
class PersistenceTest {

    @Test
    @DisplayName("payments, seen QRs, accounts and issued tokens survive a restart; no temporary file is left behind")
    void survivesRestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state").resolve("simulator.json");
        String qr = TestQrs.coffee(Instant.now());
        String seenOnly = TestQrs.coffee(Instant.now());
        SimulatedPayment paid;
        String token;
        try (BakongSimulator first =
                BakongSimulator.builder().port(0).stateFile(file).build().start()) {
            paid = first.control().pay(qr);
            first.control().submitQr(seenOnly);
            first.control().registerAccount("dara@aclb");
            token = io.restassured.RestAssured.given()
                    .baseUri(first.baseUrl().toString())
                    .contentType("application/json")
                    .body(Map.of("email", "dev@shop.example"))
                    .post("/v1/renew_token")
                    .then()
                    .extract()
                    .path("data.token");
        }
        assertThat(file).exists();
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
        try (BakongSimulator second =
                BakongSimulator.builder().port(0).stateFile(file).build().start()) {
            assertThat(second.control().transactions()).containsExactly(paid);
            assertThat(second.control().payMd5(TestQrs.md5(seenOnly)).status()).isEqualTo("SUCCESS");
            io.restassured.RestAssured.given()
                    .baseUri(second.baseUrl().toString())
                    .contentType("application/json")
                    .header("Authorization", "Bearer " + token)
                    .body(Map.of("accountId", "dara@aclb"))
                    .post("/v1/check_bakong_account")
                    .then()
                    .statusCode(200)
                    .body("responseCode", org.hamcrest.Matchers.equalTo(0));
        }
    }

    @Test
    @DisplayName("payments made by concurrent threads are all in the file after a restart")
    void concurrentWritesAllKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("simulator.json");
        int threads = 4;
        int each = 10;
        try (BakongSimulator first =
                BakongSimulator.builder().port(0).stateFile(file).build().start()) {
            SimulatorControl control = first.control();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                java.util.List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    work.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            control.pay(TestQrs.coffee(Instant.now()));
                        }
                    }));
                }
                for (java.util.concurrent.Future<?> f : work) {
                    f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        try (BakongSimulator second =
                BakongSimulator.builder().port(0).stateFile(file).build().start()) {
            assertThat(second.control().transactions()).hasSize(threads * each);
        }
    }

    @Test
    @DisplayName("a payment reaches the file while the simulator runs, without waiting for a stop")
    void savedWhileRunning(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("simulator.json");
        try (BakongSimulator simulator =
                BakongSimulator.builder().port(0).stateFile(file).build().start()) {
            SimulatedPayment paid = simulator.control().pay(TestQrs.coffee(Instant.now()));
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> Files.exists(file) && Files.readString(file).contains(paid.hash()));
        }
    }
}
