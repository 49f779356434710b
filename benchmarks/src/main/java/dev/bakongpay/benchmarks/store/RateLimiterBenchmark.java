package dev.bakongpay.benchmarks.store;

import dev.bakongpay.adapters.redis.RedisRateLimiter;
import dev.bakongpay.spi.RateLimit;
import dev.bakongpay.spi.RateLimiter;
import dev.bakongpay.spi.memory.MemoryRateLimiter;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * Rate-limiter decisions per second over 1,000 keys, in memory and on Redis (127.0.0.1:6379, or
 * {@code BAKONGPAY_TEST_REDIS_URL}).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar RateLimiterBenchmark -p adapter=memory</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(2)
public class RateLimiterBenchmark {
    @Param({"memory", "redis"})
    public String adapter;

    private static final RateLimit LIMIT = RateLimit.perSecond(1_000_000);
    private RateLimiter limiter;
    private String[] keys;

    @Setup
    public void setUp() {
        String url = System.getenv().getOrDefault("BAKONGPAY_TEST_REDIS_URL", "redis://127.0.0.1:6379");
        limiter = adapter.equals("memory")
                ? new MemoryRateLimiter(Clock.systemUTC())
                : RedisRateLimiter.builder(url)
                        .keyPrefix("bakongpay-bench:" + System.nanoTime() + ":")
                        .build();
        keys = new String[1000];
        for (int i = 0; i < keys.length; i++) keys[i] = "key-" + i;
    }

    @TearDown
    public void tearDown() throws Exception {
        if (limiter instanceof AutoCloseable c) c.close();
    }

    @Benchmark
    public Object tryAcquire() {
        return limiter.tryAcquire(keys[ThreadLocalRandom.current().nextInt(keys.length)], LIMIT);
    }
}
