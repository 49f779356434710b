package dev.bakongpay.spi.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs tasks on many threads released at once, and returns every result: the kit's race harness.
 * A task's exception fails the race. Bounded: a race that does not finish in 60 s fails.
 */
public final class Race {
    private Race() {}

    /** Runs {@code threads × perThread} calls of {@code task(i)}, {@code threads} at a time, all released together. */
    public static <T> List<T> run(int threads, int perThread, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<List<T>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<T>> body = () -> {
                    ready.countDown();
                    go.await();
                    List<T> out = new ArrayList<>(perThread);
                    for (int i = 0; i < perThread; i++) out.add(task.apply(thread * perThread + i));
                    return out;
                };
                futures.add(pool.submit(body));
            }
            if (!ready.await(30, TimeUnit.SECONDS)) throw new AssertionError("race threads did not start");
            go.countDown();
            List<T> all = new ArrayList<>();
            for (Future<List<T>> f : futures) all.addAll(f.get(60, TimeUnit.SECONDS));
            return all;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("a racing task failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError("race did not complete: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code threads} calls, one per thread, all released together. */
    public static <T> List<T> once(int threads, IntFunction<T> task) {
        return run(threads, 1, task);
    }
}
