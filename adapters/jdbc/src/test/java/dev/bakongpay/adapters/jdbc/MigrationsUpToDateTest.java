package dev.bakongpay.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.bakongpay.spi.StoreException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A restart on a store that is already at the latest schema skips Flyway; every other store still
 * goes through Flyway, which migrates, validates and reports as before.
 */
@DisplayName("Migrations on a store already at the latest schema")
class MigrationsUpToDateTest {

    private static String url(String mode) {
        return "jdbc:h2:mem:" + TestDatabases.uniqueName("bp_up") + ";DB_CLOSE_DELAY=-1" + mode;
    }

    @ParameterizedTest(name = "H2{0}")
    @ValueSource(strings = {"", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"})
    @DisplayName(
            "a migrated store is recognised (Flyway's own checksums match), and migrating it again changes nothing")
    void migratedStoreIsUpToDate(String mode) {
        String url = url(mode);
        try (HikariDataSource pool = TestDatabases.pool(url, 2)) {
            assertThat(JdbcMigrations.upToDate(pool)).isFalse();
            assertThat(JdbcMigrations.migrate(pool)).isPositive();
            assertThat(JdbcMigrations.upToDate(pool)).isTrue();
            assertThat(JdbcMigrations.migrate(pool)).isZero();
            assertThat(new JdbcApiKeyStore(pool).list(10)).isEmpty();
            TestDatabases.execute(url, "SHUTDOWN");
        }
    }

    @ParameterizedTest(name = "H2{0}")
    @ValueSource(strings = {"", ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"})
    @DisplayName("a store some scripts behind is not, and migrating brings it to the latest version")
    void storeBehindIsMigrated(String mode) {
        String url = url(mode);
        try (HikariDataSource pool = TestDatabases.pool(url, 2)) {
            Flyway.configure()
                    .dataSource(pool)
                    .locations(JdbcMigrations.LOCATION)
                    .table(JdbcMigrations.HISTORY_TABLE)
                    .target("4")
                    .load()
                    .migrate();
            assertThat(JdbcMigrations.upToDate(pool)).isFalse();
            assertThat(JdbcMigrations.migrate(pool)).isPositive();
            assertThat(JdbcMigrations.upToDate(pool)).isTrue();
            TestDatabases.execute(url, "SHUTDOWN");
        }
    }

    @Test
    @DisplayName(
            "a checksum that differs from the bundled script's goes to Flyway, whose validation fails the start as before")
    void alteredChecksumGoesToFlyway() {
        String url = url("");
        try (HikariDataSource pool = TestDatabases.pool(url, 2)) {
            JdbcMigrations.migrate(pool);
            TestDatabases.execute(
                    url,
                    "UPDATE \"bakongpay_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '3'");

            assertThat(JdbcMigrations.upToDate(pool)).isFalse();
            assertThatThrownBy(() -> JdbcMigrations.migrate(pool))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("migrating the BakongPay schema failed: ")
                    .hasMessageContaining("3");
            TestDatabases.execute(url, "SHUTDOWN");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "UPDATE \"bakongpay_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '6'",
                "UPDATE \"bakongpay_schema_history\" SET \"script\" = 'V3__renamed.sql' WHERE \"version\" = '3'",
                "DELETE FROM \"bakongpay_schema_history\" WHERE \"version\" = '6'",
                "INSERT INTO \"bakongpay_schema_history\" SELECT 99, '99', 'later', 'SQL', 'V99__later.sql', 1,"
                        + " \"installed_by\", \"installed_on\", 1, TRUE FROM \"bakongpay_schema_history\" WHERE \"version\" = '6'"
            })
    @DisplayName("a failed, renamed, missing or unknown migration in the history is left to Flyway")
    void historyWithOtherRowsIsNotUpToDate(String change) {
        String url = url("");
        try (HikariDataSource pool = TestDatabases.pool(url, 2)) {
            JdbcMigrations.migrate(pool);
            TestDatabases.execute(url, change);

            assertThat(JdbcMigrations.upToDate(pool)).isFalse();
            TestDatabases.execute(url, "SHUTDOWN");
        }
    }

    @Test
    @DisplayName("asking a fresh H2 file leaves no .trace.db beside it (no failed query of a missing table)")
    void freshFileStoreGetsNoTraceFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (HikariDataSource pool = TestDatabases.pool(url, 2)) {
            assertThat(JdbcMigrations.upToDate(pool)).isFalse();
            JdbcMigrations.migrate(pool);
            assertThat(JdbcMigrations.upToDate(pool)).isTrue();
        }
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".trace.db"));
        }
    }
}
