package dev.bakongpay.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.ApiKeyState;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Migrating API keys stored before key management (schema 2 to 3)")
class ApiKeyMigrationTest {

    @Test
    @DisplayName("keys of schema 2 get the id of their hash, their mode's prefix, and stay active or revoked")
    void oldKeysKeepWorking() {
        String url = "jdbc:h2:mem:" + TestDatabases.uniqueName("bp_mig") + ";DB_CLOSE_DELAY=-1";
        try (HikariDataSource pool = TestDatabases.pool(url, 2)) {
            Flyway.configure()
                    .dataSource(pool)
                    .locations(JdbcMigrations.LOCATION)
                    .table(JdbcMigrations.HISTORY_TABLE)
                    .target("2")
                    .load()
                    .migrate();
            String live = "a".repeat(64);
            String revoked = "b".repeat(64);
            TestDatabases.execute(
                    url,
                    "INSERT INTO bakongpay_api_key (key_hash, merchant_id, plan, mode, active, created_at)"
                            + " VALUES ('" + live
                            + "', 'm1', 'PRO', 'LIVE', TRUE, TIMESTAMP WITH TIME ZONE '2026-12-01 10:00:00+00'),"
                            + " ('" + revoked
                            + "', 'm2', 'FREE', 'TEST', FALSE, TIMESTAMP WITH TIME ZONE '2026-12-02 10:00:00+00')");

            assertThat(JdbcMigrations.migrate(pool)).isPositive();

            JdbcApiKeyStore store = new JdbcApiKeyStore(pool);
            ApiKeyRecord a = store.findById("key_aaaaaaaaaaaaaaaa").orElseThrow();
            assertThat(a)
                    .isEqualTo(new ApiKeyRecord(
                            live, "m1", Plan.PRO, PaymentMode.LIVE, true, Instant.parse("2026-12-01T10:00:00Z"), null));
            assertThat(a.prefix()).isEqualTo("bk_live_");
            assertThat(a.state(Instant.now())).isEqualTo(ApiKeyState.ACTIVE);
            ApiKeyRecord b = store.findByHash(revoked).orElseThrow();
            assertThat(b.id()).isEqualTo("key_bbbbbbbbbbbbbbbb");
            assertThat(b.prefix()).isEqualTo("bk_test_");
            assertThat(b.state(Instant.now())).isEqualTo(ApiKeyState.REVOKED);
            assertThat(store.list(10)).extracting(ApiKeyRecord::id).containsExactly(b.id(), a.id());
            TestDatabases.execute(url, "SHUTDOWN");
        }
    }
}
