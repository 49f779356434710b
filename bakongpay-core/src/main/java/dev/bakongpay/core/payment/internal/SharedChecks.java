package dev.bakongpay.core.payment.internal;

import dev.bakongpay.core.payment.NetworkAnswer;
import dev.bakongpay.core.payment.PaymentNetwork;
import dev.bakongpay.spi.PaymentMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps poll storms off NBC: concurrent checks of one md5 share one upstream call, and a
 * "not paid yet" answer is reused for a short while. Paid and failed answers are never cached:
 * they become final statuses in the store, which answers from then on.
 */
public final class SharedChecks {
    private static final int CACHE_SWEEP_SIZE = 10_000;

    private final Clock clock;
    private final Duration ttl;
    private final Map<String, CompletableFuture<NetworkAnswer>> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Instant> notFoundUntil = new ConcurrentHashMap<>();

    public SharedChecks(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** One md5, sharing a running call or a fresh "not found". */
    public NetworkAnswer check(PaymentMode mode, String md5, PaymentNetwork network) {
        String key = mode + ":" + md5;
        if (cachedNotFound(key)) return NetworkAnswer.notFound();
        CompletableFuture<NetworkAnswer> mine = new CompletableFuture<>();
        CompletableFuture<NetworkAnswer> running = inFlight.putIfAbsent(key, mine);
        if (running != null) return join(running);
        try {
            // a call may have finished between the cache read and putIfAbsent: it cached before leaving
            NetworkAnswer answer = cachedNotFound(key) ? NetworkAnswer.notFound() : network.check(md5);
            remember(key, answer);
            mine.complete(answer);
            return answer;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** Several md5s: cached ones from the cache, the rest in one {@link PaymentNetwork#checkAll} call. */
    public Map<String, NetworkAnswer> checkAll(PaymentMode mode, List<String> md5s, PaymentNetwork network) {
        Map<String, NetworkAnswer> answers = new LinkedHashMap<>();
        List<String> ask = new ArrayList<>();
        for (String md5 : md5s) {
            if (cachedNotFound(mode + ":" + md5)) answers.put(md5, NetworkAnswer.notFound()); else ask.add(md5);
        }
        if (!ask.isEmpty()) {
            Map<String, NetworkAnswer> fresh = network.checkAll(ask);
            for (String md5 : ask) {
                NetworkAnswer a = fresh.getOrDefault(md5, NetworkAnswer.notFound());
                remember(mode + ":" + md5, a);
                answers.put(md5, a);
            }
        }
        return answers;
    }

    private boolean cachedNotFound(String key) {
        Instant until = notFoundUntil.get(key);
        return until != null && clock.instant().isBefore(until);
    }

    private void remember(String key, NetworkAnswer answer) {
        if (answer.outcome() != NetworkAnswer.Outcome.NOT_FOUND) {
            notFoundUntil.remove(key);
            return;
        }
        if (ttl.isZero()) return;
        Instant now = clock.instant();
        if (notFoundUntil.size() > CACHE_SWEEP_SIZE) notFoundUntil.values().removeIf(u -> !now.isBefore(u));
        notFoundUntil.put(key, now.plus(ttl));
    }

    private static NetworkAnswer join(CompletableFuture<NetworkAnswer> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw e;
        }
    }
}
