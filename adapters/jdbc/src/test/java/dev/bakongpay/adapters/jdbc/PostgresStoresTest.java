package dev.bakongpay.adapters.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.bakongpay.spi.AdminAuditStore;
import dev.bakongpay.spi.ApiKeyStore;
import dev.bakongpay.spi.IdempotencyStore;
import dev.bakongpay.spi.testkit.AdminAuditStoreContract;
import dev.bakongpay.spi.testkit.ApiKeyStoreContract;
import dev.bakongpay.spi.testkit.IdempotencyStoreContract;
import dev.bakongpay.testsupport.MutableClock;
import dev.bakongpay.testsupport.RequiresService;
import dev.bakongpay.testsupport.Service;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/** The contract kit on PostgreSQL, in a schema of its own that is dropped afterwards. */
@DisplayName("PostgreSQL")
@RequiresService(Service.POSTGRESQL)
class PostgresStoresTest {
    private static String schema;
    private static HikariDataSource pool;

    @BeforeAll
    static void start() {
        schema = TestDatabases.uniqueName("bp_spi_test");
        TestDatabases.createSchema(schema);
        pool = TestDatabases.postgresPool(schema, 12);
        JdbcMigrations.migrate(pool);
    }

    @AfterAll
    static void stop() {
        if (pool != null) pool.close();
        if (schema != null) TestDatabases.dropSchema(schema);
    }

    @Nested
    @DisplayName("PostgreSQL transaction store")
    class Transactions extends JdbcTransactionStoreContract {
        @Override
        protected DataSource dataSource() {
            return pool;
        }
    }

    @Nested
    @DisplayName("PostgreSQL transaction store, group commit off")
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
    @DisplayName("PostgreSQL idempotency store")
    class Idempotency extends IdempotencyStoreContract {
        @Override
        protected IdempotencyStore createStore(MutableClock clock) {
            return new JdbcIdempotencyStore(pool);
        }
    }

    @Nested
    @DisplayName("PostgreSQL idempotency store, group commit off")
    class IdempotencyOneCommitEach extends IdempotencyStoreContract {
        @Override
        protected IdempotencyStore createStore(MutableClock clock) {
            Jdbc jdbc = new Jdbc(pool);
            return new JdbcIdempotencyStore(jdbc, GroupCommit.off(jdbc));
        }
    }

    @Nested
    @DisplayName("PostgreSQL API-key store")
    class ApiKeys extends ApiKeyStoreContract {
        @Override
        protected ApiKeyStore createStore(MutableClock clock) {
            return new JdbcApiKeyStore(pool);
        }
    }

    @Nested
    @DisplayName("PostgreSQL connection loss")
    class ConnectionLoss extends ConnectionLossScenario {
        @Override
        protected DataSource dataSource() {
            return pool;
        }

        @Override
        protected HikariDataSource newPool() {
            return TestDatabases.postgresPool(schema, 4, schema + "_doomed");
        }

        /** Terminates the pool's server processes mid-statement, then the pool closes too. */
        @Override
        protected void killConnections(HikariDataSource doomed) {
            TestDatabases.execute(
                    TestDatabases.postgresUrl(),
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity" + " WHERE application_name = '" + schema
                            + "_doomed'");
        }
    }

    @Nested
    @DisplayName("PostgreSQL webhook delivery store")
    class Webhooks extends JdbcWebhookDeliveryStoreContract {
        @Override
        protected DataSource dataSource() {
            return pool;
        }
    }

    @Nested
    @DisplayName("PostgreSQL admin audit store")
    class Audit extends AdminAuditStoreContract {
        @Override
        protected AdminAuditStore createStore(MutableClock clock) {
            return new JdbcAdminAuditStore(pool);
        }
    }
}
