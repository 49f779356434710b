package dev.bakongpay.adapters.jdbc;

import dev.bakongpay.spi.Storage;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Explicit wiring of the JDBC adapter on a host's {@link DataSource}:
 * <pre>{@code
 * Storage storage = JdbcStorage.builder(dataSource).clock(clock).build(); // migrates, then opens
 * }</pre>
 * The data source is the host's: closing the returned {@link Storage} does not close it.
 */
public final class JdbcStorage {
    public static final String ID = "jdbc";

    private final DataSource dataSource;
    private Clock clock = Clock.systemUTC();
    private boolean migrate = true;
    private AutoCloseable onClose = () -> { };

    private JdbcStorage(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    public static JdbcStorage builder(DataSource dataSource) {
        return new JdbcStorage(dataSource);
    }

    /** Migrates the schema and opens the stores with the system UTC clock. */
    public static Storage open(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /** The clock claims read time from (default: system UTC). */
    public JdbcStorage clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Whether to apply the schema migrations at {@link #build()} (default true; false if the shop runs the SQL itself). */
    public JdbcStorage migrate(boolean migrate) {
        this.migrate = migrate;
        return this;
    }

    /** What {@link Storage#close()} closes, e.g. a pool the adapter created (default: nothing). */
    JdbcStorage onClose(AutoCloseable onClose) {
        this.onClose = onClose;
        return this;
    }

    public Storage build() {
        if (migrate) JdbcMigrations.migrate(dataSource);
        Jdbc jdbc = new Jdbc(dataSource);
        GroupCommit writes = new GroupCommit(jdbc); // one queue: a create's three writes ride the same commits
        return new Storage(ID, new JdbcTransactionStore(jdbc, clock, writes), new JdbcIdempotencyStore(jdbc, writes),
                new JdbcApiKeyStore(dataSource), new JdbcWebhookDeliveryStore(dataSource, clock), new JdbcAdminAuditStore(dataSource),
                onClose);
    }
}
