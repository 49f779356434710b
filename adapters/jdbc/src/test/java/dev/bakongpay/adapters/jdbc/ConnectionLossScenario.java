package dev.bakongpay.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.bakongpay.spi.InsertOutcome;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.StoreException;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.TransactionStore;
import dev.bakongpay.spi.testkit.Fixtures;
import dev.bakongpay.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Closes the connection pool while threads insert and transition transactions, then checks on a
 * fresh connection that every write the store acknowledged is there and that no row is half
 * written: the single-statement writes are all or nothing.
 */
abstract class ConnectionLossScenario {
    private static final int THREADS = 4;
    private static final int MAX_OPS_PER_THREAD = 2_000; // bounded even if the pool never closes

    /** The database under test, migrated; survives the pool being closed. */
    protected abstract DataSource dataSource();

    /** A separate pool on the same database, which the test closes under load. */
    protected abstract HikariDataSource newPool();

    /** Called under load just before the pool is closed: a backend may kill the connections server-side too. */
    protected void killConnections(HikariDataSource pool) {}

    @Test
    @DisplayName("closing the DataSource mid-transition loses no acknowledged write and leaves no half-written row")
    void closeUnderLoad() throws Exception {
        MutableClock clock = new MutableClock();
        HikariDataSource pool = newPool();
        TransactionStore doomed = new JdbcTransactionStore(pool, clock);
        Map<java.util.UUID, Transaction> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger inserted = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        String merchant = Fixtures.merchant();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        for (int n = 0; n < THREADS; n++) {
            threads.submit(() -> {
                for (int i = 0; i < MAX_OPS_PER_THREAD; i++) {
                    Transaction t = Fixtures.pending(merchant, clock);
                    try {
                        if (doomed.insert(t) != InsertOutcome.INSERTED) continue;
                        acknowledged.put(t.id(), t);
                        inserted.incrementAndGet();
                        Optional<Transaction> won = doomed.transition(StatusTransition.paid(
                                t.id(), PaymentStatus.PENDING, Fixtures.payment(clock), false, clock.instant()));
                        won.ifPresent(w -> acknowledged.put(w.id(), w));
                    } catch (StoreException e) {
                        failures.incrementAndGet();
                        if (pool.isClosed()) return;
                    }
                }
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> inserted.get() >= 40);
        killConnections(pool);
        pool.close();
        threads.shutdown();
        assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(failures.get()).as("operations cut off by the closed pool").isPositive();
        TransactionStore survivor = new JdbcTransactionStore(dataSource(), clock);
        assertThat(acknowledged).isNotEmpty();
        acknowledged
                .values()
                .forEach(t -> assertThat(survivor.findAnyById(t.id()))
                        .as("acknowledged %s", t.id())
                        .hasValueSatisfying(stored -> {
                            if (t.status() == PaymentStatus.SUCCESS)
                                assertThat(stored).isEqualTo(t);
                            else assertThat(stored.status()).isIn(PaymentStatus.PENDING, PaymentStatus.SUCCESS);
                        }));
        List<Transaction> all = new ArrayList<>();
        acknowledged.keySet().forEach(id -> survivor.findAnyById(id).ifPresent(all::add));
        assertThat(all).allSatisfy(t -> {
            if (t.status() == PaymentStatus.PENDING) assertThat(t.payment()).isNull();
            else assertThat(t.payment()).isNotNull();
        });
        assertThat(countRowsOf(merchant, "pay_hash IS NULL AND status <> 'PENDING'"))
                .isZero();
        assertThat(countRowsOf(merchant, "pay_hash IS NOT NULL AND status = 'PENDING'"))
                .isZero();
    }

    private int countRowsOf(String merchant, String condition) throws Exception {
        try (var c = dataSource().getConnection();
                var ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM bakongpay_transaction WHERE merchant_id = ? AND " + condition)) {
            ps.setString(1, merchant);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
