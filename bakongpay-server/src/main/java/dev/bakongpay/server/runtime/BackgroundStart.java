package dev.bakongpay.server.runtime;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One start-up step run on its own thread while the caller does another (a second core opens the
 * simulator while the first opens and migrates the store). {@link #await()} gives its result, or
 * throws what the step threw, as if the caller had run it.
 */
final class BackgroundStart<T extends AutoCloseable> {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundStart.class);

    private final FutureTask<T> task;

    private BackgroundStart(FutureTask<T> task) {
        this.task = task;
    }

    static <T extends AutoCloseable> BackgroundStart<T> begin(String threadName, Supplier<T> step) {
        FutureTask<T> task = new FutureTask<>(step::get);
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true); // a stuck bind must not keep a failed start-up's JVM alive
        thread.start();
        return new BackgroundStart<>(task);
    }

    /** Waits for the step; its RuntimeException or Error is rethrown unchanged. */
    T await() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the step owns a resource: wait for it, then pass the interrupt on
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) throw r;
                    if (cause instanceof Error err) throw err;
                    throw new IllegalStateException(cause);
                } catch (CancellationException e) {
                    throw new IllegalStateException("start-up step cancelled", e);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Start-up failed elsewhere: waits for the step and closes what it opened (its own failure is added to {@code failure}). */
    void closeWhenDone(RuntimeException failure) {
        try {
            await().close();
        } catch (Exception e) {
            if (e != failure) failure.addSuppressed(e);
        } catch (Error e) {
            LOG.warn("BakongPay: a start-up step failed while another had failed", e);
        }
    }
}
