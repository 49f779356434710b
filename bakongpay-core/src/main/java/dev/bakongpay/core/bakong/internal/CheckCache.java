package dev.bakongpay.core.bakong.internal;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.bakongpay.core.bakong.BakongTimeoutException;
import dev.bakongpay.core.bakong.BakongUnavailableException;
import dev.bakongpay.core.bakong.TransactionCheckResult;
import dev.bakongpay.core.internal.ClockTicker;
import dev.bakongpay.core.metrics.Meters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Answers per md5, and the one place poll storms are absorbed: concurrent checks of one md5 share
 * one upstream call (its failure too), and its answer is reused, NOT_FOUND (and UNUSABLE) for
 * {@code pendingTtl}, FOUND and FAILED for {@code finalTtl}, so a poll storm on one QR costs NBC one
 * request per {@code pendingTtl}. Failures are never kept. A Caffeine cache: time comes from the
 * injected {@link Clock}, at most {@value #MAX_ENTRIES} answers are held (the least useful are
 * evicted first, one at a time), and the caller whose check is first runs it on its own thread.
 */
final class CheckCache {

    /** Answers held at most; a bound on memory, far above the md5s polled at once. */
    static final int MAX_ENTRIES = 10_000;

    /**
     * An upstream call's outcome: an answer, or the failure the caller and its waiters share. A
     * failure completes the future normally (after it has left the cache), so Caffeine does not
     * log it as a failed load; the caller's own error handling reports it.
     */
    private record Outcome(TransactionCheckResult answer, Throwable failure) {}

    private final AsyncCache<String, Outcome> answers;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Duration pendingTtl;
    private final Duration finalTtl;

    CheckCache(Clock clock, Duration pendingTtl, Duration finalTtl) {
        this(clock, pendingTtl, finalTtl, Meters.none(), "bakong");
    }

    /** With hits and misses recorded as cache {@code bakong.answers}, tagged {@code upstream}, when the registry records. */
    CheckCache(Clock clock, Duration pendingTtl, Duration finalTtl, MeterRegistry meters, String upstream) {
        this.pendingTtl = pendingTtl;
        this.finalTtl = finalTtl;
        Caffeine<Object, Object> builder = Caffeine.newBuilder();
        if (Meters.records(meters)) builder.recordStats();
        AsyncCache<String, Outcome> cache = builder.maximumSize(MAX_ENTRIES)
                .ticker(ClockTicker.of(clock))
                .executor(Runnable::run) // upkeep on the caller's thread: no pool, and tests see it at once
                .expireAfter(
                        Expiry.writing((String key, Outcome o) -> o.answer() == null ? Duration.ZERO : ttl(o.answer())))
                .buildAsync();
        this.answers = Meters.records(meters)
                ? CaffeineCacheMetrics.monitor(meters, cache, "bakong.answers", List.of(Tag.of("upstream", upstream)))
                : cache;
    }

    private Duration ttl(TransactionCheckResult result) {
        return result.isFinal() ? finalTtl : pendingTtl;
    }

    /** A live cached answer, or null (also while a check of this md5 is still running). */
    TransactionCheckResult cached(String key) {
        CompletableFuture<Outcome> f = answers.getIfPresent(key);
        return f != null && f.isDone() ? f.join().answer() : null;
    }

    /** Keeps an answer got another way (the md5-list call), for its TTL. */
    void put(String key, TransactionCheckResult result) {
        if (!ttl(result).isZero()) {
            answers.put(key, CompletableFuture.completedFuture(new Outcome(result, null)));
        }
    }

    /** The cached answer, or the answer of the call already running for this key, or a new call. */
    TransactionCheckResult get(String key, Supplier<TransactionCheckResult> upstream) {
        return get(key, upstream, null);
    }

    /** As {@link #get(String, Supplier)}; waits for another caller's call no longer than {@code deadline} (null: no bound). */
    TransactionCheckResult get(String key, Supplier<TransactionCheckResult> upstream, Deadline deadline) {
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> current = answers.get(key, (k, executor) -> mine);
        if (current != mine) {
            return join(current, deadline);
        }
        try {
            TransactionCheckResult result = upstream.get();
            mine.complete(new Outcome(result, null)); // the cache starts its TTL now; waiters wake up
            return result;
        } catch (RuntimeException | Error e) {
            answers.asMap().remove(key, mine); // failures are never kept
            mine.complete(new Outcome(null, e)); // shared with the callers already waiting
            throw e;
        }
    }

    private TransactionCheckResult join(CompletableFuture<Outcome> running, Deadline deadline) {
        Outcome o = running.isDone() ? running.join() : waitFor(running, deadline); // done: a cache hit
        if (o.failure() instanceof RuntimeException r) {
            throw r; // the leader's exception, as is: callers see the same typed failure
        }
        if (o.failure() instanceof Error err) {
            throw err;
        }
        return o.answer();
    }

    private Outcome waitFor(CompletableFuture<Outcome> running, Deadline deadline) {
        waiting.incrementAndGet();
        try {
            if (deadline == null) {
                return running.get();
            }
            return running.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new BakongTimeoutException(
                    "NBC did not answer within the " + deadline.budget().toMillis()
                            + " ms budget (waited for another caller's check of the same md5)",
                    e);
        } catch (ExecutionException e) { // not thrown: the leader completes its future normally
            throw new CompletionException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BakongUnavailableException("interrupted while waiting for NBC's answer", 0, e);
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Callers currently waiting for another caller's upstream call (for tests and metrics). */
    int waiting() {
        return waiting.get();
    }
}
