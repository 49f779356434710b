package dev.bakongpay.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.UpstreamPayment;
import dev.bakongpay.spi.memory.MemoryIdempotencyStore;
import dev.bakongpay.spi.memory.MemoryTransactionStore;
import dev.bakongpay.testsupport.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reconciler on a Clock, the in-memory store and a counting fake network (the simulator runs in bakong-simulator's tests). */
@DisplayName("PaymentReconciler")
class PaymentReconcilerTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-02T13:45:00Z"));
    final MemoryTransactionStore store = new MemoryTransactionStore(clock);
    final CountingNetwork network = new CountingNetwork();
    final PaymentService service = PaymentService.builder()
            .transactions(store)
            .idempotency(new MemoryIdempotencyStore())
            .network(PaymentMode.TEST, network)
            .clock(clock)
            .build();
    final Merchant shop = new Merchant("shop-1", Plan.PRO, PaymentMode.TEST);
    final Duration lease = Duration.ofSeconds(60);

    /** Counts how often each md5 is asked about. */
    static final class CountingNetwork implements PaymentNetwork {
        final FakeNetwork fake = new FakeNetwork();
        final Map<String, AtomicInteger> perMd5 = new ConcurrentHashMap<>();

        @Override
        public NetworkAnswer check(String md5) {
            perMd5.computeIfAbsent(md5, k -> new AtomicInteger()).incrementAndGet();
            return fake.check(md5);
        }

        @Override
        public Map<String, NetworkAnswer> checkAll(List<String> md5s) {
            md5s.forEach(
                    m -> perMd5.computeIfAbsent(m, k -> new AtomicInteger()).incrementAndGet());
            return fake.checkAll(md5s);
        }

        int asked(String md5) {
            return perMd5.getOrDefault(md5, new AtomicInteger()).get();
        }
    }

    Transaction create(String amount, long expiresIn) {
        clock.advance(Duration.ofMillis(10)); // a KHQR's md5 covers its creation time: one per 10 ms
        return service.create(
                        shop,
                        CreatePaymentRequest.of(new BigDecimal(amount), "USD", "FINN SHOP", "merchant@acleda")
                                .withExpiresInSeconds(expiresIn),
                        null)
                .transaction();
    }

    UpstreamPayment payment(String amount) {
        return new UpstreamPayment(
                "ab".repeat(32),
                "sender@bank",
                "merchant@acleda",
                new BigDecimal(amount),
                "USD",
                clock.instant(),
                null,
                null);
    }

    PaymentReconciler reconciler(String node) {
        return new PaymentReconciler(store, service, PaymentReconciler.claim(node, lease), Duration.ofMinutes(5));
    }

    PaymentStatus status(Transaction t) {
        return store.findAnyById(t.id()).orElseThrow().status();
    }

    @Test
    @DisplayName("checks in batches of 50 through the list call and drains a backlog within one tick")
    void batches() {
        for (int i = 0; i < 120; i++) create("1", 900);
        PaymentReconciler r = reconciler("n1");
        r.tick();
        assertThat(network.fake.listCalls).hasValue(3); // 50 + 50 + 20
        assertThat(network.perMd5.values()).allMatch(c -> c.get() == 1).hasSize(120);
    }

    @Test
    @DisplayName(
            "a tick runs at most its number of batches (10 by default, more when configured); the rest waits for the next tick")
    void batchesPerTickAreCapped() {
        for (int i = 0; i < 650; i++) create("1", 900);
        reconciler("n1").tick();
        assertThat(network.fake.listCalls).hasValue(10);
        assertThat(network.perMd5).hasSize(500);
        new PaymentReconciler(store, service, PaymentReconciler.claim("n2", lease), Duration.ofMinutes(5), 20).tick();
        assertThat(network.fake.listCalls).hasValue(13); // the other 150: 50 + 50 + 50, then an empty claim
        assertThat(network.perMd5.values()).allMatch(c -> c.get() == 1).hasSize(650);
        assertThatThrownBy(() -> new PaymentReconciler(
                        store, service, PaymentReconciler.claim("n3", lease), Duration.ofMinutes(5), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("an expired transaction is looked at again a bounded number of times, and a late payment is caught")
    void expiredReLookIsBounded() {
        Transaction late = create("1", 60);
        Transaction never = create("2", 60);
        PaymentReconciler r = reconciler("n1");
        clock.advance(Duration.ofSeconds(61));
        r.tick();
        assertThat(status(late)).isEqualTo(PaymentStatus.EXPIRED);
        assertThat(status(never)).isEqualTo(PaymentStatus.EXPIRED);
        network.fake.answers.put(late.md5(), NetworkAnswer.paid(payment("1")));
        for (int s = 0; s < 3600; s += 10) { // an hour of ticks every 10 s
            clock.advance(Duration.ofSeconds(10));
            r.tick();
        }
        assertThat(status(late)).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(store.findAnyById(late.id()).orElseThrow().late())
                .isTrue(); // money received after expiry: a late SUCCESS
        // the re-look of an expired one is bounded by the lookback (two leases): at most 3 looks in all, not 360
        assertThat(network.asked(never.md5())).isBetween(2, 3);
    }

    @Test
    @DisplayName(
            "while the network fails the wait doubles up to the cap, the state change is counted once, and it resets")
    void backoff() {
        create("1", 900);
        PaymentReconciler r = reconciler("n1");
        Duration every = Duration.ofSeconds(30);
        assertThat(r.nextDelay(every)).isEqualTo(every);
        network.fake.failure = new PaymentException.NetworkUnavailable("NBC answered 503", null);
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofSeconds(61)); // past the lease, so the batch is handed out again
            r.tick();
            delays.add(r.nextDelay(every));
        }
        assertThat(delays)
                .containsExactly(
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(120),
                        Duration.ofSeconds(240),
                        Duration.ofSeconds(300),
                        Duration.ofSeconds(300),
                        Duration.ofSeconds(300));
        assertThat(r.consecutiveFailures()).isEqualTo(6);
        assertThatThrownBy(() -> {
                    clock.advance(Duration.ofSeconds(61));
                    r.runOnce();
                })
                .isInstanceOf(PaymentException.NetworkUnavailable.class);
        network.fake.failure = null;
        clock.advance(Duration.ofSeconds(61));
        r.tick();
        assertThat(r.consecutiveFailures()).isZero();
        assertThat(r.nextDelay(every)).isEqualTo(every);
    }

    @Test
    @DisplayName("two reconcilers on one store ask about each md5 no more often than one alone: once per lease")
    void twoNodesShareTheLease() {
        List<Transaction> ts = new ArrayList<>();
        for (int i = 0; i < 30; i++) ts.add(create("1", 3600));
        PaymentReconciler a = reconciler("node-a");
        PaymentReconciler b = reconciler("node-b");
        for (int s = 0; s < 600; s += 5) { // ten minutes, both ticking every 5 s
            clock.advance(Duration.ofSeconds(5));
            a.tick();
            b.tick();
        }
        // ten minutes / 60 s lease: at most 10 (or 11 with the edges) checks per md5, across both nodes
        for (Transaction t : ts) assertThat(network.asked(t.md5())).isBetween(9, 11);

        // one node alone, same ten minutes: the same count
        CountingNetwork alone = new CountingNetwork();
        MemoryTransactionStore store2 = new MemoryTransactionStore(clock);
        PaymentService service2 = PaymentService.builder()
                .transactions(store2)
                .idempotency(new MemoryIdempotencyStore())
                .network(PaymentMode.TEST, alone)
                .clock(clock)
                .build();
        List<Transaction> ts2 = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofMillis(10));
            ts2.add(service2.create(
                            shop,
                            CreatePaymentRequest.of(BigDecimal.ONE, "USD", "FINN SHOP", "merchant@acleda")
                                    .withExpiresInSeconds(3600L),
                            null)
                    .transaction());
        }
        PaymentReconciler single =
                new PaymentReconciler(store2, service2, PaymentReconciler.claim("solo", lease), Duration.ofMinutes(5));
        for (int s = 0; s < 600; s += 5) {
            clock.advance(Duration.ofSeconds(5));
            single.tick();
        }
        int maxTwo = ts.stream().mapToInt(t -> network.asked(t.md5())).max().orElseThrow();
        int maxOne = ts2.stream().mapToInt(t -> alone.asked(t.md5())).max().orElseThrow();
        assertThat(maxTwo).isLessThanOrEqualTo(maxOne);
    }
}
