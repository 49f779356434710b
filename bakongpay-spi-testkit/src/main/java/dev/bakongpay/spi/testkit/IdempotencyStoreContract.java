package dev.bakongpay.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.IdempotencyRecord;
import dev.bakongpay.spi.IdempotencyStore;
import dev.bakongpay.testsupport.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The contract of {@link IdempotencyStore}: one record per merchant and key, first writer wins. */
public abstract class IdempotencyStoreContract {
    protected static final int THREADS = 8;

    protected final MutableClock clock = new MutableClock();
    protected IdempotencyStore store;
    protected String merchant;

    /** A store; records of other tests may be in it (merchants are random), except for purge tests. */
    protected abstract IdempotencyStore createStore(MutableClock clock);

    @BeforeEach
    void openStore() {
        store = createStore(clock);
        merchant = Fixtures.merchant();
    }

    protected IdempotencyRecord reservation(String key) {
        return IdempotencyRecord.reservation(merchant, key, "sha256:" + Fixtures.randomHex(16), clock.instant());
    }

    @Nested
    @DisplayName("Put if absent")
    class PutIfAbsent {
        @Test
        @DisplayName("the first put stores the record; the second gets the first back, unchanged")
        void firstWins() {
            IdempotencyRecord first = reservation("order-42");
            assertThat(store.putIfAbsent(first)).isEmpty();
            assertThat(store.putIfAbsent(reservation("order-42"))).contains(first);
            assertThat(store.find(merchant, "order-42")).contains(first);
        }

        @Test
        @DisplayName("the same key of another merchant is another record")
        void perMerchant() {
            IdempotencyRecord mine = reservation("k");
            store.putIfAbsent(mine);
            IdempotencyRecord theirs = IdempotencyRecord.reservation(Fixtures.merchant(), "k", "f", clock.instant());
            assertThat(store.putIfAbsent(theirs)).isEmpty();
            assertThat(store.find(theirs.merchantId(), "k")).contains(theirs);
        }

        @Test
        @DisplayName("threads racing one key: exactly one stores, the others all see its record")
        void race() {
            List<Optional<IdempotencyRecord>> results = Race.once(THREADS, i -> store.putIfAbsent(reservation("race")));
            assertThat(results).filteredOn(Optional::isEmpty).hasSize(1);
            IdempotencyRecord stored = store.find(merchant, "race").orElseThrow();
            assertThat(results)
                    .filteredOn(Optional::isPresent)
                    .extracting(Optional::get)
                    .containsOnly(stored);
        }
    }

    @Nested
    @DisplayName("Completing")
    class Completing {
        @Test
        @DisplayName("a reservation takes its response once; the response reads back whole")
        void complete() {
            IdempotencyRecord r = reservation("c");
            store.putIfAbsent(r);
            String body = "{\"success\":true,\"data\":{\"md5\":\"abc\",\"note\":\"ហាង\"}}";
            assertThat(store.complete(merchant, "c", 201, body)).isTrue();
            assertThat(store.complete(merchant, "c", 500, "{}")).isFalse();
            IdempotencyRecord done = store.find(merchant, "c").orElseThrow();
            assertThat(done.completed()).isTrue();
            assertThat(done)
                    .isEqualTo(new IdempotencyRecord(merchant, "c", r.requestFingerprint(), 201, body, r.createdAt()));
        }

        @Test
        @DisplayName("completing or deleting an unknown key changes nothing")
        void unknown() {
            assertThat(store.complete(merchant, "nope", 200, "{}")).isFalse();
            assertThat(store.delete(merchant, "nope")).isFalse();
            assertThat(store.find(merchant, "nope")).isEmpty();
        }

        @Test
        @DisplayName("a deleted reservation lets a retry store a new one")
        void deleteThenRetry() {
            store.putIfAbsent(reservation("d"));
            assertThat(store.delete(merchant, "d")).isTrue();
            assertThat(store.putIfAbsent(reservation("d"))).isEmpty();
        }
    }

    @Nested
    @DisplayName("Purging")
    class Purging {
        @Test
        @DisplayName("records created before the cutoff go, newer ones stay")
        void purge() {
            IdempotencyRecord old = reservation("old");
            store.putIfAbsent(old);
            clock.advance(Duration.ofHours(25));
            IdempotencyRecord recent = reservation("recent");
            store.putIfAbsent(recent);
            assertThat(store.purgeCreatedBefore(clock.instant().minus(Duration.ofHours(24))))
                    .isGreaterThanOrEqualTo(1);
            assertThat(store.find(merchant, "old")).isEmpty();
            assertThat(store.find(merchant, "recent")).contains(recent);
        }
    }
}
