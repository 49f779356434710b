package dev.bakongpay.core.bakong;

import static dev.bakongpay.core.bakong.BakongClientChecksTest.HASH;
import static dev.bakongpay.core.bakong.BakongClientChecksTest.MD5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("BakongClient resilience")
class BakongClientResilienceTest {

    private static final String MD5_PATH = "/v1/check_transaction_by_md5";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T00:00:00Z"));
    private NbcStandIn nbc;

    @BeforeEach
    void start() throws Exception {
        nbc = new NbcStandIn();
    }

    @AfterEach
    void stop() {
        nbc.close();
    }

    private BakongClientConfig.Builder config() {
        return BakongClientConfig.builder(nbc.baseUrl(), "test-token-123456")
                .retryBackoff(Duration.ZERO)
                .clock(clock);
    }

    @Nested
    @DisplayName("Retries")
    class Retries {

        @Test
        @DisplayName("a read is retried after 5xx answers and then succeeds")
        void retriesThenSucceeds() {
            AtomicInteger calls = new AtomicInteger();
            nbc.on(
                    MD5_PATH,
                    r -> calls.incrementAndGet() <= 2
                            ? new NbcStandIn.Reply(502, "<html>bad gateway</html>")
                            : new NbcStandIn.Reply(200, NbcStandIn.FOUND));
            BakongClient client = BakongClient.create(config().maxRetries(2).build());
            assertThat(client.checkTransactionByMd5(MD5).status()).isEqualTo(TransactionCheckResult.Status.FOUND);
            assertThat(nbc.count(MD5_PATH)).isEqualTo(3);
        }

        @Test
        @DisplayName("retries are bounded: after maxRetries the 5xx surfaces")
        void bounded() {
            nbc.answer("/v1/check_transaction_by_hash", 500, "oops");
            BakongClient client = BakongClient.create(config().maxRetries(2).build());
            assertThatThrownBy(() -> client.checkTransactionByHash(HASH))
                    .isInstanceOf(BakongUnavailableException.class);
            assertThat(nbc.count("/v1/check_transaction_by_hash")).isEqualTo(3);
        }

        @Test
        @DisplayName("a 4xx is never retried")
        void noRetryOn4xx() {
            nbc.answer(
                    MD5_PATH,
                    429,
                    "{\"responseCode\":1,\"responseMessage\":\"To many request\",\"errorCode\":null,\"data\":null}");
            BakongClient client = BakongClient.create(config().maxRetries(3).build());
            assertThatThrownBy(() -> client.checkTransactionByMd5(MD5))
                    .isInstanceOfSatisfying(
                            BakongUnavailableException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(429));
            assertThat(nbc.count(MD5_PATH)).isEqualTo(1);
        }

