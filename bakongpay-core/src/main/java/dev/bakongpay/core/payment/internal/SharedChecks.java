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
 * Keeps poll storms off NBC: concurrent checks of one md5 share one upstream call, and an answer
 * is reused for a short while. Reusing a paid or failed answer is harmless (the transaction's
 * compare-and-set has already moved it, so a late caller loses the CAS and re-reads), and it
 * closes the gap where a caller that read PENDING just before the move would ask NBC again.
 */
public final class SharedChecks {
    private static final int CACHE_SWEEP_SIZE = 10_000;

    private final Clock clock;
    private final Duration ttl;
    private final Map<String, CompletableFuture<NetworkAnswer>> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Cached> recent = new ConcurrentHashMap<>();

    private record Cached(NetworkAnswer answer, Instant until) {}

    public SharedChecks(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** One md5, sharing a running call or a fresh "not found". */
    public NetworkAnswer check(PaymentMode mode, String md5, PaymentNetwork network) {
        String key = mode + ":" + md5;
        NetworkAnswer cached = cached(key);
        if (cached != null) return cached;
        CompletableFuture<NetworkAnswer> mine = new CompletableFuture<>();
        CompletableFuture<NetworkAnswer> running = inFlight.putIfAbsent(key, mine);
        if (running != null) return join(running);
        try {
            // a call may have finished between the cache read and putIfAbsent: it cached before leaving
            NetworkAnswer again = cached(key);
            NetworkAnswer answer = again != null ? again : network.check(md5);
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
            NetworkAnswer cached = cached(mode + ":" + md5);
            if (cached != null) answers.put(md5, cached); else ask.add(md5);
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

    private NetworkAnswer cached(String key) {
        Cached c = recent.get(key);
        return c != null && clock.instant().isBefore(c.until()) ? c.answer() : null;
    }

    private void remember(String key, NetworkAnswer answer) {
        if (ttl.isZero()) return;
        Instant now = clock.instant();
        if (recent.size() > CACHE_SWEEP_SIZE) recent.values().removeIf(c -> !now.isBefore(c.until()));
        recent.put(key, new Cached(answer, now.plus(ttl)));
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
