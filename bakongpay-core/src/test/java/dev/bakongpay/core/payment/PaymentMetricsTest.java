package dev.bakongpay.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.core.metrics.Meters;
import dev.bakongpay.spi.InsertOutcome;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.ReconciliationBacklog;
import dev.bakongpay.spi.ReconciliationClaim;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.TransactionStore;
import dev.bakongpay.spi.UpstreamPayment;
import dev.bakongpay.spi.memory.MemoryIdempotencyStore;
import dev.bakongpay.spi.memory.MemoryTransactionStore;
import dev.bakongpay.testsupport.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("payment metrics")
class PaymentMetricsTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-02T13:45:00Z"));
    final MemoryTransactionStore store = new MemoryTransactionStore(clock);
    final FakeNetwork network = new FakeNetwork();
    final Merchant shop = new Merchant("shop-1", Plan.PRO, PaymentMode.TEST);

    PaymentService service(MeterRegistry registry) {
        PaymentService.Builder b = PaymentService.builder()
                .transactions(store)
                .idempotency(new MemoryIdempotencyStore())
                .network(PaymentMode.TEST, network)
                .clock(clock);
        return registry == null ? b.build() : b.meterRegistry(registry).build();
    }

    CreatePaymentRequest usd(String amount) {
        return CreatePaymentRequest.of(new BigDecimal(amount), "USD", "FINN SHOP", "merchant@acleda");
    }

    /** create, check (pending), paid upstream, check (success), check again (from the final-status cache). */
    void flow(PaymentService payments) {
        CreatedPayment p = payments.create(shop, usd("25.00"), "order-1");
        payments.create(shop, usd("25.00"), "order-1"); // replayed
        assertThatThrownBy(() -> payments.create(shop, usd("-1"), null)).isInstanceOf(PaymentException.Invalid.class);
        payments.checkMd5(shop, p.md5());
        network.answers.put(
                p.md5(),
                NetworkAnswer.paid(new UpstreamPayment(
                        "ab".repeat(32),
                        "sender@bank",
                        "merchant@acleda",
                        new BigDecimal("25.00"),
                        "USD",
                        clock.instant(),
                        null,
                        null)));
        payments.checkMd5(shop, p.md5());
        payments.checkMd5(shop, p.md5());
    }

    @Test
    @DisplayName(
            "creates and checks are timed by outcome and status, status changes counted, final-status cache hits recorded")
    void recorded() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        flow(service(registry));
        assertThat(registry.get("bakongpay.payments.create")
                        .tag("outcome", "created")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("bakongpay.payments.create")
                        .tag("outcome", "replayed")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("bakongpay.payments.create")
                        .tag("outcome", "rejected")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("bakongpay.payments.check")
                        .tags("kind", "single", "outcome", "answered", "status", "pending")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("bakongpay.payments.check")
                        .tags("kind", "single", "outcome", "answered", "status", "success")
                        .timer()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("bakongpay.payments.status.changes")
                        .tags("from", "pending", "to", "success")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("cache.gets")
                        .tags("cache", "payments.final", "result", "hit")
                        .functionCounter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    @DisplayName("the default registry records nothing and changes no answer")
    void noopDefault() {
        flow(service(null)); // the builder's default
        MeterRegistry none = Meters.none();
        flow(service(none));
        assertThat(none.get("bakongpay.payments.create")
                        .tag("outcome", "created")
                        .timer()
                        .count())
                .isZero();
        assertThat(none.get("bakongpay.payments.status.changes").counter().count())
                .isZero();
        assertThat(none.find("cache.gets").meters()).isEmpty();
    }

    @Test
    @DisplayName(
            "reconciliation gauges: backlog and lag from the store, read at most once per 5 s however often scraped")
    void reconciliationGauges() {
        AtomicInteger reads = new AtomicInteger();
        MemoryTransactionStore memory = new MemoryTransactionStore(clock);
        TransactionStore counting = new TransactionStore() {
            @Override
            public InsertOutcome insert(Transaction t) {
                return memory.insert(t);
            }

            @Override
            public Optional<Transaction> findById(String m, UUID id) {
                return memory.findById(m, id);
            }

            @Override
            public Optional<Transaction> findAnyById(UUID id) {
                return memory.findAnyById(id);
            }

            @Override
            public Optional<Transaction> findByMd5(String m, String md5) {
                return memory.findByMd5(m, md5);
            }

            @Override
            public Optional<Transaction> findAnyByMd5(String md5) {
                return memory.findAnyByMd5(md5);
            }

            @Override
            public Optional<Transaction> findByPaymentHash(String m, String h) {
                return memory.findByPaymentHash(m, h);
            }

            @Override
            public Optional<Transaction> transition(StatusTransition st) {
                return memory.transition(st);
            }

            @Override
            public List<Transaction> claimForReconciliation(ReconciliationClaim c) {
                return memory.claimForReconciliation(c);
            }

            @Override
            public ReconciliationBacklog reconciliationBacklog(Instant now) {
                reads.incrementAndGet();
                return memory.reconciliationBacklog(now);
            }
        };
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ReconciliationGauges.register(registry, counting, clock);
        PaymentService payments = PaymentService.builder()
                .transactions(counting)
                .idempotency(new MemoryIdempotencyStore())
                .network(PaymentMode.TEST, network)
                .clock(clock)
                .build();
        payments.create(shop, usd("1.00"), null);
        clock.advance(Duration.ofSeconds(30));
        assertThat(registry.get("bakongpay.reconciliation.backlog").gauge().value())
                .isEqualTo(1);
        assertThat(registry.get("bakongpay.reconciliation.lag")
                        .timeGauge()
                        .value(java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(30);
        for (int i = 0; i < 100; i++)
            registry.get("bakongpay.reconciliation.backlog").gauge().value();
        assertThat(reads).hasValue(1);

        counting.claimForReconciliation(PaymentReconciler.claim("node", Duration.ofSeconds(60))); // leased: not due
        clock.advance(ReconciliationGauges.SAMPLE_EVERY);
        assertThat(registry.get("bakongpay.reconciliation.backlog").gauge().value())
                .isZero();
        assertThat(registry.get("bakongpay.reconciliation.lag")
                        .timeGauge()
                        .value(java.util.concurrent.TimeUnit.SECONDS))
                .isZero();
        assertThat(reads).hasValue(2);
    }
}