        @Test
        @DisplayName("a deep link request (not a read) is not retried")
        void noRetryForWrites() {
            nbc.answer("/v1/generate_deeplink_by_qr", 500, "oops");
            BakongClient client = BakongClient.create(config().maxRetries(3).build());
            assertThatThrownBy(() -> client.generateDeepLink("000201", null))
                    .isInstanceOf(BakongUnavailableException.class);
            assertThat(nbc.count("/v1/generate_deeplink_by_qr")).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("Timeouts")
    class Timeouts {

        @Test
        @DisplayName("an answer slower than the request timeout is BakongTimeoutException, and reads retry it")
        void timeout() {
            nbc.on(MD5_PATH, r -> {
                NbcStandIn.hold(nbc.release);
                return new NbcStandIn.Reply(200, NbcStandIn.FOUND);
            });
            BakongClient client = BakongClient.create(config().requestTimeout(Duration.ofMillis(150))
                    .maxRetries(1)
                    .build());
            assertThatThrownBy(() -> client.checkTransactionByMd5(MD5))
                    .isInstanceOf(BakongTimeoutException.class)
                    .hasMessageContaining("within 150 ms");
            assertThat(nbc.count(MD5_PATH)).isEqualTo(2);
        }

        @Test
        @DisplayName(
                "a held connection costs at most the deadline, however many retries are allowed; attempts are capped by what is left")
        void deadlineBoundsRetries() {
            nbc.on(MD5_PATH, r -> {
                NbcStandIn.hold(nbc.release);
                return new NbcStandIn.Reply(200, NbcStandIn.FOUND);
            });
            BakongClient client = BakongClient.create(config().requestTimeout(Duration.ofMillis(400))
                    .deadline(Duration.ofMillis(700))
                    .maxRetries(10)
                    .retryBackoff(Duration.ZERO)
                    .build());
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.checkTransactionByMd5(MD5)).isInstanceOf(BakongTimeoutException.class);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(tookMs).isBetween(600L, 700L + 1_000L);
            assertThat(nbc.count(MD5_PATH)).isBetween(1, 2); // 400 ms, then the 300 ms left; never a third attempt
        }

        @Test
        @DisplayName("5xx answers are retried only while the budget lasts, then the last failure is thrown")
        void deadlineStopsRetryingServerErrors() {
            nbc.on(MD5_PATH, r -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new NbcStandIn.Reply(503, "busy");
            });
            BakongClient client = BakongClient.create(config().deadline(Duration.ofMillis(1000))
                    .maxRetries(10)
                    .retryBackoff(Duration.ZERO)
                    .circuitFailureThreshold(50)
                    .build());
            long start = System.nanoTime();
            // the last failure: a 503, or a timeout when the budget ran out during the last attempt
            assertThatThrownBy(() -> client.checkTransactionByMd5(MD5)).isInstanceOf(UpstreamException.class);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000L + 1_000L);
            // about five 200 ms attempts fit (fewer on a busy machine), never the eleven allowed
            assertThat(nbc.count(MD5_PATH)).isBetween(1, 6);
        }
    }

    @Nested
    @DisplayName("Circuit breaker")
    class Circuit {

        @Test
        @DisplayName(
                "opens after the threshold, refuses without calling, lets one trial through after the open time, closes on success")
        void opensAndRecovers() {
            AtomicInteger mode = new AtomicInteger(500);
            nbc.on(
                    "/v1/check_transaction_by_hash",
                    r -> mode.get() == 500
                            ? new NbcStandIn.Reply(500, "down")
                            : new NbcStandIn.Reply(200, NbcStandIn.FOUND));
            BakongClient client = BakongClient.create(config().maxRetries(0)
                    .circuitFailureThreshold(2)
                    .circuitOpenDuration(Duration.ofSeconds(30))
                    .build());

            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> client.checkTransactionByHash(HASH))
                        .isInstanceOf(BakongUnavailableException.class);
            }
            assertThat(client.circuitState()).isEqualTo(BakongClient.CircuitState.OPEN);
            assertThatThrownBy(() -> client.checkTransactionByHash(HASH))
                    .isInstanceOfSatisfying(
                            CircuitOpenException.class,
                            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
            assertThat(nbc.count("/v1/check_transaction_by_hash")).isEqualTo(2);

            clock.advance(Duration.ofSeconds(30));
            assertThat(client.circuitState()).isEqualTo(BakongClient.CircuitState.HALF_OPEN);
            mode.set(200);
            assertThat(client.checkTransactionByHash(HASH).status()).isEqualTo(TransactionCheckResult.Status.FOUND);
            assertThat(client.circuitState()).isEqualTo(BakongClient.CircuitState.CLOSED);
        }

        @Test
        @DisplayName("a failed trial call opens the circuit again for a full open time")
        void failedTrialReopens() {
            nbc.answer("/v1/check_transaction_by_hash", 503, "down");
            BakongClient client = BakongClient.create(config().maxRetries(0)
                    .circuitFailureThreshold(1)
                    .circuitOpenDuration(Duration.ofSeconds(10))
                    .build());
            assertThatThrownBy(() -> client.checkTransactionByHash(HASH))
                    .isInstanceOf(BakongUnavailableException.class);
            clock.advance(Duration.ofSeconds(10));
            assertThatThrownBy(() -> client.checkTransactionByHash(HASH))
                    .isInstanceOf(BakongUnavailableException.class);
            assertThat(client.circuitState()).isEqualTo(BakongClient.CircuitState.OPEN);
            clock.advance(Duration.ofSeconds(9));
            assertThatThrownBy(() -> client.checkTransactionByHash(HASH)).isInstanceOf(CircuitOpenException.class);
            assertThat(nbc.count("/v1/check_transaction_by_hash")).isEqualTo(2);
        }

        @Test
        @DisplayName("4xx answers and not-found answers do not count as failures")
        void refusalsDoNotOpen() {
            nbc.answer(MD5_PATH, 200, NbcStandIn.NOT_FOUND);
            nbc.answer("/v1/check_transaction_by_hash", 400, "{}");
            BakongClient client = BakongClient.create(config().maxRetries(0)
                    .circuitFailureThreshold(1)
                    .pendingCacheTtl(Duration.ZERO)
                    .build());
            assertThatThrownBy(() -> client.checkTransactionByHash(HASH))
                    .isInstanceOf(BakongUnavailableException.class);
            client.checkTransactionByMd5(MD5);
            assertThat(client.circuitState()).isEqualTo(BakongClient.CircuitState.CLOSED);
        }
    }

    @Nested
    @DisplayName("Single flight and cache")
    class SingleFlight {

        @Test
        @DisplayName("100 concurrent checks of one md5 make exactly one upstream request")
        void hundredConcurrentChecks() throws Exception {
            CountDownLatch firstArrived = new CountDownLatch(1);
            CountDownLatch answer = new CountDownLatch(1);
            nbc.on(MD5_PATH, r -> {
                firstArrived.countDown();
                NbcStandIn.hold(answer);
                return new NbcStandIn.Reply(200, NbcStandIn.NOT_FOUND);
            });
            BakongClient client = BakongClient.create(config().build());
            ExecutorService pool = Executors.newFixedThreadPool(100);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<TransactionCheckResult>> results = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return client.checkTransactionByMd5(MD5);
                    }));
                }
                go.countDown();
                NbcStandIn.hold(firstArrived);
                answer.countDown();
                for (Future<TransactionCheckResult> f : results) {
                    assertThat(f.get().status()).isEqualTo(TransactionCheckResult.Status.NOT_FOUND);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(nbc.count(MD5_PATH)).isEqualTo(1);
        }

        @Test
        @DisplayName("a NOT_FOUND answer is reused for the pending TTL, then asked again")
        void pendingTtl() {
            nbc.answer(MD5_PATH, 200, NbcStandIn.NOT_FOUND);
            BakongClient client = BakongClient.create(
                    config().pendingCacheTtl(Duration.ofSeconds(3)).build());
            client.checkTransactionByMd5(MD5);
            clock.advance(Duration.ofMillis(2999));
            client.checkTransactionByMd5(MD5);
            assertThat(nbc.count(MD5_PATH)).isEqualTo(1);
            clock.advance(Duration.ofMillis(1));
            client.checkTransactionByMd5(MD5);
            assertThat(nbc.count(MD5_PATH)).isEqualTo(2);
        }

        @Test
        @DisplayName("a FOUND answer is kept for the longer final TTL")
        void finalTtl() {
            nbc.answer(MD5_PATH, 200, NbcStandIn.FOUND);
            BakongClient client = BakongClient.create(
                    config().finalCacheTtl(Duration.ofMinutes(10)).build());
            client.checkTransactionByMd5(MD5);
            clock.advance(Duration.ofMinutes(9));
            assertThat(client.checkTransactionByMd5(MD5).status()).isEqualTo(TransactionCheckResult.Status.FOUND);
            assertThat(nbc.count(MD5_PATH)).isEqualTo(1);
        }

        @Test
        @DisplayName("a failure is not cached: the next check asks again")
        void failuresNotCached() {
            AtomicInteger calls = new AtomicInteger();
            nbc.on(
                    MD5_PATH,
                    r -> calls.incrementAndGet() == 1
                            ? new NbcStandIn.Reply(500, "x")
                            : new NbcStandIn.Reply(200, NbcStandIn.NOT_FOUND));
            BakongClient client = BakongClient.create(config().maxRetries(0).build());
            assertThatThrownBy(() -> client.checkTransactionByMd5(MD5)).isInstanceOf(BakongUnavailableException.class);
            assertThat(client.checkTransactionByMd5(MD5).status()).isEqualTo(TransactionCheckResult.Status.NOT_FOUND);
        }
    }
}
