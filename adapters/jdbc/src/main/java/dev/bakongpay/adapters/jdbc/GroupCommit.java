package dev.bakongpay.adapters.jdbc;

import dev.bakongpay.spi.StoreException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.Semaphore;

/**
 * Group commit of small writes (a create's transaction insert, its idempotency reservation and
 * completion). Each caller queues its work; whichever caller gets a writer slot runs every queued
 * work (up to {@value #MAX_BATCH}) in one database transaction and commits once, while the others
 * wait ({@value #WRITERS} batches at most at once). An H2 file store serialises its B-trees once
 * per commit and PostgreSQL flushes its WAL once per commit, so under concurrent creates that cost
 * is shared; a lone caller's work runs alone in auto-commit, as before.
 *
 * <p>A caller returns only after the commit that holds its write, so an acknowledged write survives
 * a crash just as an auto-commit one does. When the batch fails on its data (a duplicate key caught
 * by one work, after which PostgreSQL refuses the rest of the transaction; a bad value; a
 * serialization failure that outlived its retries), it is rolled back whole and each work runs again
 * alone, so each caller gets its own outcome and one caller's duplicate never fails another's write.
 * When it fails on the database itself (connection lost, server shutting down) every caller in it
 * gets that failure at once. As with any write, a commit whose answer the connection lost may still
 * have stored the batch: a re-run insert then finds its own row as a duplicate, and a create retries
 * with a fresh id, leaving that row to expire unseen.
 *
 * <p>A work must be a database function only: it may run twice (in a batch that failed, then alone),
 * and inside a batch it shares the transaction with other callers' works.
 */
final class GroupCommit {
    static final int MAX_BATCH = 64;
    /**
     * Batches that may run at once: while one waits for its commit (PostgreSQL's WAL flush, a
     * network round trip per statement) the next one runs its statements.
     */
    static final int WRITERS = 2;

    private final Jdbc jdbc;
    private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
    private final Semaphore writers = new Semaphore(WRITERS);
    /** Metrics hook (ops-metrics): told the size of every batch taken; see {@link JdbcStorage#observeWriteBatches}. */
    volatile java.util.function.IntConsumer batchSizes = size -> { };

    GroupCommit(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A queued work and, once run, its result: a value, or a {@link RuntimeException} to throw. */
    private static final class Pending<T> {
        final String what;
        final Jdbc.Work<T> work;
        final Thread waiter = Thread.currentThread();
        /** Set when a batch took it: from then on only that batch finishes it. */
        volatile boolean taken;
        volatile boolean done;
        T value;
        RuntimeException failure;

        Pending(String what, Jdbc.Work<T> work) {
            this.what = what;
            this.work = work;
        }

        void succeed(Object v) {
            @SuppressWarnings("unchecked") T t = (T) v;
            value = t;
            finish();
        }

        void fail(RuntimeException e) {
            failure = e;
            finish();
        }

        private void finish() {
            done = true; // the volatile write publishes value and failure
            LockSupport.unpark(waiter);
        }
    }

    /** Runs {@code work} in a transaction shared with concurrent callers' works; see the class comment. */
    <T> T run(String what, Jdbc.Work<T> work) {
        Pending<T> mine = new Pending<>(what, work);
        queue.add(mine);
        boolean interrupted = false;
        // Progress rests on one rule: whoever releases a writer slot then wakes the caller at the head
        // of the queue, which either takes a slot or is run by a caller that has one. A caller whose
        // work another batch took waits for that batch instead of spinning on the free slot.
        while (!mine.done) {
            if (!mine.taken && writers.tryAcquire()) {
                try {
                    if (!mine.done) runBatch();
                } finally {
                    writers.release();
                }
                Pending<?> next = queue.peek();
                if (next != null) LockSupport.unpark(next.waiter);
            } else {
                LockSupport.park(this);
                // the work is queued and may run any moment: an interrupt cannot take it back
                if (Thread.interrupted()) interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (mine.failure != null) throw mine.failure;
        return mine.value;
    }

    private void runBatch() {
        List<Pending<?>> batch = new ArrayList<>();
        for (Pending<?> p; batch.size() < MAX_BATCH && (p = queue.poll()) != null; ) {
            p.taken = true;
            batch.add(p);
        }
        if (!batch.isEmpty()) batchSizes.accept(batch.size()); // metrics hook (ops-metrics)
        try {
            run(batch);
        } catch (Error e) { // out of memory or the like: nobody in the batch may wait for ever
            for (Pending<?> p : batch) {
                if (!p.done) p.fail(new StoreException(p.what + " failed: " + e, e));
            }
            throw e;
        }
    }

    private void run(List<Pending<?>> batch) {
        if (batch.size() > 1) {
            try {
                List<Object> values = jdbc.inTransaction(batch.size() + " writes in one commit", c -> {
                    List<Object> out = new ArrayList<>(batch.size());
                    for (Pending<?> p : batch) out.add(p.work.run(c));
                    return out;
                });
                for (int i = 0; i < batch.size(); i++) batch.get(i).succeed(values.get(i));
                return;
            } catch (RuntimeException e) {
                // rolled back, so nothing of the batch is stored
                if (databaseUnavailable(e)) { // one exception per caller: each thread adds its own stack to it
                    batch.forEach(p -> p.fail(new StoreException(p.what + " failed: " + e.getMessage(), e)));
                    return;
                }
            }
        }
        for (Pending<?> p : batch) {
            try {
                p.succeed(jdbc.autoCommit(p.what, p.work));
            } catch (RuntimeException e) {
                p.fail(e);
            }
        }
    }

    /** Whether a batch failed because the database could not be reached, not because of what it held. */
    private static boolean databaseUnavailable(RuntimeException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) return true;
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57"))) {
                return true;
            }
        }
        return false;
    }
}
