package dev.bakongpay.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.bakongpay.spi.RateLimit;
import dev.bakongpay.spi.RateLimitDecision;
import dev.bakongpay.spi.testkit.Fixtures;
import dev.bakongpay.spi.testkit.Race;
import dev.bakongpay.testsupport.RequiresService;
import dev.bakongpay.testsupport.Service;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two independent limiters (two "nodes", each with its own Redis client) on one Redis, real
 * clock, many threads on one key: together they admit no more than one bucket allows.
 */
@DisplayName("Two nodes sharing Redis buckets")
@RequiresService(Service.REDIS)
class TwoNodesTest {
    private static final int THREADS = 8;
    private static String prefix;
    private RedisRateLimiter nodeA;
    private RedisRateLimiter nodeB;

    @BeforeAll
    static void requireRedis() {
        prefix = TestRedis.uniquePrefix();
    }

    @AfterAll
    static void cleanUp() {
        if (prefix != null) TestRedis.deleteKeys(prefix);
    }

    @BeforeEach
    void startNodes() {
        nodeA = RedisRateLimiter.builder(TestRedis.url()).keyPrefix(prefix).build();
        nodeB = RedisRateLimiter.builder(TestRedis.url()).keyPrefix(prefix).build();
    }

    @AfterEach
    void stopNodes() {
        nodeA.close();
        nodeB.close();
    }

    private RedisRateLimiter node(int i) {
        return i % 2 == 0 ? nodeA : nodeB;
    }

    @Test
    @DisplayName("hammering one key from many threads on both nodes admits exactly the bucket's capacity")
    void sharedCapacity() {
        RateLimit limit = RateLimit.perHour(50); // refills one token per 72 s: none during the race
        String key = "key-" + Fixtures.randomHex(8);
        long start = System.nanoTime();
        List<RateLimitDecision> ds = Race.run(THREADS, 25, i -> node(i).tryAcquire(key, limit));
        long refilled = (System.nanoTime() - start) / limit.nanosPerToken();
        long admitted = ds.stream().filter(RateLimitDecision::allowed).count();
        assertThat(admitted).isBetween(50L, 50L + refilled);
        assertThat(ds.stream().filter(d -> !d.allowed()))
                .allSatisfy(d -> assertThat(d.retryAfter()).isPositive());
    }

    @Test
    @DisplayName("within any window both nodes together admit at most capacity plus what refilled in it")
    void windowBound() {
        RateLimit limit = new RateLimit(20, Duration.ofSeconds(2)); // one token per 100 ms
        String key = "key-" + Fixtures.randomHex(8);
        long start = System.nanoTime();
        List<RateLimitDecision> ds = Race.run(THREADS, 60, i -> node(i).tryAcquire(key, limit));
        long elapsed = System.nanoTime() - start;
        long admitted = ds.stream().filter(RateLimitDecision::allowed).count();
        assertThat(admitted).isGreaterThanOrEqualTo(20).isLessThanOrEqualTo(20 + elapsed / limit.nanosPerToken() + 1);
    }

    @Test
    @DisplayName("a bucket drained on one node refills for the other, as real time passes")
    void refillSeenByOtherNode() {
        RateLimit limit = new RateLimit(3, Duration.ofMillis(600));
        String key = "key-" + Fixtures.randomHex(8);
        while (nodeA.tryAcquire(key, limit).allowed()) {
            /* drain */
        }
        assertThat(nodeB.tryAcquire(key, limit).allowed()).isFalse();
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> nodeB.tryAcquire(key, limit).allowed());
    }
}
