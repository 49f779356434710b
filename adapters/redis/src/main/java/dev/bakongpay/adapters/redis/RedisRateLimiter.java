package dev.bakongpay.adapters.redis;

import dev.bakongpay.spi.RateLimit;
import dev.bakongpay.spi.RateLimitDecision;
import dev.bakongpay.spi.RateLimiter;
import dev.bakongpay.spi.StoreException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link RateLimiter} whose buckets live in Redis, so every node shares them. Bucket4j keeps each
 * bucket's state under one Redis key and updates it by compare-and-swap run atomically by Redis,
 * so concurrent nodes never admit more than a bucket holds. Time is the client's: pass the same
 * (system) clock on every node; a test may pass a controllable one. Buckets expire from Redis
 * shortly after they would be full again.
 * <pre>{@code
 * RedisRateLimiter limiter = RedisRateLimiter.builder("redis://127.0.0.1:6379").keyPrefix("shop1:rl:").build();
 * RedisRateLimiter shared = RedisRateLimiter.builder(hostRedisClient).build(); // the host's Lettuce client
 * }</pre>
 * {@link #close()} closes the connection it opened, and the client only if it created it.
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {
    public static final String ID = "redis";
    public static final String DEFAULT_KEY_PREFIX = "bakongpay:ratelimit:";

    private final RedisClient ownedClient;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final ProxyManager<String> buckets;
    private final Clock clock;
    private final String prefix;

    private RedisRateLimiter(Builder b) {
        this.ownedClient = b.url != null ? b.client : null;
        this.clock = b.clock;
        this.prefix = b.keyPrefix;
        try {
            this.connection = b.client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        } catch (RuntimeException e) {
            if (ownedClient != null) ownedClient.shutdown();
            throw new StoreException("connecting to Redis failed: " + e.getMessage(), e);
        }
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .clientClock(new ClockTimeMeter(clock))
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .requestTimeout(b.timeout)
                .build();
    }

    public static Builder builder(String redisUrl) {
        RedisClient client = RedisClient.create(Objects.requireNonNull(redisUrl, "redisUrl"));
        // while Redis is unreachable, fail each decision at once instead of queueing it: the caller
        // chooses to fail open or closed, and an outage cannot pile up commands in memory
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        return new Builder(client, redisUrl);
    }

    public static Builder builder(RedisClient hostClient) {
        return new Builder(Objects.requireNonNull(hostClient, "hostClient"), null);
    }

    @Override
    public RateLimitDecision tryAcquire(String key, RateLimit limit, int tokens) {
        Objects.requireNonNull(key, "key");
        limit.checkTokens(tokens);
        BucketConfiguration config = BucketConfiguration.builder()
                .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
        ConsumptionProbe probe;
        try {
            probe = buckets.builder()
                    .build(prefix + key + ':' + limit.signature(), () -> config)
                    .tryConsumeAndReturnRemaining(tokens);
        } catch (RuntimeException e) {
            throw new StoreException("rate limiting on Redis failed: " + e.getMessage(), e);
        }
        Instant now = clock.instant();
        long remaining = Math.min(limit.capacity(), Math.max(0, probe.getRemainingTokens()));
        return RateLimitDecision.of(probe.isConsumed(), limit, remaining, probe.getNanosToWaitForRefill(), now);
    }

    /** The Redis key prefix of this limiter's buckets. */
    public String keyPrefix() {
        return prefix;
    }

    @Override
    public void close() {
        connection.close();
        if (ownedClient != null) ownedClient.shutdown();
    }

    /** Bucket4j's client clock on a {@link Clock}: nanoseconds since the epoch. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant t = clock.instant();
            return t.getEpochSecond() * 1_000_000_000L + t.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }

    /** Options of a {@link RedisRateLimiter}. */
    public static final class Builder {
        private final RedisClient client;
        private final String url;
        private Clock clock = Clock.systemUTC();
        private String keyPrefix = DEFAULT_KEY_PREFIX;
        private Duration timeout = Duration.ofSeconds(2);

        private Builder(RedisClient client, String url) {
            this.client = client;
            this.url = url;
        }

        /** Bucket keys start with this (default {@value #DEFAULT_KEY_PREFIX}); give each deployment its own. */
        public Builder keyPrefix(String prefix) {
            this.keyPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** Time for refills (default system UTC); every node must use the same time source. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long one decision may wait for Redis before {@link StoreException} (default 2 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public RedisRateLimiter build() {
            return new RedisRateLimiter(this);
        }
    }
}
