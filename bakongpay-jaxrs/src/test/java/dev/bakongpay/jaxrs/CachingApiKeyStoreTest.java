package dev.bakongpay.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.ApiKeyStore;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.memory.MemoryStorageProvider;
import dev.bakongpay.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CachingApiKeyStore")
class CachingApiKeyStoreTest {
    final ApiKeyStore backing = MemoryStorageProvider.create(Clock.systemUTC()).apiKeys();
    final AtomicInteger reads = new AtomicInteger();
    final ApiKeyStore counting = new ApiKeyStore() {
        @Override
        public void save(ApiKeyRecord r) {
            backing.save(r);
        }

        @Override
        public Optional<ApiKeyRecord> findByHash(String h) {
            reads.incrementAndGet();
            return backing.findByHash(h);
        }

        @Override
        public boolean touch(String h, Instant at) {
            return backing.touch(h, at);
        }

        @Override
        public boolean revoke(String h) {
            return backing.revoke(h);
        }
    };
    final String hash = ApiKeys.hash("bk_test_cache_0001");
    final Instant now = Instant.parse("2026-06-02T13:45:00Z");

    ApiKeyRecord key(boolean active) {
        return new ApiKeyRecord(hash, "m1", Plan.PRO, PaymentMode.TEST, active, now, null);
    }

    final MutableClock clock = new MutableClock();

    @Test
    @DisplayName("reads the store once per key within the TTL, and again after it")
    void ttl() {
        backing.save(key(true));
        ApiKeyStore cache = CachingApiKeyStore.wrap(counting, Duration.ofMillis(300), clock);
        for (int i = 0; i < 100; i++) assertThat(cache.findByHash(hash)).isPresent();
        assertThat(reads).hasValue(1);
        clock.advance(Duration.ofMillis(299));
        assertThat(cache.findByHash(hash)).isPresent();
        assertThat(reads).hasValue(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.findByHash(hash)).isPresent();
        assertThat(reads).hasValue(2);
    }

    @Test
    @DisplayName("a revoke through it takes effect at once; one behind its back (another node) within the TTL")
    void revoke() {
        backing.save(key(true));
        ApiKeyStore cache = CachingApiKeyStore.wrap(counting, Duration.ofMillis(300), clock);
        assertThat(cache.findByHash(hash).orElseThrow().active()).isTrue();
        cache.revoke(hash);
        assertThat(cache.findByHash(hash).orElseThrow().active()).isFalse();

        backing.save(key(true));
        ApiKeyStore other = CachingApiKeyStore.wrap(counting, Duration.ofMillis(300), clock);
        assertThat(other.findByHash(hash).orElseThrow().active()).isTrue();
        backing.revoke(hash);
        clock.advance(Duration.ofMillis(299));
        assertThat(other.findByHash(hash).orElseThrow().active())
                .as("stale within the TTL")
                .isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(other.findByHash(hash).orElseThrow().active()).isFalse();
    }

    @Test
    @DisplayName("unknown keys are not cached; a touch is seen in the cached copy; zero TTL is no cache")
    void rest() {
        ApiKeyStore cache = CachingApiKeyStore.wrap(counting, Duration.ofSeconds(5));
        assertThat(cache.findByHash(hash)).isEmpty();
        backing.save(key(true));
        assertThat(cache.findByHash(hash)).isPresent();
        cache.touch(hash, now.plusSeconds(60));
        assertThat(cache.findByHash(hash).orElseThrow().lastUsedAt()).isEqualTo(now.plusSeconds(60));
        assertThat(backing.findByHash(hash).orElseThrow().lastUsedAt()).isEqualTo(now.plusSeconds(60));
        assertThat(CachingApiKeyStore.wrap(counting, Duration.ZERO)).isSameAs(counting);
        assertThat(CachingApiKeyStore.wrap(cache, Duration.ofSeconds(5))).isSameAs(cache);
    }

    @Test
    @DisplayName("a touch on every request does not keep a key alive past the TTL: a revoke elsewhere still lands")
    void touchDoesNotExtend() {
        backing.save(key(true));
        ApiKeyStore cache = CachingApiKeyStore.wrap(counting, Duration.ofSeconds(5), clock);
        assertThat(cache.findByHash(hash)).isPresent();
        backing.revoke(hash); // another node
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMillis(400));
            cache.touch(hash, clock.instant());
            assertThat(cache.findByHash(hash).orElseThrow().active()).isTrue();
        }
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.findByHash(hash).orElseThrow().active()).isFalse();
        assertThat(reads).hasValue(2);
    }

    @Test
    @DisplayName(
            "two nodes on one store: a revoke, rotation or plan change made on one is seen by the other within the 5 s TTL")
    void twoNodes() {
        ApiKeyRecord k = new ApiKeyRecord(
                ApiKeyRecord.idFor(hash),
                hash,
                "bk_test_cach",
                "Shop A",
                "m1",
                Plan.PRO,
                PaymentMode.TEST,
                now,
                null,
                null,
                null);
        backing.save(k);
        ApiKeyStore nodeA = CachingApiKeyStore.wrap(backing, CachingApiKeyStore.DEFAULT_TTL, clock);
        ApiKeyStore nodeB = CachingApiKeyStore.wrap(backing, CachingApiKeyStore.DEFAULT_TTL, clock);
        assertThat(nodeB.findByHash(hash).orElseThrow().plan()).isEqualTo(Plan.PRO);

        nodeA.changePlan(k.id(), Plan.FREE);
        assertThat(nodeA.findByHash(hash).orElseThrow().plan())
                .as("the node that changed it: at once")
                .isEqualTo(Plan.FREE);
        clock.advance(Duration.ofMillis(4999));
        assertThat(nodeB.findByHash(hash).orElseThrow().plan())
                .as("the other node, within the bound")
                .isEqualTo(Plan.PRO);
        clock.advance(Duration.ofMillis(1));
        assertThat(nodeB.findByHash(hash).orElseThrow().plan())
                .as("the other node, at the bound")
                .isEqualTo(Plan.FREE);

        nodeA.expire(k.id(), clock.instant()); // a rotation with no grace
        assertThat(nodeA.findByHash(hash).orElseThrow().usableAt(clock.instant()))
                .isFalse();
        clock.advance(CachingApiKeyStore.DEFAULT_TTL);
        assertThat(nodeB.findByHash(hash).orElseThrow().usableAt(clock.instant()))
                .isFalse();

        ApiKeyRecord other =
                new ApiKeyRecord(ApiKeys.hash("bk_test_cache_0002"), "m1", Plan.PRO, PaymentMode.TEST, true, now, null);
        backing.save(other);
        assertThat(nodeB.findByHash(other.keyHash()).orElseThrow().active()).isTrue();
        nodeA.revokeById(other.id(), clock.instant());
        clock.advance(CachingApiKeyStore.DEFAULT_TTL);
        assertThat(nodeB.findByHash(other.keyHash()).orElseThrow().active()).isFalse();
        assertThat(nodeB.findById(other.id()).orElseThrow().active())
                .as("operators' reads are never cached")
                .isFalse();
    }
}
