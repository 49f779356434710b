package dev.bakongpay.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.core.bakong.BakongClient;
import dev.bakongpay.core.bakong.BakongClientConfig;
import dev.bakongpay.core.payment.BakongPaymentNetwork;
import dev.bakongpay.core.payment.CreatePaymentRequest;
import dev.bakongpay.core.payment.Merchant;
import dev.bakongpay.core.payment.PaymentException;
import dev.bakongpay.core.payment.PaymentReconciler;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.core.payment.PaymentSettings;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.memory.MemoryIdempotencyStore;
import dev.bakongpay.spi.memory.MemoryTransactionStore;
import dev.bakongpay.testsupport.MutableClock;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Core's Bakong client, payment services and reconciler against the simulator's faults (this
 * module depends on core, so core's behaviour against a real HTTP Bakong is proven here). Time
 * bounds are behaviour bounds with generous margins, not benchmarks.
 */
@ExtendWith(BakongSimulatorExtension.class)
@DisplayName("core against the simulator's faults")
class CoreResilienceTest {
    private static final String MD5_PATH = "/v1/check_transaction_by_md5";
    private static final long MARGIN_MS = 2_000;

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    final MemoryTransactionStore store = new MemoryTransactionStore(clock);
    final Merchant shop = new Merchant("shop-resilience", Plan.PRO, PaymentMode.TEST);
    int created;

    /** A "node": its own client and services on the shared store; no caches, so every check reaches the simulator. */
    PaymentService node(BakongSimulator simulator, UnaryOperator<BakongClientConfig.Builder> tune) {
        BakongClientConfig.Builder config = BakongClientConfig.builder(
                        simulator.baseUrl().toString(), BakongSimulatorExtension.DEFAULT_TOKEN)
                .pendingCacheTtl(Duration.ZERO)
                .finalCacheTtl(Duration.ZERO)
                .retryBackoff(Duration.ofMillis(20));
        BakongClient client = BakongClient.create(tune.apply(config).build());
        PaymentSettings settings = new PaymentSettings(
                Duration.ofSeconds(900),
                Duration.ofSeconds(60),
                Duration.ofDays(1),
                URI.create("http://localhost:8080"),
                Duration.ZERO);
        return PaymentService.builder()
                .transactions(store)
                .idempotency(new MemoryIdempotencyStore())
                .network(PaymentMode.TEST, new BakongPaymentNetwork(client))
                .clock(clock)
                .settings(settings)
                .build();
    }

    Transaction create(PaymentService payments, long expiresInSeconds) {
        clock.advance(Duration.ofMillis(5)); // a KHQR's md5 covers its creation time
        created++;
        return payments.create(
                        shop,
                        CreatePaymentRequest.of(new BigDecimal(created + ".50"), "USD", "Coffee Corner", "coffee@aclb")
                                .withExpiresInSeconds(expiresInSeconds),
                        null)
                .transaction();
    }

    PaymentStatus status(Transaction t) {
        return store.findAnyById(t.id()).orElseThrow().status();
    }

    static long millisOf(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Runs a check that must fail; answers how long it took. */
    static long failingCheck(Callable<?> check, Class<? extends Throwable> expected) {
        long start = System.nanoTime();
        assertThatThrownBy(check::call).isInstanceOf(expected);
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Nested
    @DisplayName("time budget")
    class Budget {
        @Test
        @DisplayName("held connections: a check answers 504 upstream_timeout within the default 5 s deadline, "
                + "not after 3 × 10 s; concurrent checks too; status converges once the fault stops")
        void heldConnection(BakongSimulator simulator, SimulatorControl control) throws Exception {
            PaymentService payments = node(simulator, b -> b); // the defaults: 3 s per attempt, 5 s per operation
            Transaction t = create(payments, 900);
            control.pay(t.qrString());
            control.injectFault(Fault.timeout(Duration.ofSeconds(30)).onPath(MD5_PATH));

            long took = failingCheck(() -> payments.checkMd5(shop, t.md5()), PaymentException.NetworkTimeout.class);
            System.out.println("held connection, one check, default budget: answered 504 after " + took + " ms");
            assertThat(took).isLessThan(5_000 + MARGIN_MS);
            assertThat(status(t)).isEqualTo(PaymentStatus.PENDING); // not known yet, never guessed

            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Long>> times = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    times.add(pool.submit(() -> failingCheck(
                            () -> payments.checkMd5(shop, t.md5()), PaymentException.NetworkUnavailable.class)));
                }
                long slowest = 0;
                for (Future<Long> f : times) slowest = Math.max(slowest, f.get());
                System.out.println("held connection, 8 concurrent checks: slowest answered after " + slowest + " ms");
                assertThat(slowest).isLessThan(5_000 + MARGIN_MS);
            } finally {
                pool.shutdownNow();
            }

            control.clearFaults();
            assertThat(payments.checkMd5(shop, t.md5()).status()).isEqualTo("SUCCESS");
        }

        @Test
        @DisplayName("a configured deadline of 1.5 s bounds a check with 10 retries allowed")
        void configuredDeadline(BakongSimulator simulator, SimulatorControl control) {
            PaymentService payments = node(
                    simulator,
                    b -> b.requestTimeout(Duration.ofSeconds(1))
                            .deadline(Duration.ofMillis(1500))
                            .maxRetries(10));
            Transaction t = create(payments, 900);
            control.injectFault(Fault.timeout(Duration.ofSeconds(30)).onPath(MD5_PATH));
            long took = failingCheck(() -> payments.checkMd5(shop, t.md5()), PaymentException.NetworkTimeout.class);
            System.out.println("held connection, deadline 1500 ms: answered 504 after " + took + " ms");
            assertThat(took).isBetween(1_400L, 1_500L + MARGIN_MS);
            assertThat(control.callCount(MD5_PATH)).isBetween(1L, 2L); // 1 s, then the 0.5 s left; never the 11 allowed
        }

        @Test
        @DisplayName("latency under the per-attempt timeout is waited for and answered normally")
        void latency(BakongSimulator simulator, SimulatorControl control) {
            PaymentService payments =
                    node(simulator, b -> b.requestTimeout(Duration.ofSeconds(1)).deadline(Duration.ofSeconds(2)));
            Transaction t = create(payments, 900);
            control.pay(t.qrString());
            control.injectFault(Fault.latency(Duration.ofMillis(300)));
            assertThat(payments.checkMd5(shop, t.md5()).status()).isEqualTo("SUCCESS");
        }
    }

    @Test
    @DisplayName("the simulator stops at once and cleanly while a TIMEOUT fault holds calls open")
    void stopsWhileHolding() throws Exception {
        BakongSimulator own =
                BakongSimulator.builder().port(0).token("stop-token").build().start();
        SimulatorControl control = SimulatorControl.connect(own.baseUrl());
        control.injectFault(Fault.timeout(Duration.ofSeconds(30)));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        var held = http.sendAsync(
                java.net.http.HttpRequest.newBuilder(own.baseUrl().resolve(MD5_PATH))
                        .header("Authorization", "Bearer stop-token")
                        .header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"md5\":\"" + "a".repeat(32) + "\"}"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        org.awaitility.Awaitility.await().until(() -> control.callCount(MD5_PATH) == 1);
        long took = millisOf(own::stop);
        assertThat(took).isLessThan(1_500);
        assertThat(held.get(5, java.util.concurrent.TimeUnit.SECONDS).statusCode())
                .isEqualTo(504);
    }

    @Nested
    @DisplayName("errors")
    class Errors {
        @Test
        @DisplayName("a share of 5xx is retried and then succeeds; only 5xx is 502 upstream_unavailable, never SUCCESS")
        void serverErrors(BakongSimulator simulator, SimulatorControl control) {
            PaymentService payments = node(simulator, b -> b.maxRetries(2).circuitFailureThreshold(100));
            Transaction paid = create(payments, 900);
            Transaction unpaid = create(payments, 900);
            control.pay(paid.qrString());

            control.injectFault(Fault.serverErrors(1.0).onPath(MD5_PATH).forCalls(2));
            assertThat(payments.checkMd5(shop, paid.md5()).status()).isEqualTo("SUCCESS"); // third attempt
            assertThat(control.callCount(MD5_PATH)).isEqualTo(3);

            control.injectFault(Fault.serverErrors(1.0).onPath(MD5_PATH));
            assertThatThrownBy(() -> payments.checkMd5(shop, unpaid.md5()))
                    .isInstanceOf(PaymentException.NetworkUnavailable.class)
                    .isNotInstanceOf(PaymentException.NetworkTimeout.class)
                    .satisfies(e -> assertThat(((PaymentException) e).code()).isEqualTo("upstream_unavailable"));
            assertThat(status(unpaid)).isEqualTo(PaymentStatus.PENDING);

            control.clearFaults();
            control.injectFault(Fault.serverErrors(0.5).onPath(MD5_PATH));
            for (int i = 0; i < 20; i++) {
                try {
                    assertThat(payments.checkMd5(shop, unpaid.md5()).status()).isEqualTo("PENDING");
                } catch (PaymentException.NetworkUnavailable e) {
                    // an honest 502 is allowed; a false SUCCESS is not
                }
            }
            control.clearFaults();
            assertThat(payments.checkMd5(shop, unpaid.md5()).status()).isEqualTo("PENDING");
        }

        @Test
        @DisplayName("a malformed body is 502, for a paid and an unpaid md5 alike, and nothing is settled from it")
        void malformed(BakongSimulator simulator, SimulatorControl control) {
            PaymentService payments = node(simulator, b -> b.maxRetries(1));
            Transaction paid = create(payments, 900);
            Transaction unpaid = create(payments, 900);
            control.pay(paid.qrString());
            control.injectFault(Fault.malformedBody());
            for (Transaction t : List.of(paid, unpaid)) {
                assertThatThrownBy(() -> payments.checkMd5(shop, t.md5()))
                        .isInstanceOf(PaymentException.NetworkUnavailable.class)
                        .isNotInstanceOf(PaymentException.NetworkTimeout.class);
                assertThat(status(t)).isEqualTo(PaymentStatus.PENDING);
            }
            control.clearFaults();
            assertThat(payments.checkMd5(shop, paid.md5()).status()).isEqualTo("SUCCESS");
            assertThat(payments.checkMd5(shop, unpaid.md5()).status()).isEqualTo("PENDING");
        }

        @Test
        @DisplayName("an expired token is 502 at once (no retries), and checks recover when NBC takes the token again")
        void tokenExpired(BakongSimulator simulator, SimulatorControl control) {
            PaymentService payments = node(simulator, b -> b);
            Transaction paid = create(payments, 900);
            control.pay(paid.qrString());
            control.injectFault(Fault.tokenExpired());
            long took =
                    failingCheck(() -> payments.checkMd5(shop, paid.md5()), PaymentException.NetworkUnavailable.class);
            assertThat(took).isLessThan(MARGIN_MS);
            assertThat(control.callCount(MD5_PATH)).isEqualTo(1);
            control.clearFaults();
            assertThat(payments.checkMd5(shop, paid.md5()).status()).isEqualTo("SUCCESS");
        }

        @Test
        @DisplayName("bulk under a held list call answers 504 within the deadline; it converges afterwards")
        void bulkHeld(BakongSimulator simulator, SimulatorControl control) {
            PaymentService payments =
                    node(simulator, b -> b.requestTimeout(Duration.ofSeconds(1)).deadline(Duration.ofSeconds(2)));
            Transaction paid = create(payments, 900);
            Transaction unpaid = create(payments, 900);
            control.pay(paid.qrString());
            control.injectFault(Fault.timeout(Duration.ofSeconds(30)).onPath("/v1/check_transaction_by_md5_list"));
            long took = failingCheck(
                    () -> payments.checkBulk(shop, List.of(paid.md5(), unpaid.md5())),
                    PaymentException.NetworkTimeout.class);
            assertThat(took).isLessThan(2_000 + MARGIN_MS);
            control.clearFaults();
            var answers = payments.checkBulk(shop, List.of(paid.md5(), unpaid.md5()));
            assertThat(answers.get(paid.md5()).status()).isEqualTo("SUCCESS");
            assertThat(answers.get(unpaid.md5()).status()).isEqualTo("PENDING");
        }
    }

    @Nested
    @DisplayName("reconciliation")
    class Reconciliation {
        final Duration lease = Duration.ofSeconds(60);

        PaymentReconciler reconciler(PaymentService payments, String node) {
            return new PaymentReconciler(store, payments, PaymentReconciler.claim(node, lease), Duration.ofMinutes(5));
        }

        @Test
        @DisplayName("nobody polls: paid ones become SUCCESS, unpaid ones EXPIRED after expiry, and a payment after "
                + "expiry is caught by the bounded re-look")
        void unpolled(BakongSimulator simulator, SimulatorControl control) {
            PaymentService payments = node(simulator, b -> b);
            Transaction paid = create(payments, 120);
            Transaction unpaid = create(payments, 120);
            Transaction late = create(payments, 120);
            PaymentReconciler r = reconciler(payments, "node-1");

            control.pay(paid.qrString());
            r.tick();
            assertThat(status(paid)).isEqualTo(PaymentStatus.SUCCESS);
            assertThat(status(unpaid)).isEqualTo(PaymentStatus.PENDING);

            clock.advance(Duration.ofSeconds(
                    121)); // our clock: past expiry; the simulator's: not yet, so it can still be paid
            r.tick();
            assertThat(status(unpaid)).isEqualTo(PaymentStatus.EXPIRED);
            assertThat(status(late)).isEqualTo(PaymentStatus.EXPIRED);

            control.pay(late.qrString()); // the money arrives after we expired it
            for (int i = 0; i < 30; i++) { // 5 minutes of 10 s ticks
                clock.advance(Duration.ofSeconds(10));
                r.tick();
            }
            assertThat(status(late)).isEqualTo(PaymentStatus.SUCCESS);
            assertThat(status(unpaid)).isEqualTo(PaymentStatus.EXPIRED);
            long before = control.md5CheckCount(unpaid.md5());
            for (int i = 0; i < 60; i++) { // ten more minutes: the re-look is over, nothing is asked any more
                clock.advance(Duration.ofSeconds(10));
                r.tick();
            }
            assertThat(control.md5CheckCount(unpaid.md5())).isEqualTo(before).isLessThanOrEqualTo(4);
        }

        @Test
        @DisplayName("the wait grows while the simulator answers 5xx, and is back to the interval once it answers")
        void backoff(BakongSimulator simulator, SimulatorControl control) {
            PaymentService payments = node(simulator, b -> b.maxRetries(0).circuitFailureThreshold(100));
            Transaction t = create(payments, 3600);
            PaymentReconciler r = reconciler(payments, "node-1");
            Duration every = Duration.ofSeconds(30);
            control.injectFault(Fault.serverErrors(1.0));
            List<Duration> waits = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                clock.advance(lease.plusSeconds(1));
                r.tick();
                waits.add(r.nextDelay(every));
            }
            assertThat(waits)
                    .containsExactly(
                            Duration.ofSeconds(60),
                            Duration.ofSeconds(120),
                            Duration.ofSeconds(240),
                            Duration.ofSeconds(300),
                            Duration.ofSeconds(300));
            control.clearFaults();
            control.pay(t.qrString());
            clock.advance(lease.plusSeconds(1));
            r.tick();
            assertThat(r.nextDelay(every)).isEqualTo(every);
            assertThat(status(t)).isEqualTo(PaymentStatus.SUCCESS);
        }

        @Test
        @DisplayName("two nodes on one store ask the simulator about each md5 no more often than one node alone")
        void twoNodes(BakongSimulator simulator, SimulatorControl control) {
            PaymentService a = node(simulator, b -> b);
            PaymentService b2 = node(simulator, b -> b);
            List<Transaction> ts = new ArrayList<>();
            for (int i = 0; i < 60; i++) ts.add(create(a, 3600)); // more than one batch
            PaymentReconciler ra = reconciler(a, "node-a");
            PaymentReconciler rb = reconciler(b2, "node-b");
            for (int s = 0; s < 600; s += 5) { // ten minutes, both nodes ticking every 5 s
                clock.advance(Duration.ofSeconds(5));
                ra.tick();
                rb.tick();
            }
            long maxTwo = ts.stream()
                    .mapToLong(t -> control.md5CheckCount(t.md5()))
                    .max()
                    .orElseThrow();
            long minTwo = ts.stream()
                    .mapToLong(t -> control.md5CheckCount(t.md5()))
                    .min()
                    .orElseThrow();

            List<Transaction> solo = new ArrayList<>();
            for (int i = 0; i < 60; i++) solo.add(create(a, 3600));
            for (Transaction t : ts)
                store.transition(dev.bakongpay.spi.StatusTransition.expired(t.id(), clock.instant()));
            clock.advance(Duration.ofMinutes(10)); // the first set is out of the lookback
            PaymentReconciler alone = reconciler(a, "node-solo");
            for (int s = 0; s < 600; s += 5) {
                clock.advance(Duration.ofSeconds(5));
                alone.tick();
            }
            long maxOne = solo.stream()
                    .mapToLong(t -> control.md5CheckCount(t.md5()))
                    .max()
                    .orElseThrow();
            System.out.println("10 minutes, lease 60 s: each md5 asked " + minTwo + ".." + maxTwo
                    + " times by two nodes, at most " + maxOne + " by one node");
            assertThat(maxTwo).isLessThanOrEqualTo(maxOne).isLessThanOrEqualTo(11);
            assertThat(minTwo).isGreaterThanOrEqualTo(9);
        }
    }
}
