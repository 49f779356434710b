package dev.bakongpay.adapters.jdbc;

import dev.bakongpay.spi.StoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies BakongPay's schema with Flyway, in the connection's current schema. Its history table is
 * {@value #HISTORY_TABLE} and its scripts are under {@value #LOCATION}, so a host's own Flyway
 * (default table {@code flyway_schema_history}, its own locations) is unaffected. A schema that
 * already holds the host's tables is baselined at version 0, so V1 still runs.
 */
public final class JdbcMigrations {
    public static final String HISTORY_TABLE = "bakongpay_schema_history";
    public static final String LOCATION = "classpath:db/migration/bakongpay";
    private static final Logger LOG = LoggerFactory.getLogger(JdbcMigrations.class);

    private JdbcMigrations() {}

    /** Brings the schema up to date; returns how many migrations ran. */
    public static int migrate(DataSource dataSource) {
        try {
            MigrateResult result = Flyway.configure(JdbcMigrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .table(HISTORY_TABLE)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info(
                        "BakongPay schema migrated to version {} ({} migration(s), history in {})",
                        result.targetSchemaVersion,
                        result.migrationsExecuted,
                        HISTORY_TABLE);
            }
            return result.migrationsExecuted;
        } catch (RuntimeException e) {
            throw new StoreException("migrating the BakongPay schema failed: " + e.getMessage(), e);
        }
    }
}
