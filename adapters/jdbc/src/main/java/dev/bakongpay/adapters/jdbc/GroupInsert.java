package dev.bakongpay.adapters.jdbc;

import dev.bakongpay.spi.InsertOutcome;
import dev.bakongpay.spi.StoreException;
import dev.bakongpay.spi.Transaction;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of transaction inserts. Each caller queues its row; whichever caller gets the writer
 * lock writes every queued row (up to {@value #MAX_BATCH}) in one database transaction and commits
 * once, while the others wait. An H2 file store serialises its B-trees once per commit and
 * PostgreSQL flushes its WAL once per commit, so under concurrent creates that cost is shared; a
 * lone caller writes its row alone, as before.
 *
 * <p>A caller returns only after the commit that holds its row, so an acknowledged insert survives
 * a crash just as a single autocommit insert does. A batch that the database refuses for one row's
 * sake (a duplicate id or md5, a bad value) is rolled back whole and its rows are then inserted one
 * by one, so each caller gets its own outcome and one caller's duplicate never fails another's
 * insert; a batch that fails on the database itself (down, connection lost) fails every caller in it. (As with any insert, a commit
 * whose answer the connection lost may still have stored the batch; those rows then come back as
 * {@code DUPLICATE_ID}, and a create retries with a fresh id, leaving them to expire unseen.)
 */
final class GroupInsert {
    static final int MAX_BATCH = 64;

    private final Jdbc jdbc;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    GroupInsert(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A queued row and, once written, its outcome: an {@link InsertOutcome} or a {@link RuntimeException}. */
    private static final class Pending {
        final Transaction row;
        final Thread waiter = Thread.currentThread();
        volatile Object result;

        Pending(Transaction row) {
            this.row = row;
        }

        void complete(Object r) {
            result = r;
            LockSupport.unpark(waiter);
        }
    }

    InsertOutcome insert(Transaction t) {
        Pending mine = new Pending(t);
        queue.add(mine);
        boolean interrupted = false;
        // Progress rests on one rule: whoever releases the lock then wakes the caller at the head of
        // the queue, which either takes the lock or is written by the caller that has it.
        while (mine.result == null) {
            if (writer.tryLock()) {
                try {
                    if (mine.result == null) writeBatch();
                } finally {
                    writer.unlock();
                }
                Pending next = queue.peek();
                if (next != null) LockSupport.unpark(next.waiter);
            } else {
                LockSupport.park(this);
                // the row is queued and may be written any moment: an interrupt cannot take it back
                if (Thread.interrupted()) interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (mine.result instanceof RuntimeException e) throw e;
        return (InsertOutcome) mine.result;
    }

    private void writeBatch() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p; batch.size() < MAX_BATCH && (p = queue.poll()) != null; ) batch.add(p);
        try {
            write(batch);
        } catch (Error e) { // out of memory or the like: nobody in the batch may wait for ever
            for (Pending p : batch) {
                if (p.result == null) p.complete(new StoreException("inserting transaction " + p.row.id() + " failed: " + e, e));
            }
            throw e;
        }
    }

    private void write(List<Pending> batch) {
        if (batch.size() > 1) {
            try {
                jdbc.inTransaction("inserting " + batch.size() + " transactions", c -> {
                    try (PreparedStatement ps = c.prepareStatement(TransactionRows.INSERT)) {
                        for (Pending p : batch) {
                            TransactionRows.bindInsert(ps, p.row);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    return null;
                });
                batch.forEach(p -> p.complete(InsertOutcome.INSERTED));
                return;
            } catch (RuntimeException e) {
                // rolled back, so nothing of the batch is stored. A row the database refused (a
                // duplicate, a bad value) must not fail the others: each row gets its own outcome.
                // A database that is down fails them all at once instead of once per row.
                if (!refusedRow(e)) { // one exception per caller: each thread adds its own stack to it
                    batch.forEach(p -> p.complete(new StoreException(e.getMessage(), e)));
                    return;
                }
            }
        }
        for (Pending p : batch) {
            Object outcome;
            try {
                outcome = insertAlone(p.row);
            } catch (RuntimeException e) {
                outcome = e;
            }
            p.complete(outcome);
        }
    }

    /** Whether a batch failed on its data (an integrity or data error), not on the database or connection. */
    private static boolean refusedRow(RuntimeException e) {
        if (!(e.getCause() instanceof SQLException sql)) return true; // not the database: a row that would not bind
        for (SQLException x = sql; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) return true;
        }
        return false;
    }

    private InsertOutcome insertAlone(Transaction t) {
        return jdbc.autoCommit("inserting transaction " + t.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(TransactionRows.INSERT)) {
                TransactionRows.bindInsert(ps, t);
                ps.executeUpdate();
                return InsertOutcome.INSERTED;
            } catch (SQLException e) {
                if (!Jdbc.isUniqueViolation(e)) throw e;
                return JdbcTransactionStore.findOne(c, "WHERE id = ?", t.id()).isPresent() ? InsertOutcome.DUPLICATE_ID
                        : InsertOutcome.DUPLICATE_MD5;
            }
        });
    }
}
