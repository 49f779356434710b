package dev.bakongpay.core.bakong.internal;

import dev.bakongpay.core.bakong.BakongTimeoutException;
import dev.bakongpay.core.bakong.BakongUnavailableException;
import dev.bakongpay.core.bakong.TransactionCheckResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Answers per md5: a short-lived cache (NOT_FOUND for a few seconds, final answers longer) plus
 * single flight, so that concurrent checks of one md5 share one upstream call and a poll storm
 * costs NBC one request per TTL.
 */
final class CheckCache {

    /** Above this many entries, expired ones are swept on insert; the cache can never grow unbounded. */
    private static final int SWEEP_ABOVE = 10_000;

    private record Entry(TransactionCheckResult result, Instant expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<TransactionCheckResult>> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Clock clock;
    private final Duration pendingTtl;
    private final Duration finalTtl;

    CheckCache(Clock clock, Duration pendingTtl, Duration finalTtl) {
        this.clock = clock;
        this.pendingTtl = pendingTtl;
        this.finalTtl = finalTtl;
    }

    /** A live cached answer, or null. */
    TransactionCheckResult cached(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (clock.instant().isBefore(e.expiresAt())) {
            return e.result();
        }
        entries.remove(key, e);
        return null;
    }

    void put(String key, TransactionCheckResult result) {
        Duration ttl = result.isFinal() ? finalTtl : pendingTtl;
        if (ttl.isZero()) {
            return;
        }
        if (entries.size() > SWEEP_ABOVE) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
            if (entries.size() > SWEEP_ABOVE) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(result, clock.instant().plus(ttl)));
    }

    /** The cached answer, or the answer of the call already running for this key, or a new call. */
    TransactionCheckResult get(String key, Supplier<TransactionCheckResult> upstream) {
        return get(key, upstream, null);
    }

    /** As {@link #get(String, Supplier)}; waits for another caller's call no longer than {@code deadline} (null: no bound). */
    TransactionCheckResult get(String key, Supplier<TransactionCheckResult> upstream, Deadline deadline) {
        TransactionCheckResult hit = cached(key);
        if (hit != null) {
            return hit;
        }
        CompletableFuture<TransactionCheckResult> mine = new CompletableFuture<>();
        CompletableFuture<TransactionCheckResult> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return join(running, deadline);
        }
        try {
            // a call that finished between our cache miss and putIfAbsent cached first, then left
            TransactionCheckResult result = cached(key);
            if (result == null) {
                result = upstream.get();
                put(key, result);
            }
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private TransactionCheckResult join(CompletableFuture<TransactionCheckResult> running, Deadline deadline) {
        waiting.incrementAndGet();
        try {
            if (deadline == null) {
                return running.get();
            }
            return running.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new BakongTimeoutException("NBC did not answer within the " + deadline.budget().toMillis()
                    + " ms budget (waited for another caller's check of the same md5)", e);
        } catch (ExecutionException e) {
            // the leader's exception, rethrown as is: callers see the same typed failure
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
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
