package dev.bakongpay.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.ApiKeyStore;
import dev.bakongpay.spi.RateLimitDecision;
import dev.bakongpay.spi.RateLimiter;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.StoreException;
import dev.bakongpay.spi.memory.MemoryIdempotencyStore;
import dev.bakongpay.spi.memory.MemoryTransactionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("readiness")
class ReadinessCheckTest {
    private final CountDownLatch released = new CountDownLatch(1);

    @AfterEach
    void release() {
        released.countDown();
    }

    /** An API-key store whose lookups wait until the test ends: a database that hangs. */
    private ApiKeyStore hanging() {
        return new ApiKeyStore() {
            @Override
            public void save(ApiKeyRecord record) {}

            @Override
            public Optional<ApiKeyRecord> findByHash(String keyHash) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Optional.empty();
            }

            @Override
            public boolean touch(String keyHash, Instant usedAt) {
                return false;
            }

            @Override
            public boolean revoke(String keyHash) {
                return false;
            }
        };
    }

    private static Storage storage(ApiKeyStore keys) {
        Clock clock = Clock.systemUTC();
        return new Storage("stub", new MemoryTransactionStore(clock), new MemoryIdempotencyStore(), keys, null);
    }

    @Test
    @DisplayName("a store that hangs: DOWN within the bound, saying no answer came; the limiter is still asked and UP")
    void hangingStore() {
        RateLimiter limiter =
                (key, limit, tokens) -> RateLimitDecision.of(true, limit, limit.capacity() - tokens, 0, Instant.now());
        try (ReadinessCheck check = new ReadinessCheck(storage(hanging()), limiter)) {
            Readiness answer = check.ask("stub", "memory", Map.of());
            assertThat(answer.ready()).isFalse();
            assertThat(answer.body())
                    .containsEntry("status", "DOWN")
                    .containsEntry(
                            "store", Map.of("adapter", "stub", "status", "DOWN", "problem", "no answer within 800 ms"))
                    .containsEntry("limiter", Map.of("adapter", "memory", "status", "UP"));
        }
    }

    @Test
    @DisplayName("a limiter that fails (Redis gone): DOWN with its error")
    void failingLimiter() {
        RateLimiter limiter = (key, limit, tokens) -> {
            throw new StoreException("redis: connection refused", null);
        };
        try (ReadinessCheck check =
                new ReadinessCheck(storage(new dev.bakongpay.spi.memory.MemoryApiKeyStore()), limiter)) {
            Readiness answer = check.ask("memory", "redis", Map.of("live", Map.of("circuit", "OPEN")));
            assertThat(answer.ready()).isFalse();
            assertThat(answer.body())
                    .containsEntry("store", Map.of("adapter", "memory", "status", "UP"))
                    .containsEntry(
                            "limiter",
                            Map.of(
                                    "adapter",
                                    "redis",
                                    "status",
                                    "DOWN",
                                    "problem",
                                    "StoreException: redis: connection refused"))
                    .containsEntry("upstream", Map.of("live", Map.of("circuit", "OPEN")));
        }
    }

    @Test
    @DisplayName("NBC's circuit open does not make a node unready")
    void upstreamOnlyReported() {
        RateLimiter limiter = (key, limit, tokens) -> RateLimitDecision.of(true, limit, 0, 0, Instant.now());
        try (ReadinessCheck check =
                new ReadinessCheck(storage(new dev.bakongpay.spi.memory.MemoryApiKeyStore()), limiter)) {
            Readiness answer = check.ask("memory", "memory", Map.of("live", Map.of("circuit", "OPEN")));
            assertThat(answer.ready()).isTrue();
            assertThat(answer.body()).containsEntry("status", "UP");
        }
    }
}
