package dev.bakongpay.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.bakongpay.spi.StoreException;
import dev.bakongpay.testsupport.RequiresService;
import dev.bakongpay.testsupport.Service;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Nodes started at the same moment on one fresh schema all migrate it. One of them creates
 * Flyway's history table while another is deciding whether to baseline; that one then finds a
 * history that exists and is empty, and Flyway refuses. Every node must still start, and every
 * script must run exactly once.
 */
@DisplayName("Nodes migrating one fresh schema at once")
class ConcurrentMigrationsTest {
    private static final int NODES = 4;
    private static final String BASELINE_REFUSAL =
            "Unable to baseline schema history table \"bakongpay_schema_history\" as it already exists, and is empty.";

    @Test
    @DisplayName(
            "Flyway's refusal to baseline a history another node has just created is followed by a second, successful try")
    void refusalAfterAnotherNodeCreatedTheHistoryIsRetried() {
        String url = "jdbc:h2:mem:" + TestDatabases.uniqueName("bp_race") + ";DB_CLOSE_DELAY=-1";
        try (HikariDataSource node = TestDatabases.pool(url, 2);
                HikariDataSource otherNode = TestDatabases.pool(url, 2)) {
            AtomicInteger tries = new AtomicInteger();
            int executed = JdbcMigrations.migrate(node, () -> {
                if (tries.incrementAndGet() == 1) {
                    JdbcMigrations.migrate(otherNode); // the other node wins the race
                    throw new FlywayException(BASELINE_REFUSAL);
                }
                return JdbcMigrations.migrate(node);
            });

            assertThat(tries).hasValue(2);
            assertThat(executed).isZero(); // the other node ran every script
            assertThat(JdbcMigrations.upToDate(node)).isTrue();
            TestDatabases.execute(url, "SHUTDOWN");
        }
    }

    @Test
    @DisplayName(
            "a failure on a store whose history was already there is not retried: it fails the start with Flyway's reason")
    void failureWithAHistoryAlreadyThereIsNotRetried() {
        String url = "jdbc:h2:mem:" + TestDatabases.uniqueName("bp_race") + ";DB_CLOSE_DELAY=-1";
        try (HikariDataSource node = TestDatabases.pool(url, 2)) {
            JdbcMigrations.migrate(node);
            AtomicInteger tries = new AtomicInteger();

            assertThatThrownBy(() -> JdbcMigrations.migrate(node, () -> {
                        tries.incrementAndGet();
                        throw new FlywayException("Validate failed: checksum mismatch for migration version 3");
                    }))
                    .isInstanceOf(StoreException.class)
                    .hasMessage(
                            "migrating the BakongPay schema failed: Validate failed: checksum mismatch for migration"
                                    + " version 3");
            assertThat(tries).hasValue(1);
            TestDatabases.execute(url, "SHUTDOWN");
        }
    }

    @Test
    @DisplayName("a failure that leaves no history behind is not retried either")
    void failureWithoutHistoryIsNotRetried() {
        String url = "jdbc:h2:mem:" + TestDatabases.uniqueName("bp_race") + ";DB_CLOSE_DELAY=-1";
        try (HikariDataSource node = TestDatabases.pool(url, 2)) {
            AtomicInteger tries = new AtomicInteger();

            assertThatThrownBy(() -> JdbcMigrations.migrate(node, () -> {
                        tries.incrementAndGet();
                        throw new FlywayException("Unable to obtain connection from database");
                    }))
                    .isInstanceOf(StoreException.class)
                    .hasMessageEndingWith("Unable to obtain connection from database");
            assertThat(tries).hasValue(1);
            TestDatabases.execute(url, "SHUTDOWN");
        }
    }

    @RepeatedTest(value = 6, name = "round {currentRepetition} of {totalRepetitions}")
    @DisplayName("PostgreSQL: four nodes start on one fresh schema at once; each starts and each script runs once")
    @RequiresService(Service.POSTGRESQL)
    void nodesStartTogetherOnPostgres() throws Exception {
        String schema = TestDatabases.uniqueName("bp_race");
        TestDatabases.createSchema(schema);
        List<HikariDataSource> pools = new ArrayList<>();
        ExecutorService nodes = Executors.newFixedThreadPool(NODES);
        try {
            for (int i = 0; i < NODES; i++) {
                HikariDataSource pool = TestDatabases.postgresPool(schema, 2);
                try (Connection warm = pool.getConnection()) {
                    assertThat(warm.isValid(1)).isTrue(); // connected before the start line
                }
                pools.add(pool);
            }
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (HikariDataSource pool : pools) {
                runs.add(nodes.submit(() -> {
                    start.await();
                    return JdbcMigrations.migrate(pool);
                }));
            }
            start.countDown();
            int executed = 0;
            for (Future<Integer> run : runs) executed += run.get(60, TimeUnit.SECONDS);

            List<String> applied = appliedVersions(pools.get(0));
            assertThat(applied).containsExactly("1", "2", "3", "4", "5", "6");
            assertThat(executed).isEqualTo(applied.size());
            assertThat(JdbcMigrations.upToDate(pools.get(0))).isTrue();
        } finally {
            nodes.shutdownNow();
            pools.forEach(HikariDataSource::close);
            TestDatabases.dropSchema(schema);
        }
    }

    private static List<String> appliedVersions(HikariDataSource pool) throws Exception {
        List<String> versions = new ArrayList<>();
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT version FROM " + JdbcMigrations.HISTORY_TABLE
                        + " WHERE type = 'SQL' AND success ORDER BY installed_rank")) {
            while (rows.next()) versions.add(rows.getString(1));
        }
        return versions;
    }
}
