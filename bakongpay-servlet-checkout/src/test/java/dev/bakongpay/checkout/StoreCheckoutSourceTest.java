package dev.bakongpay.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.memory.MemoryTransactionStore;
import dev.bakongpay.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The store checkout source")
class StoreCheckoutSourceTest {
    private final MemoryTransactionStore store = new MemoryTransactionStore(Clock.systemUTC());
    private final AtomicInteger checks = new AtomicInteger();

    private Transaction stored() {
        Transaction t = Fixtures.usd("5.00", Instant.now().plusSeconds(900)).build();
        store.insert(t);
        return t;
    }

    @Test
    @DisplayName("finds nothing for an unknown id")
    void unknown() {
        assertThat(new StoreCheckoutSource(store).find(UUID.randomUUID())).isEmpty();
        assertThat(new StoreCheckoutSource(store).refresh(UUID.randomUUID())).isEmpty();
    }

    @Nested
    @DisplayName("with a refresher")
    class WithRefresher {
        @Test
        @DisplayName("runs it for a pending transaction and shows what it returns")
        void pending() {
            Transaction t = stored();
            StoreCheckoutSource source = new StoreCheckoutSource(store, Clock.systemUTC(), tx -> {
                checks.incrementAndGet();
                return store.transition(StatusTransition.failed(tx.id(), null, "amount_mismatch", Instant.now()))
                        .orElseThrow();
            });
            assertThat(source.find(t.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
            assertThat(checks).hasValue(0);
            assertThat(source.refresh(t.id()).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(checks).hasValue(1);
        }

        @Test
        @DisplayName("leaves paid and failed transactions alone")
        void finalOnes() {
            Transaction t = stored();
            store.transition(StatusTransition.failed(t.id(), null, "upstream_failed: no", Instant.now()))
                    .orElseThrow();
            StoreCheckoutSource source = new StoreCheckoutSource(store, Clock.systemUTC(), tx -> {
                checks.incrementAndGet();
                return tx;
            });
            assertThat(source.refresh(t.id()).orElseThrow().status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(checks).hasValue(0);
        }

        @Test
        @DisplayName("checks an expired transaction until its late window ends, then leaves it alone")
        void expiredWithinLateWindow() {
            MutableClock clock = new MutableClock();
            MemoryTransactionStore timed = new MemoryTransactionStore(clock);
            Transaction t = Fixtures.usd("5.00", clock.instant().plusSeconds(60))
                    .createdAt(clock.instant())
                    .build();
            timed.insert(t);
            StoreCheckoutSource source = new StoreCheckoutSource(
                    timed,
                    clock,
                    tx -> {
                        checks.incrementAndGet();
                        return tx;
                    },
                    Duration.ofSeconds(90));
            clock.advance(Duration.ofSeconds(61));
            timed.transition(StatusTransition.expired(t.id(), clock.instant())).orElseThrow();
            CheckoutView expired = source.refresh(t.id()).orElseThrow();
            assertThat(expired.status()).isEqualTo(PaymentStatus.EXPIRED);
            assertThat(expired.lateUntil()).isEqualTo(t.expiresAt().plusSeconds(90));
            assertThat(checks).hasValue(1);
            clock.set(t.expiresAt().plusSeconds(89));
            source.refresh(t.id());
            assertThat(checks).hasValue(2);
            clock.set(t.expiresAt().plusSeconds(90));
            assertThat(source.refresh(t.id()).orElseThrow().isFinal(clock.instant()))
                    .isTrue();
            assertThat(checks).hasValue(2);
        }

        @Test
        @DisplayName("shows the stored status when the refresher fails, so NBC being down does not break the page")
        void failing() {
            Transaction t = stored();
            StoreCheckoutSource source = new StoreCheckoutSource(store, Clock.systemUTC(), tx -> {
                throw new IllegalStateException("upstream timed out");
            });
            assertThat(source.refresh(t.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        }
    }
}
