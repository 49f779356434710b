package dev.bakongpay.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bakongpay.adapters.jdbc.JdbcIdempotencyStore;
import dev.bakongpay.adapters.jdbc.JdbcMigrations;
import dev.bakongpay.adapters.jdbc.JdbcTransactionStore;
import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.core.payment.CreatePaymentRequest;
import dev.bakongpay.core.payment.CreatedPayment;
import dev.bakongpay.core.payment.Merchant;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.spi.InsertOutcome;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.TransactionStore;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 14: identical creates in one millisecond on the JDBC store (H2) never fail and never storm the store. */
@DisplayName("identical creates on the JDBC store (H2)")
class IdenticalCreatesH2Test {

    @Test
    @DisplayName(
            "300 identical creates in one millisecond on 16 threads: all stored, distinct verifiable md5s, no duplicate insert")
    void identical() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:identical" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(16);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcMigrations.migrate(pool);
            Clock clock = Clock.fixed(Instant.parse("2026-06-02T13:45:00.123Z"), ZoneOffset.UTC);
            TransactionStore jdbc = new JdbcTransactionStore(pool, clock);
            AtomicInteger duplicates = new AtomicInteger();
            TransactionStore counting = (TransactionStore) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {TransactionStore.class}, (proxy, m, args) -> {
                        Object r = m.invoke(jdbc, args);
                        if (r instanceof InsertOutcome o && o != InsertOutcome.INSERTED) duplicates.incrementAndGet();
                        return r;
                    });
            PaymentService service = PaymentService.builder()
                    .transactions(counting)
                    .idempotency(new JdbcIdempotencyStore(pool))
                    .clock(clock)
                    .build();
            Merchant shop = new Merchant("shop-1", Plan.PRO, PaymentMode.TEST);
            ExecutorService threads = Executors.newFixedThreadPool(16);
            List<CreatedPayment> created = new ArrayList<>();
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<CreatedPayment>> futures = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    futures.add(threads.submit(() -> {
                        go.await();
                        return service.create(
                                shop,
                                CreatePaymentRequest.of(new BigDecimal("3.00"), "USD", "KIOSK", "kiosk@aclb"),
                                null);
                    }));
                }
                go.countDown();
                for (Future<CreatedPayment> f : futures) created.add(f.get());
            } finally {
                threads.shutdownNow();
            }
            Set<String> md5s = new HashSet<>();
            for (CreatedPayment p : created) {
                assertThat(md5s.add(p.md5())).isTrue();
                assertThat(Khqr.verify(p.qrString(), clock).valid()).isTrue();
                assertThat(jdbc.findByMd5("shop-1", p.md5())).isPresent();
            }
            assertThat(md5s).hasSize(300);
            assertThat(duplicates).hasValue(0);
        }
    }
}
