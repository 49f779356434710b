package dev.bakongpay.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.ApiKeyState;
import dev.bakongpay.spi.ApiKeyStore;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The contract of {@link ApiKeyStore}: keys by hash and id, upserted, listed, touched, re-planned, expired and revoked. */
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
        @DisplayName("a saved key reads back equal by its hash and by its id")
        void roundTrip() {
            ApiKeyRecord k = Fixtures.apiKey(Fixtures.merchant(), Plan.PRO, clock);
            store.save(k);
            assertThat(store.findByHash(k.keyHash())).contains(k);
            assertThat(store.findById(k.id())).contains(k);
        }

        @Test
        @DisplayName("every field of a managed key survives: id, prefix, label, expiry, revocation")
        void everyField() {
            ApiKeyRecord k = Fixtures.managedKey(Fixtures.merchant(), Plan.ENTERPRISE, clock.instant())
                    .withLastUsedAt(clock.instant().plusSeconds(3))
                    .withExpiresAt(clock.instant().plusSeconds(60))
                    .withRevokedAt(clock.instant().plusSeconds(30));
            String otherHash = Fixtures.randomHex(64);
            ApiKeyRecord khmer = new ApiKeyRecord(
                    ApiKeyRecord.idFor(otherHash),
                    otherHash,
                    "bk_live_ab12",
                    "ហាង A ☕",
                    Fixtures.merchant(),
                    Plan.FREE,
                    PaymentMode.LIVE,
                    clock.instant(),
                    null,
                    null,
                    null);
            store.save(k);
            store.save(khmer);
            assertThat(store.findById(k.id())).contains(k);
            assertThat(store.findByHash(khmer.keyHash())).contains(khmer);
        }

        @Test
        @DisplayName("saving the same hash again replaces every field")
        void upsert() {
            ApiKeyRecord k = Fixtures.apiKey(Fixtures.merchant(), Plan.FREE, clock);
            store.save(k);
            ApiKeyRecord changed = new ApiKeyRecord(
                    k.keyHash(),
                    "other-merchant",
                    Plan.ENTERPRISE,
                    PaymentMode.TEST,
                    true,
                    k.createdAt().minusSeconds(5),
                    clock.instant());
            store.save(changed);
            assertThat(store.findByHash(k.keyHash())).contains(changed);
        }

        @Test
        @DisplayName("threads saving the same key at once leave exactly one of their records")
        void racingSaves() {
            ApiKeyRecord k = Fixtures.apiKey(Fixtures.merchant(), Plan.FREE, clock);
            List<ApiKeyRecord> versions = Race.once(THREADS, i -> {
                ApiKeyRecord v =
                        new ApiKeyRecord(k.keyHash(), "m" + i, Plan.PRO, PaymentMode.LIVE, true, k.createdAt(), null);
                store.save(v);
                return v;
            });
            assertThat(versions).contains(store.findByHash(k.keyHash()).orElseThrow());
        }

        @Test
        @DisplayName("an unknown hash or id finds nothing and changes nothing")
        void unknown() {
            assertThat(store.findByHash(Fixtures.randomHex(64))).isEmpty();
            assertThat(store.touch(Fixtures.randomHex(64), clock.instant())).isFalse();
            assertThat(store.revoke(Fixtures.randomHex(64))).isFalse();
            String id = ApiKeyRecord.idFor(Fixtures.randomHex(64));
            assertThat(store.findById(id)).isEmpty();
            assertThat(store.revokeById(id, clock.instant())).isEmpty();
            assertThat(store.expire(id, clock.instant())).isEmpty();
            assertThat(store.changePlan(id, Plan.PRO)).isEmpty();
        }
    }

    @Nested
    @DisplayName("Listing")
    class Listing {
        @Test
        @DisplayName("keys are listed newest first, up to the limit asked")
        void newestFirst() {
            Instant base = Fixtures.laterThanEverBefore();
            ApiKeyRecord older = Fixtures.managedKey(Fixtures.merchant(), Plan.FREE, base);
            ApiKeyRecord middle = Fixtures.managedKey(Fixtures.merchant(), Plan.PRO, base.plusSeconds(1));
            ApiKeyRecord newest = Fixtures.managedKey(Fixtures.merchant(), Plan.ENTERPRISE, base.plusSeconds(2));
            store.save(middle);
            store.save(newest);
            store.save(older);
            assertThat(store.list(3)).containsExactly(newest, middle, older);
            assertThat(store.list(2)).containsExactly(newest, middle);
        }

        @Test
        @DisplayName("a limit below 1 or above the maximum is refused")
        void bounded() {
            assertThatThrownBy(() -> store.list(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.list(ApiKeyStore.MAX_LIST + 1)).isInstanceOf(IllegalArgumentException.class);
            assertThat(store.list(ApiKeyStore.MAX_LIST)).hasSizeLessThanOrEqualTo(ApiKeyStore.MAX_LIST);
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
        @DisplayName("a key revoked by hash is still found, revoked, with its other fields intact")
        void revokeByHash() {
            ApiKeyRecord k = Fixtures.apiKey(Fixtures.merchant(), Plan.ENTERPRISE, clock);
            store.save(k);
            assertThat(store.revoke(k.keyHash())).isTrue();
            assertThat(store.revoke(k.keyHash())).isTrue();
            ApiKeyRecord after = store.findByHash(k.keyHash()).orElseThrow();
            assertThat(after.active()).isFalse();
            assertThat(after.state(clock.instant())).isEqualTo(ApiKeyState.REVOKED);
            assertThat(after.withRevokedAt(null)).isEqualTo(k);
        }

        @Test
        @DisplayName("revoking by id keeps the first revocation time")
        void revokeById() {
            ApiKeyRecord k = Fixtures.managedKey(Fixtures.merchant(), Plan.PRO, clock.instant());
            store.save(k);
            Instant first = clock.instant().plusSeconds(10);
            assertThat(store.revokeById(k.id(), first)).contains(k.withRevokedAt(first));
            assertThat(store.revokeById(k.id(), first.plusSeconds(50))).contains(k.withRevokedAt(first));
            assertThat(store.findByHash(k.keyHash()).orElseThrow().state(first)).isEqualTo(ApiKeyState.REVOKED);
        }

        @Test
        @DisplayName("an expiry is set, brought forward, never pushed later; the state follows the clock")
        void expire() {
            ApiKeyRecord k = Fixtures.managedKey(Fixtures.merchant(), Plan.PRO, clock.instant());
            store.save(k);
            Instant end = clock.instant().plus(Duration.ofHours(24));
            assertThat(store.expire(k.id(), end)).contains(k.withExpiresAt(end));
            assertThat(store.expire(k.id(), end.plusSeconds(3600))).contains(k.withExpiresAt(end));
            Instant sooner = end.minusSeconds(7200);
            assertThat(store.expire(k.id(), sooner)).contains(k.withExpiresAt(sooner));
            ApiKeyRecord stored = store.findById(k.id()).orElseThrow();
            assertThat(stored.state(clock.instant())).isEqualTo(ApiKeyState.EXPIRING);
            assertThat(stored.state(sooner.minusNanos(1000))).isEqualTo(ApiKeyState.EXPIRING);
            assertThat(stored.state(sooner)).isEqualTo(ApiKeyState.EXPIRED);
            assertThat(stored.usableAt(sooner)).isFalse();
        }

        @Test
        @DisplayName("a plan change keeps every other field")
        void changePlan() {
            ApiKeyRecord k = Fixtures.managedKey(Fixtures.merchant(), Plan.FREE, clock.instant());
            store.save(k);
            assertThat(store.changePlan(k.id(), Plan.ENTERPRISE)).contains(k.withPlan(Plan.ENTERPRISE));
            assertThat(store.findByHash(k.keyHash())).contains(k.withPlan(Plan.ENTERPRISE));
        }

        @Test
        @DisplayName("operators changing one key at once each leave a whole record: revoked, expiring and re-planned")
        void racingChanges() {
            ApiKeyRecord k = Fixtures.managedKey(Fixtures.merchant(), Plan.FREE, clock.instant());
            store.save(k);
            Instant at = clock.instant().plusSeconds(5);
            Race.once(THREADS, i -> switch (i % 4) {
                case 0 -> store.revokeById(k.id(), at);
                case 1 -> store.expire(k.id(), at.plusSeconds(i));
                case 2 -> store.changePlan(k.id(), Plan.ENTERPRISE);
                default -> store.touch(k.keyHash(), at.plusSeconds(i)) ? store.findById(k.id()) : null;
            });
            ApiKeyRecord after = store.findById(k.id()).orElseThrow();
            assertThat(after.revokedAt()).isEqualTo(at);
            assertThat(after.expiresAt()).isEqualTo(at.plusSeconds(1));
            assertThat(after.plan()).isEqualTo(Plan.ENTERPRISE);
            assertThat(after.lastUsedAt()).isEqualTo(at.plusSeconds(7));
            assertThat(after.label()).isEqualTo(k.label());
        }

        @Test
        @DisplayName("a store holding an active key says it has one (the start-up warning about no keys asks this)")
        void anyActive() {
            store.save(Fixtures.apiKey(Fixtures.merchant(), Plan.FREE, clock));
            assertThat(store.anyActive()).isTrue();
        }
    }
}
