package dev.bakongpay.server.runtime;

import dev.bakongpay.spi.RateLimit;
import dev.bakongpay.spi.RateLimiter;
import dev.bakongpay.spi.Storage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * What {@code GET /health/ready} asks: do the store and the rate limiter answer, each within
 * {@link #BOUND}? A request needs both; NBC's state is only reported, since a node cannot fix NBC
 * and taking every node out of rotation would also stop the checkout pages that need no NBC call.
 * The questions run on two daemon threads of their own, so a store that hangs makes the probe
 * answer 503 in time instead of holding it, and hung questions never pile up threads.
 */
final class ReadinessCheck implements AutoCloseable {
    /** Under Kubernetes' default probe timeout of one second. */
    static final Duration BOUND = Duration.ofMillis(800);
    /** A hash no key has: looking it up is the cheapest query that proves the store answers. */
    private static final String PROBE_HASH = "0".repeat(64);

    private static final String PROBE_BUCKET = "bakongpay:readiness-probe";
    private static final RateLimit PROBE_LIMIT = new RateLimit(1_000_000, Duration.ofSeconds(1));

    private final Storage storage;
    private final RateLimiter limiter;
    private final ExecutorService probes = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "bakongpay-readiness");
        t.setDaemon(true);
        return t;
    });

    ReadinessCheck(Storage storage, RateLimiter limiter) {
        this.storage = storage;
        this.limiter = limiter;
    }

    /** Both questions asked at once; ready when both answered. */
    Readiness ask(String storeId, String limiterId, Map<String, Map<String, Object>> upstream) {
        CompletableFuture<Map<String, Object>> store =
                probe(storeId, () -> storage.apiKeys().findByHash(PROBE_HASH));
        CompletableFuture<Map<String, Object>> rateLimiter =
                probe(limiterId, () -> limiter.tryAcquire(PROBE_BUCKET, PROBE_LIMIT));
        Map<String, Object> storePart = outcome(storeId, store);
        Map<String, Object> limiterPart = outcome(limiterId, rateLimiter);
        boolean ready = "UP".equals(storePart.get("status")) && "UP".equals(limiterPart.get("status"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "UP" : "DOWN");
        body.put("store", storePart);
        body.put("limiter", limiterPart);
        body.put("upstream", upstream);
        return new Readiness(ready, body);
    }

    private CompletableFuture<Map<String, Object>> probe(String adapter, Supplier<?> question) {
        return CompletableFuture.supplyAsync(
                () -> {
                    question.get();
                    return part(adapter, "UP", null);
                },
                probes);
    }

    private static Map<String, Object> outcome(String adapter, CompletableFuture<Map<String, Object>> answer) {
        try {
            return answer.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true); // a question still queued behind a hung one is then never asked
            return part(adapter, "DOWN", "no answer within " + BOUND.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return part(adapter, "DOWN", cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (java.util.concurrent.CancellationException e) {
            return part(adapter, "DOWN", "not asked");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return part(adapter, "DOWN", "interrupted");
        }
    }

    private static Map<String, Object> part(String adapter, String status, String problem) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("adapter", adapter);
        part.put("status", status);
        if (problem != null) part.put("problem", problem);
        return part;
    }

    @Override
    public void close() {
        probes.shutdownNow();
    }
}
