package dev.bakongpay.server.runtime;

import dev.bakongpay.spi.Storage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an embedded H2 file near the size of the data it holds.
 *
 * <p>The server opens H2 with {@code WRITE_DELAY=0} so that a create is in the file before it is
 * answered. H2 then runs no background writer, and that writer is also what rewrites the live pages
 * of mostly-dead chunks so their space can be used again: without it the file grows by about 18 KB
 * per commit and never shrinks (18 GB for 1,000,000 payments holding 519 MB of data). This does the
 * writer's compaction on a thread of its own: every {@link Policy#every()}, when the file is larger
 * than {@link Policy#minFileBytes()} and less than {@link Policy#maxFillPercent()} of it is live
 * data ({@link #livePercent}), one small step of the compaction H2's writer would do (1 MiB of live
 * pages rewritten, 2 MiB of chunks moved, each under H2's store lock: a commit waits for one small
 * step at most; a step of {@code compactFile}, 16 MiB at a time, held creates up to half a second).
 * Commits stay synchronous; the compaction only moves data that is already committed.
 */
final class H2FileHousekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(H2FileHousekeeping.class);
    /** Live pages rewritten per step: H2's own busy-time step is a quarter of its 1 MiB write buffer. */
    private static final int REWRITE_BYTES = 1 << 20;
    /** Chunk bytes moved per step towards the start of the file (H2's own: twice its write buffer). */
    private static final long MOVE_BYTES = 2L << 20;

    /**
     * When to compact and how often to look.
     *
     * @param every          between two looks at the file (each look is a few field reads)
     * @param minFileBytes   a smaller file is left alone (the compaction of a young store frees little)
     * @param maxFillPercent compact while less than this share of the file is live data
     */
    record Policy(Duration every, long minFileBytes, int maxFillPercent) {
        static final Policy DEFAULT = new Policy(Duration.ofMillis(250), 16L << 20, 50);
    }

    private final Connection connection;
    private final MVStore store;
    private final ScheduledExecutorService thread;
    private final Policy policy;
    private volatile long steps;
    private volatile boolean failed;

    private H2FileHousekeeping(Connection connection, MVStore store, Policy policy) {
        this.connection = connection;
        this.store = store;
        this.policy = policy;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bakongpay-h2-housekeeping");
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1); // answers first: compaction can always wait
            return t;
        });
        long ms = policy.every().toMillis();
        thread.scheduleWithFixedDelay(this::step, ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * {@code storage}, which also stops the housekeeping when closed, if {@code url} names an
     * embedded H2 file; {@code storage} itself for any other store. Never fails: a store whose
     * H2 internals cannot be reached is only left without housekeeping (and says so).
     */
    static Storage keepTidy(Storage storage, String url, String user, String password) {
        if (!embeddedH2File(url)) return storage;
        H2FileHousekeeping housekeeping = start(url, user, password, Policy.DEFAULT);
        if (housekeeping == null) return storage;
        return new Storage(
                storage.adapterId(),
                storage.transactions(),
                storage.idempotency(),
                storage.apiKeys(),
                storage.webhooks(),
                storage.audit(),
                () -> {
                    try (storage) {
                        housekeeping.close(); // no compaction step may run into the store's close
                    }
                });
    }

    /** {@code jdbc:h2:file:…} or {@code jdbc:h2:<path>}: not in memory, not a remote server. */
    static boolean embeddedH2File(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) return false;
        String rest = url.substring(8).toLowerCase(Locale.ROOT);
        return !(rest.startsWith("mem:")
                || rest.startsWith("tcp:")
                || rest.startsWith("ssl:")
                || rest.startsWith("zip:"));
    }

    /**
     * Housekeeping for the H2 database at {@code url}, already open in this JVM (a second connection
     * to the same file shares its store), or null if its store cannot be reached.
     */
    static H2FileHousekeeping start(String url, String user, String password, Policy policy) {
        Connection c = null;
        try {
            c = DriverManager.getConnection(url, user, password);
            MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession())
                    .getDatabase()
                    .getStore()
                    .getMvStore();
            if (store.getFileStore() == null) {
                c.close();
                return null;
            }
            return new H2FileHousekeeping(c, store, policy);
        } catch (SQLException | RuntimeException | LinkageError e) {
            // an H2 version whose internals moved: the store works, its file only grows
            LOG.warn("BakongPay: the H2 file will not be compacted while open ({})", e.toString());
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // already reported why housekeeping is off
                }
            }
            return null;
        }
    }

    /** One look, and one small compaction step when the file is mostly dead space. */
    private void step() {
        if (failed || store.isClosed()) return;
        try {
            FileStore<?> file = store.getFileStore();
            if (file.size() < policy.minFileBytes() || livePercent(file) >= policy.maxFillPercent()) return;
            // H2's compactFile in small steps, so a commit waits for a megabyte or two of writing at
            // most (its own steps are 16 MiB: creates waited up to half a second): the live pages of
            // the sparsest chunks rewritten, the file synced, the chunks they leave dead dropped and
            // others moved into the space (H2 syncs again before it overwrites), the file cut at its
            // end. Dead chunks are dropped at once only during the step (retention 0, as compactFile
            // does), and only after a sync.
            int retention = store.getRetentionTime();
            try {
                file.compact(100, REWRITE_BYTES);
                store.sync();
                store.setRetentionTime(0);
                if (file instanceof RandomAccessStore blocks) blocks.compactMoveChunks(100, MOVE_BYTES, store);
            } finally {
                store.setRetentionTime(retention);
            }
            steps++;
        } catch (RuntimeException | LinkageError e) { // LinkageError: an H2 whose compaction API moved
            if (store.isClosed()) return; // the store closed under the step: the server is stopping
            failed = true; // once: a step that fails would fail again on every tick
            LOG.warn("BakongPay: compacting the H2 file failed; it will only grow from now on", e);
        }
    }

    /**
     * The share of the file that is live data: the blocks chunks occupy, times the share of live
     * pages in those chunks (a file of chunks that are nearly all dead pages has no free blocks).
     */
    static int livePercent(FileStore<?> file) {
        return file.getFillRate() * file.getChunksFillRate() / 100;
    }

    /** Compaction steps done so far. */
    long steps() {
        return steps;
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) thread.shutdownNow();
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing the H2 housekeeping connection: {}", e.toString());
        }
    }
}
