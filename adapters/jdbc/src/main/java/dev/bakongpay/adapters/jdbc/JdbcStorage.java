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
    private boolean groupCommit = true;
    private AutoCloseable onClose = () -> {};

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

    /**
     * Whether concurrent writes share commits (default true): a create's writes go to a queue that
     * writer threads commit in batches. False: each write commits on its own, on its caller's thread.
     */
    public JdbcStorage groupCommit(boolean groupCommit) {
        this.groupCommit = groupCommit;
        return this;
    }

    /** What {@link Storage#close()} closes, e.g. a pool the adapter created (default: nothing). */
    JdbcStorage onClose(AutoCloseable onClose) {
        this.onClose = onClose;
        return this;
    }

    /**
     * Tells {@code sizes} how many writes each group commit of {@code storage} holds (for a
     * batch-size histogram). False, and nothing observed, when {@code storage} is not this adapter's.
     */
    public static boolean observeWriteBatches(Storage storage, java.util.function.IntConsumer sizes) {
        Objects.requireNonNull(sizes, "sizes");
        if (!(storage.transactions() instanceof JdbcTransactionStore store)) return false;
        store.writes().batchSizes = sizes;
        return true;
    }

    public Storage build() {
        if (migrate) JdbcMigrations.migrate(dataSource);
        Jdbc jdbc = new Jdbc(dataSource);
        // one queue: a create's three writes ride the same commits
        GroupCommit writes = groupCommit ? new GroupCommit(jdbc) : GroupCommit.off(jdbc);
        AutoCloseable onClose = this.onClose;
        return new Storage(
                ID,
                new JdbcTransactionStore(jdbc, clock, writes),
                new JdbcIdempotencyStore(jdbc, writes),
                new JdbcApiKeyStore(dataSource),
                new JdbcWebhookDeliveryStore(dataSource, clock),
                new JdbcAdminAuditStore(dataSource),
                () -> {
                    try (onClose) {
                        writes.close(); // the queued writes still need the pool
                    }
                });
    }
}
