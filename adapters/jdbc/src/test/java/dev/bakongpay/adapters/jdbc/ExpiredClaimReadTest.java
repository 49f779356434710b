package dev.bakongpay.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.ReconciliationClaim;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.testkit.Fixtures;
import dev.bakongpay.testsupport.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A store that has run a while holds many EXPIRED rows, nearly all leased once by a reconciler,
 * and few of them within the claim's lookback. On the server's default store (an H2 file, here H2
 * in memory with the same settings) the claim reads only those few.
 */
@DisplayName("Reconciliation claim among many old EXPIRED rows (H2, the server's default store)")
class ExpiredClaimReadTest {
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int OLD = 3_000;

    private final MutableClock clock = new MutableClock();
    private String url;
    private HikariDataSource pool;
    private JdbcTransactionStore store;

    @BeforeEach
    void start() {
        url = "jdbc:h2:mem:" + TestDatabases.uniqueName("bp") + ";DB_CLOSE_DELAY=-1";
        pool = TestDatabases.pool(url, 4);
        JdbcMigrations.migrate(pool);
        store = new JdbcTransactionStore(pool, clock);
    }

    @AfterEach
    void stop() {
        TestDatabases.execute(url, "SHUTDOWN");
        pool.close();
    }

    /** A transaction created {@code ago} before now, expired 10 minutes later, leased once by a reconciler. */
    private Transaction expiredLeased(Duration ago) {
        Instant created = clock.instant().minus(ago);
        Transaction t = Fixtures.pendingBuilder("m1", clock)
                .createdAt(created)
                .expiresAt(created.plus(Duration.ofMinutes(10)))
                .status(PaymentStatus.EXPIRED)
                .updatedAt(created.plus(Duration.ofMinutes(10)))
                .build();
        store.insert(t);
        TestDatabases.execute(
                url,
                "UPDATE bakongpay_transaction SET claim_owner = 'node-1', claim_until = updated_at WHERE id = '"
                        + t.id() + "'");
        return t;
    }

    @Test
    @DisplayName("only the recently expired are handed out, and the read of leased EXPIRED rows scans only them")
    void readsOnlyTheLookback() throws SQLException {
        for (int i = 0; i < OLD; i++) expiredLeased(Duration.ofDays(30).minusMinutes(i));
        List<UUID> recent = new ArrayList<>();
        for (int i = 1; i <= 3; i++) { // expired 30, 60 and 90 s ago: within the lookback of two leases
            recent.add(
                    expiredLeased(Duration.ofMinutes(10).plusSeconds(30L * i)).id());
        }
        TestDatabases.execute(url, "ANALYZE");

        ReconciliationClaim claim = new ReconciliationClaim("node-2", 50, LEASE, LEASE.multipliedBy(2));
        assertThat(store.claimForReconciliation(claim))
                .extracting(Transaction::id)
                .containsExactlyInAnyOrderElementsOf(recent);

        JdbcTransactionStore.CandidateRead leasedExpired = new JdbcTransactionStore.CandidateRead("EXPIRED", false);
        assertThat(JdbcTransactionStore.CANDIDATE_READS).contains(leasedExpired);
        assertThat(rowsScanned(leasedExpired, claim)).isLessThan(OLD / 10);
    }

    /** H2's EXPLAIN ANALYZE count of rows the read went through. */
    private long rowsScanned(JdbcTransactionStore.CandidateRead read, ReconciliationClaim claim) throws SQLException {
        Instant now = clock.instant();
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + read.select(2 * claim.limit()))) {
            read.bind(ps, 1, now, now.minus(claim.expiredLookback()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String plan = rs.getString(1);
                Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan);
                assertThat(scanned.find()).as(plan).isTrue();
                return Long.parseLong(scanned.group(1));
            }
        }
    }
}
