package dev.bakongpay.adapters.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.bakongpay.spi.AdminAuditStore;
import dev.bakongpay.spi.ApiKeyStore;
import dev.bakongpay.spi.IdempotencyStore;
import dev.bakongpay.spi.testkit.AdminAuditStoreContract;
import dev.bakongpay.spi.testkit.ApiKeyStoreContract;
import dev.bakongpay.spi.testkit.IdempotencyStoreContract;
import dev.bakongpay.testsupport.MutableClock;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The contract kit on H2 file (default mode). */
@DisplayName("H2 file (default mode)")
class H2FileStoresTest {
    @TempDir
    static java.nio.file.Path dir;

    private static String url;
    private static HikariDataSource pool;

    @BeforeAll
    static void start() {
        url = "jdbc:h2:file:" + dir.resolve("bakongpay").toAbsolutePath();
        pool = TestDatabases.pool(url, 12);
        JdbcMigrations.migrate(pool);
    }

    @AfterAll
    static void stop() {
        if (pool == null) return;
        TestDatabases.execute(url, "SHUTDOWN");
        pool.close();
    }

    @Nested
    @DisplayName("H2 file (default mode): transaction store")
    class Transactions extends JdbcTransactionStoreContract {
        @Override
        protected DataSource dataSource() {
            return pool;
        }
    }

    @Nested
    @DisplayName("H2 file (default mode): transaction store, group commit off")
    class TransactionsOneCommitEach extends JdbcTransactionStoreContract {
        @Override
        protected DataSource dataSource() {
            return pool;
        }

        @Override
        protected boolean groupCommit() {
            return false;
        }
    }

    @Nested
    @DisplayName("H2 file (default mode): idempotency store")
    class Idempotency extends IdempotencyStoreContract {
        @Override
        protected IdempotencyStore createStore(MutableClock clock) {
            return new JdbcIdempotencyStore(pool);
        }
    }

    @Nested
    @DisplayName("H2 file (default mode): idempotency store, group commit off")
    class IdempotencyOneCommitEach extends IdempotencyStoreContract {
        @Override
        protected IdempotencyStore createStore(MutableClock clock) {
            Jdbc jdbc = new Jdbc(pool);
            return new JdbcIdempotencyStore(jdbc, GroupCommit.off(jdbc));
        }
    }

    @Nested
    @DisplayName("H2 file (default mode): API-key store")
    class ApiKeys extends ApiKeyStoreContract {
        @Override
        protected ApiKeyStore createStore(MutableClock clock) {
            return new JdbcApiKeyStore(pool);
        }
    }

    @Nested
    @DisplayName("H2 file (default mode): connection loss")
    class ConnectionLoss extends ConnectionLossScenario {
        @Override
        protected DataSource dataSource() {
            return pool;
        }

        @Override
        protected HikariDataSource newPool() {
            return TestDatabases.pool(url, 4);
        }
    }

    @Nested
    @DisplayName("H2 file (default mode): webhook delivery store")
    class Webhooks extends JdbcWebhookDeliveryStoreContract {
        @Override
        protected DataSource dataSource() {
            return pool;
        }
    }

    @Nested
    @DisplayName("H2 file (default mode): admin audit store")
    class Audit extends AdminAuditStoreContract {
        @Override
        protected AdminAuditStore createStore(MutableClock clock) {
            return new JdbcAdminAuditStore(pool);
        }
    }
}
