package dev.bakongpay.adapters.jdbc;

import dev.bakongpay.spi.StoreException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Group commit of small writes (a create's transaction insert, its idempotency reservation and
 * completion), as a single-writer queue. A caller puts its write in a bounded queue and joins the
 * write's future; {@value #WRITERS} writer threads drain the queue: each takes what is queued (up to
 * {@value #MAX_BATCH} writes), runs it in one database transaction, commits once and completes each
 * write's future. An H2 file store serialises its B-trees once per commit and PostgreSQL flushes its
 * WAL once per commit, so under concurrent creates that cost is shared; a write that finds nothing
 * else queued runs alone in auto-commit. Two writers, so that while one batch waits for its commit
 * (a WAL flush, a network round trip per statement) the next one runs its statements. Under load a
 * writer that took fewer writes than the last batch held waits for more while the other writer's
 * batch runs, at most until that batch is over ({@link #take}): without that, the writer took the
 * few writes queued the instant it was free, and PostgreSQL made more, smaller commits.
 *
 * <p>A caller returns only after the commit that holds its write, so an acknowledged write survives
 * a crash just as an auto-commit one does. When the batch fails on its data (a duplicate key caught
 * by one write, after which PostgreSQL refuses the rest of the transaction; a bad value; a
 * serialization failure that outlived its retries), it is rolled back whole and each write runs again
 * alone, so each caller gets its own outcome and one caller's duplicate never fails another's write.
 * When it fails on the database itself (connection lost, server shutting down) every caller in it
 * gets that failure at once. As with any write, a commit whose answer the connection lost may still
 * have stored the batch: a re-run insert then finds its own row as a duplicate, and a create retries
 * with a fresh id, leaving that row to expire unseen.
 *
 * <p>A write must be a database function only: it may run twice (in a batch that failed, then alone),
 * and inside a batch it shares the transaction with other callers' writes.
 *
 * <p>Writer threads are daemons started with the first write and retired after
 * {@value #IDLE_MILLIS} ms without work, so a store nobody closes leaves no thread behind.
 * {@link #close()} refuses new writes, lets the writers finish what is queued (for up to
 * {@value #CLOSE_WAIT_MILLIS} ms) and fails whatever is left with a {@link StoreException}.
 * {@link #off(Jdbc)} has no queue: each write commits on its own ({@code BAKONGPAY_GROUP_COMMIT=false}).
 */
final class GroupCommit implements AutoCloseable {
    static final int MAX_BATCH = 64;
    static final int WRITERS = 2;
    /** Room for every request thread of a node several times over; a caller beyond it waits for room. */
    static final int QUEUE_CAPACITY = 4096;

    static final long IDLE_MILLIS = 5_000;
    static final long CLOSE_WAIT_MILLIS = 10_000;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Jdbc jdbc;
    private final boolean enabled;
    /** Told the size of every batch a writer takes (1 for a write that ran alone); never null. */
    private final IntConsumer batchSizeListener;

    private final BlockingQueue<Write<?>> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    /** Writer threads alive, at most {@link #WRITERS}. */
    private final AtomicInteger writers = new AtomicInteger();

    private final AtomicInteger threadNumber = new AtomicInteger();
    /** Its writer threads are called {@code name-writer-N}. */
    final String name = "bakongpay-group-commit-" + INSTANCES.incrementAndGet();

    /** Held by the writer that takes writes from the queue: one at a time, so at most one gathers. */
    private final Semaphore takeTurn = new Semaphore(1);
    /** Batches being run (taken, not yet completed). */
    private final AtomicInteger running = new AtomicInteger();
    /** Whether a writer waits for the running batch to end before it runs its own. */
    private volatile boolean gathering;
    /** Where that writer waits. */
    private final Object batchEnded = new Object();
    /** Size of the batch taken last: how many writes a writer waits for while another batch runs. */
    private volatile int lastBatch = 1;
    /** Writes held by the writer that waits for the running batch (tests use it to know a write was taken). */
    private volatile int gathered;

    private final Object writersDone = new Object();
    private volatile boolean closed;
    /** Metrics hook, set after construction: told the size of every batch; see {@link JdbcStorage#observeWriteBatches}. */
    volatile IntConsumer batchSizes = size -> {};

    GroupCommit(Jdbc jdbc) {
        this(jdbc, size -> {});
    }

    /** With {@code batchSizeListener} told each batch's size, on the writer thread (keep it cheap). */
    GroupCommit(Jdbc jdbc, IntConsumer batchSizeListener) {
        this(jdbc, true, batchSizeListener);
    }

    private GroupCommit(Jdbc jdbc, boolean enabled, IntConsumer batchSizeListener) {
        this.jdbc = jdbc;
        this.enabled = enabled;
        this.batchSizeListener = batchSizeListener != null ? batchSizeListener : size -> {};
    }

    /** No group commit: each write runs on its caller's thread and commits on its own. */
    static GroupCommit off(Jdbc jdbc) {
        return new GroupCommit(jdbc, false, size -> {});
    }

    /** A queued write and the future its caller joins. */
    private static final class Write<T> {
        final String what;
        final Jdbc.Work<T> work;
        final CompletableFuture<Object> outcome = new CompletableFuture<>();

        Write(String what, Jdbc.Work<T> work) {
            this.what = what;
            this.work = work;
        }
    }

    /** Wakes a writer that waits for work, so that it sees {@link #closed}; never run. */
    private static final Write<Void> WAKE_UP = new Write<>("wake-up", c -> null);

    /** Runs {@code work} in a transaction shared with concurrent callers' writes; see the class comment. */
    <T> T run(String what, Jdbc.Work<T> work) {
        if (!enabled) return jdbc.autoCommit(what, work);
        Write<T> mine = new Write<>(what, work);
        enqueue(mine);
        return await(mine);
    }

    private void enqueue(Write<?> w) {
        if (closed) throw closedFailure(w);
        if (!queue.offer(w)) {
            try {
                queue.put(w);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException(
                        w.what + " was not run: the thread was interrupted while the group-commit queue was full");
            }
        }
        // close() may have drained the queue between the check above and the offer: take it back then
        if (closed && queue.remove(w)) throw closedFailure(w);
        startWriters();
    }

    private static StoreException closedFailure(Write<?> w) {
        return new StoreException(w.what + " was not run: the storage is closed");
    }

    /** Waits for the write's commit. An interrupt withdraws a write no writer took yet; a taken one is waited for. */
    @SuppressWarnings("unchecked")
    private <T> T await(Write<T> w) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return (T) w.outcome.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    if (queue.remove(w)) {
                        throw new StoreException(w.what
                                + " was not run: the thread was interrupted while it waited in the group-commit queue");
                    }
                    // a writer has it and may be committing it: its outcome is the caller's to know
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) throw r;
                    if (cause instanceof Error err) throw err;
                    throw new StoreException(w.what + " failed: " + cause, cause);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Brings the writers up to {@link #WRITERS}; those already running keep draining. */
    private void startWriters() {
        for (int n = writers.get(); n < WRITERS; n = writers.get()) {
            if (writers.compareAndSet(n, n + 1)) {
                Thread t = new Thread(this::drain, name + "-writer-" + threadNumber.incrementAndGet());
                t.setDaemon(true); // a storage nobody closed must not keep the JVM alive
                t.start();
            }
        }
    }

    /**
     * A writer's life: take a batch, run it, until idle for {@link #IDLE_MILLIS} or closed and empty.
     * Writers take writes one at a time ({@link #takeTurn}); see {@link #take} for when a writer
     * waits for more writes before it runs its batch.
     */
    private void drain() {
        boolean retired = false;
        try {
            List<Write<?>> batch = new ArrayList<>(MAX_BATCH);
            while (true) {
                try {
                    if (!takeTurn.tryAcquire(closed ? 0 : IDLE_MILLIS, TimeUnit.MILLISECONDS)) {
                        if (retire()) {
                            retired = true;
                            return;
                        }
                        continue;
                    }
                } catch (InterruptedException e) {
                    continue; // writers are stopped by close(), not by interrupts
                }
                boolean idle;
                try {
                    idle = !take(batch);
                    if (!batch.isEmpty()) running.incrementAndGet(); // before the turn passes on
                } finally {
                    takeTurn.release();
                }
                if (idle) {
                    if (retire()) {
                        retired = true;
                        return;
                    }
                    continue;
                }
                if (!batch.isEmpty()) {
                    try {
                        runBatch(batch);
                    } finally {
                        running.decrementAndGet();
                        if (gathering) batchOver(); // the waiting writer may run its batch now
                    }
                }
                batch.clear();
            }
        } finally {
            if (!retired) { // died of an Error outside a batch: the next write starts a writer again
                writers.decrementAndGet();
                signalWritersDone();
            }
        }
    }

    /**
     * Fills {@code batch} with the queued writes: the first one waited for (up to {@link #IDLE_MILLIS}),
     * then what else is queued. When that is fewer writes than the last batch held and another
     * writer's batch is running, it waits until that batch is over and takes what has come by then.
     * Under load the callers a batch has just answered send their next writes a moment later: a
     * writer that ran at once would commit a few of them while the rest waited for the next
     * commit, and every commit costs a WAL flush (PostgreSQL) or a store write (H2). The wait is
     * one wake-up per batch, not one per write; a lone write on a quiet store still runs at once,
     * and no write waits longer than the batch ahead of it. Answers false when no write came.
     */
    private boolean take(List<Write<?>> batch) {
        Write<?> first;
        try {
            first = queue.poll(closed ? 0 : IDLE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return true; // writers are stopped by close(), not by interrupts: look again
        }
        if (first == null) return false;
        if (first != WAKE_UP) batch.add(first);
        queue.drainTo(batch, MAX_BATCH - batch.size());
        batch.removeIf(w -> w == WAKE_UP);
        if (batch.isEmpty()) return true;
        if (batch.size() < lastBatch) {
            gathered = batch.size();
            gathering = true; // written before running is read; the batch that ends reads it after its decrement
            try {
                synchronized (batchEnded) {
                    while (running.get() > 0 && !closed) {
                        try {
                            batchEnded.wait(); // one wake-up when the running batch is over, not one per write
                        } catch (InterruptedException e) {
                            // writers are stopped by close(), not by interrupts
                        }
                    }
                }
            } finally {
                gathering = false;
                gathered = 0;
            }
            queue.drainTo(batch, MAX_BATCH - batch.size());
            batch.removeIf(w -> w == WAKE_UP);
        }
        lastBatch = batch.size();
        return true;
    }

    /**
     * Called by an idle writer: it leaves unless a write came in after it looked, in which case it
     * stays (a caller that saw {@link #WRITERS} writers started none). Answers whether it left.
     */
    private boolean retire() {
        writers.decrementAndGet();
        if (!queue.isEmpty()) {
            for (int n = writers.get(); n < WRITERS; n = writers.get()) {
                if (writers.compareAndSet(n, n + 1)) return false;
            }
        }
        signalWritersDone();
        return true;
    }

    private void batchOver() {
        synchronized (batchEnded) {
            batchEnded.notifyAll();
        }
    }

    private void signalWritersDone() {
        synchronized (writersDone) {
            writersDone.notifyAll();
        }
    }

    private void runBatch(List<Write<?>> batch) {
        try {
            batchSizeListener.accept(batch.size());
            batchSizes.accept(batch.size());
        } catch (RuntimeException e) {
            // a metric must never cost a write
        }
        try {
            run(batch);
        } catch (
                Throwable e) { // out of memory or the like: nobody in the batch may wait for ever, and the writer lives
            // on
            for (Write<?> w : batch) w.outcome.completeExceptionally(new StoreException(w.what + " failed: " + e, e));
        }
    }

    private void run(List<Write<?>> batch) {
        if (batch.size() > 1) {
            try {
                List<Object> values = jdbc.inTransaction(batch.size() + " writes in one commit", c -> {
                    List<Object> out = new ArrayList<>(batch.size());
                    for (Write<?> w : batch) out.add(w.work.run(c));
                    return out;
                });
                for (int i = 0; i < batch.size(); i++) batch.get(i).outcome.complete(values.get(i));
                return;
            } catch (RuntimeException e) {
                // rolled back, so nothing of the batch is stored
                if (databaseUnavailable(e)) { // one exception per caller, each naming its own write
                    batch.forEach(w -> w.outcome.completeExceptionally(
                            new StoreException(w.what + " failed: " + e.getMessage(), e)));
                    return;
                }
            }
        }
        for (Write<?> w : batch) {
            try {
                w.outcome.complete(jdbc.autoCommit(w.what, w.work));
            } catch (RuntimeException e) {
                w.outcome.completeExceptionally(e);
            }
        }
    }

    /** Whether a batch failed because the database could not be reached, not because of what it held. */
    private static boolean databaseUnavailable(RuntimeException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException)
                return true;
            if (t instanceof SQLException s
                    && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57"))) {
                return true;
            }
        }
        return false;
    }

    boolean closed() {
        return closed;
    }

    /** Writes queued and not yet taken by a writer (tests use it to know a caller is waiting). */
    int queued() {
        return (int) queue.stream().filter(w -> w != WAKE_UP).count();
    }

    /** Writes a writer has taken and holds while it waits for the running batch; see {@link #take}. */
    int gathered() {
        return gathered;
    }

    /**
     * Refuses new writes, lets the writers commit what is queued, and fails what is still queued
     * after {@value #CLOSE_WAIT_MILLIS} ms (a writer stuck on the database) with a
     * {@link StoreException}. Call it before closing the pool the writes need.
     */
    @Override
    public void close() {
        close(CLOSE_WAIT_MILLIS);
    }

    /** {@link #close()} with its wait for the writers given (tests use a short one). */
    void close(long waitMillis) {
        if (!enabled || closed) return;
        closed = true;
        batchOver(); // a writer waiting for a running batch runs what it holds
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        boolean interrupted = false;
        synchronized (writersDone) {
            for (long left; writers.get() > 0 && (left = deadline - System.nanoTime()) > 0; ) {
                // a writer waiting for work sees closed once woken; a full queue needs no wake-up
                if (!queue.contains(WAKE_UP)) queue.offer(WAKE_UP);
                try {
                    TimeUnit.NANOSECONDS.timedWait(writersDone, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
            }
        }
        for (Write<?> w; (w = queue.poll()) != null; ) {
            if (w != WAKE_UP) w.outcome.completeExceptionally(closedFailure(w));
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
