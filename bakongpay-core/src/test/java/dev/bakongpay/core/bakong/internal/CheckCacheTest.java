package dev.bakongpay.core.bakong.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.core.bakong.BakongUnavailableException;
import dev.bakongpay.core.bakong.TransactionCheckResult;
import dev.bakongpay.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CheckCache: single flight, per-entry expiry on the injected clock, a size bound")
class CheckCacheTest {

    private final CheckCache cache =
            new CheckCache(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), Duration.ZERO, Duration.ZERO);

    @Test
    @DisplayName("callers arriving while a call runs share its answer, even with caching off")
    void sharesRunningCall() throws Exception {
        AtomicInteger upstream = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            List<Future<TransactionCheckResult>> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                results.add(pool.submit(() -> cache.get("k", () -> {
                    upstream.incrementAndGet();
                    await(release);
                    return TransactionCheckResult.notFound("pending");
                })));
            }
            awaitWaiting(99);
            release.countDown();
            for (Future<TransactionCheckResult> f : results) {
                assertThat(f.get().status()).isEqualTo(TransactionCheckResult.Status.NOT_FOUND);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(upstream).hasValue(1);
    }

    @Test
    @DisplayName("waiters get the leader's typed failure, and nothing is cached")
    void sharesFailure() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BakongUnavailableException down = new BakongUnavailableException("down", 503, null);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            Future<TransactionCheckResult> leader = pool.submit(() -> cache.get("k", () -> {
                entered.countDown();
                await(release);
                throw down;
            }));
            await(entered);
            List<Future<TransactionCheckResult>> followers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                followers.add(pool.submit(() -> cache.get("k", () -> TransactionCheckResult.notFound("not shared"))));
            }
            awaitWaiting(5);
            release.countDown();
            assertThatThrownBy(leader::get).hasCause(down);
            for (Future<TransactionCheckResult> f : followers) {
                assertThatThrownBy(f::get).hasCause(down);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.cached("k")).isNull();
    }

    @Test
    @DisplayName("a not-found answer lives for the pending TTL, a final one for the final TTL, on the injected clock")
    void perEntryExpiry() {
        MutableClock clock = new MutableClock();
        CheckCache ttl = new CheckCache(clock, Duration.ofSeconds(3), Duration.ofMinutes(10));
        AtomicInteger upstream = new AtomicInteger();
        ttl.get("pending", () -> {
            upstream.incrementAndGet();
            return TransactionCheckResult.notFound("pending");
        });
        ttl.put("failed", TransactionCheckResult.failed("failed"));
        clock.advance(Duration.ofMillis(2_999));
        ttl.get("pending", () -> {
            upstream.incrementAndGet();
            return TransactionCheckResult.notFound("pending");
        });
        assertThat(upstream).hasValue(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(ttl.cached("pending")).isNull();
        assertThat(ttl.cached("failed")).isNotNull();
        clock.advance(Duration.ofMinutes(10).minusSeconds(3));
        assertThat(ttl.cached("failed")).isNull();
    }

    @Test
    @DisplayName("past its bound it evicts some answers, never all at once, and stays within the bound")
    void bounded() {
        CheckCache big = new CheckCache(new MutableClock(), Duration.ofSeconds(3), Duration.ofMinutes(10));
        int kept = 0;
        for (int i = 0; i < 3 * CheckCache.MAX_ENTRIES; i++) {
            big.put("md5-" + i, TransactionCheckResult.notFound("pending"));
        }
        for (int i = 0; i < 3 * CheckCache.MAX_ENTRIES; i++) {
            if (big.cached("md5-" + i) != null) kept++;
        }
        assertThat(kept).isBetween(CheckCache.MAX_ENTRIES / 2, CheckCache.MAX_ENTRIES);
    }

    private void awaitWaiting(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (cache.waiting() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + cache.waiting() + " callers waiting");
            }
            Thread.sleep(1); // polling with a deadline: the one unavoidable wait
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
