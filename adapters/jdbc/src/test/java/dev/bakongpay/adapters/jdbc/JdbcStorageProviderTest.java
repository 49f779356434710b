package dev.bakongpay.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.spi.InsertOutcome;
import dev.bakongpay.spi.ProviderSettings;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.StorageProviders;
import dev.bakongpay.spi.testkit.Fixtures;
import dev.bakongpay.testsupport.MutableClock;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Choosing and wiring the JDBC adapter")
class JdbcStorageProviderTest {
    private final ClassLoader loader = getClass().getClassLoader();

    @TempDir
    Path dir;

    @Test
    @DisplayName("ServiceLoader finds the jdbc factory beside the in-memory one")
    void discovered() {
        assertThat(StorageProviders.storageIds(loader)).contains("jdbc", "memory");
    }

    @Test
    @DisplayName("a jdbc: url picks the jdbc adapter; an H2 file keeps transactions across restarts")
    void h2FileSurvivesRestart() {
        String url = "jdbc:h2:file:" + dir.resolve("bakongpay").toAbsolutePath();
        MutableClock clock = new MutableClock();
        var t = Fixtures.pending(Fixtures.merchant(), clock);
        try (Storage first = StorageProviders.openStorage(null, new ProviderSettings(url, Map.of(), clock), loader)) {
            assertThat(first.adapterId()).isEqualTo("jdbc");
            assertThat(first.transactions().insert(t)).isEqualTo(InsertOutcome.INSERTED);
        }
        TestDatabases.execute(url, "SHUTDOWN"); // as if the process ended
        try (Storage second =
                StorageProviders.openStorage("jdbc", new ProviderSettings(url, Map.of(), clock), loader)) {
            assertThat(second.transactions().findAnyById(t.id())).contains(t);
        }
        TestDatabases.execute(url, "SHUTDOWN");
    }

    @Test
    @DisplayName(
            "the jdbc adapter pools its connections: a private H2 memory database lives until the Storage is closed")
    void poolsUntilClosed() {
        // H2 drops a memory database when its last connection closes, so data written through one
        // connection and read through another survives only while the pool holds connections open
        String url = "jdbc:h2:mem:" + TestDatabases.uniqueName("pooled");
        MutableClock clock = new MutableClock();
        var t = Fixtures.pending(Fixtures.merchant(), clock);
        try (Storage storage = StorageProviders.openStorage(
                "jdbc", new ProviderSettings(url, Map.of("poolSize", "2"), clock), loader)) {
            assertThat(storage.transactions().insert(t)).isEqualTo(InsertOutcome.INSERTED);
            assertThat(storage.transactions().findAnyById(t.id())).contains(t);
        }
        try (Storage reopened =
                StorageProviders.openStorage("jdbc", new ProviderSettings(url, Map.of(), clock), loader)) {
            assertThat(reopened.transactions().findAnyById(t.id())).isEmpty();
        }
    }

    @Test
    @DisplayName("a poolSize that is not a number from 1 to 9999 is refused with the option's name")
    void badPoolSize() {
        var settings = new ProviderSettings(
                "jdbc:h2:mem:" + TestDatabases.uniqueName("bad"), Map.of("poolSize", "0"), new MutableClock());
        assertThatThrownBy(() -> StorageProviders.openStorage("jdbc", settings, loader))
                .hasMessageContaining("poolSize was '0'")
                .hasMessageContaining("from 1 to 9999");
    }

    @Test
    @DisplayName(
            "option groupCommit=false opens a store whose writes commit on their callers' threads; another value is refused")
    void groupCommitOption() {
        String url = "jdbc:h2:mem:" + TestDatabases.uniqueName("nogc") + ";DB_CLOSE_DELAY=-1";
        MutableClock clock = new MutableClock();
        var t = Fixtures.pending(Fixtures.merchant(), clock);
        try (Storage storage = StorageProviders.openStorage(
                "jdbc", new ProviderSettings(url, Map.of("groupCommit", "false"), clock), loader)) {
            assertThat(storage.transactions().insert(t)).isEqualTo(InsertOutcome.INSERTED);
            assertThat(storage.transactions().insert(t)).isEqualTo(InsertOutcome.DUPLICATE_ID);
            assertThat(storage.transactions().findAnyById(t.id())).contains(t);
        }
        TestDatabases.execute(url, "SHUTDOWN");
        assertThatThrownBy(() -> StorageProviders.openStorage(
                        "jdbc", new ProviderSettings(url, Map.of("groupCommit", "maybe"), clock), loader))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("jdbc option groupCommit was 'maybe' but it must be true or false");
    }

    @Test
    @DisplayName("explicit wiring on a host's DataSource migrates and leaves the DataSource open")
    void explicitWiring() {
        try (var ds = TestDatabases.pool("jdbc:h2:mem:" + TestDatabases.uniqueName("wire") + ";DB_CLOSE_DELAY=-1", 2)) {
            Storage storage = JdbcStorage.builder(ds).clock(new MutableClock()).build();
            storage.close();
            assertThat(ds.isClosed()).isFalse();
            assertThat(storage.apiKeys().findByHash(Fixtures.randomHex(64))).isEmpty();
            TestDatabases.execute(ds.getJdbcUrl(), "SHUTDOWN");
        }
    }

    @Test
    @DisplayName(
            "a schema that already holds the host's tables (and its own Flyway history) gets BakongPay's tables too")
    void besideHostTables() {
        String url = "jdbc:h2:mem:" + TestDatabases.uniqueName("host") + ";DB_CLOSE_DELAY=-1";
        TestDatabases.execute(url, "CREATE TABLE shop_order (id INT PRIMARY KEY)");
        TestDatabases.execute(url, "CREATE TABLE \"flyway_schema_history\" (\"version\" VARCHAR(50))");
        try (var ds = TestDatabases.pool(url, 2)) {
            assertThat(JdbcMigrations.migrate(ds)).isEqualTo(6); // V1 to V6
            assertThat(JdbcStorage.builder(ds)
                            .migrate(false)
                            .build()
                            .transactions()
                            .findAnyByMd5(Fixtures.randomHex(32)))
                    .isEmpty();
            TestDatabases.execute(url, "SHUTDOWN");
        }
    }

    @Test
    @DisplayName("a host pool with auto-commit off still gets every write committed")
    void hostPoolWithoutAutoCommit() {
        String url = "jdbc:h2:mem:" + TestDatabases.uniqueName("noauto") + ";DB_CLOSE_DELAY=-1";
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(url);
        config.setAutoCommit(false);
        config.setMaximumPoolSize(2);
        MutableClock clock = new MutableClock();
        var t = Fixtures.pending(Fixtures.merchant(), clock);
        try (var ds = new com.zaxxer.hikari.HikariDataSource(config)) {
            Storage storage = JdbcStorage.builder(ds).clock(clock).build();
            storage.transactions().insert(t);
            storage.transactions().transition(dev.bakongpay.spi.StatusTransition.expired(t.id(), clock.instant()));
        }
        try (var fresh = TestDatabases.pool(url, 1)) {
            assertThat(new JdbcTransactionStore(fresh, clock)
                            .findAnyById(t.id())
                            .orElseThrow()
                            .status())
                    .isEqualTo(dev.bakongpay.spi.PaymentStatus.EXPIRED);
            TestDatabases.execute(url, "SHUTDOWN");
        }
    }
}
