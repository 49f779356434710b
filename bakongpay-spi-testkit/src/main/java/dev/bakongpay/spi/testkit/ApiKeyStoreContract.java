package dev.bakongpay.spi.testkit;

import dev.bakongpay.testsupport.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.ApiKeyStore;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The contract of {@link ApiKeyStore}: keys by hash, upserted, touched and revoked. */
public abstract class ApiKeyStoreContract {
    protected static final int THREADS = 8;

    protected final MutableClock clock = new MutableClock();
    protected ApiKeyStore store;

    /** A store; keys are random per test, so it need not be empty. */
    protected abstract ApiKeyStore createStore(MutableClock clock);

    @BeforeEach
    void openStore() {
        store = createStore(clock);
    }

    @Nested
    @DisplayName("Saving")
    class Saving {
        @Test
        @DisplayName("a saved key reads back equal by its hash")
        void roundTrip() {
            ApiKeyRecord k = Fixtures.apiKey(Fixtures.merchant(), Plan.PRO, clock);
            store.save(k);
            assertThat(store.findByHash(k.keyHash())).contains(k);
        }

        @Test
        @DisplayName("saving the same hash again replaces every field")
        void upsert() {
            ApiKeyRecord k = Fixtures.apiKey(Fixtures.merchant(), Plan.FREE, clock);
            store.save(k);
            ApiKeyRecord changed = new ApiKeyRecord(k.keyHash(), "other-merchant", Plan.ENTERPRISE, PaymentMode.TEST,
                    true, k.createdAt().minusSeconds(5), clock.instant());
            store.save(changed);
            assertThat(store.findByHash(k.keyHash())).contains(changed);
        }

        @Test
        @DisplayName("threads saving the same key at once leave exactly one of their records")
        void racingSaves() {
            ApiKeyRecord k = Fixtures.apiKey(Fixtures.merchant(), Plan.FREE, clock);
            List<ApiKeyRecord> versions = Race.once(THREADS, i -> {
                ApiKeyRecord v = new ApiKeyRecord(k.keyHash(), "m" + i, Plan.PRO, PaymentMode.LIVE, true, k.createdAt(), null);
                store.save(v);
                return v;
            });
            assertThat(versions).contains(store.findByHash(k.keyHash()).orElseThrow());
        }

        @Test
        @DisplayName("an unknown hash finds nothing")
        void unknown() {
            assertThat(store.findByHash(Fixtures.randomHex(64))).isEmpty();
            assertThat(store.touch(Fixtures.randomHex(64), clock.instant())).isFalse();
            assertThat(store.revoke(Fixtures.randomHex(64))).isFalse();
        }
    }

    @Nested
    @DisplayName("Using and revoking")
    class Using {
        @Test
        @DisplayName("touch records the last use and never moves it backwards")
        void touch() {
            ApiKeyRecord k = Fixtures.apiKey(Fixtures.merchant(), Plan.PRO, clock);
            store.save(k);
            Instant later = clock.instant().plus(Duration.ofMinutes(5));
            assertThat(store.touch(k.keyHash(), later)).isTrue();
            assertThat(store.touch(k.keyHash(), later.minusSeconds(60))).isTrue();
            assertThat(store.findByHash(k.keyHash()).orElseThrow().lastUsedAt()).isEqualTo(later);
        }

        @Test
        @DisplayName("a revoked key is still found, inactive, with its other fields intact")
        void revoke() {
            ApiKeyRecord k = Fixtures.apiKey(Fixtures.merchant(), Plan.ENTERPRISE, clock);
            store.save(k);
            assertThat(store.revoke(k.keyHash())).isTrue();
            assertThat(store.revoke(k.keyHash())).isTrue();
            assertThat(store.findByHash(k.keyHash())).contains(new ApiKeyRecord(k.keyHash(), k.merchantId(), k.plan(),
                    k.mode(), false, k.createdAt(), k.lastUsedAt()));
        }

        @Test
        @DisplayName("a store holding an active key says it has one (the start-up warning about no keys asks this)")
        void anyActive() {
            store.save(Fixtures.apiKey(Fixtures.merchant(), Plan.FREE, clock));
            assertThat(store.anyActive()).isTrue();
        }
    }
}
