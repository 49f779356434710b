package dev.bakongpay.checkout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.checkout.CheckoutSource;
import dev.bakongpay.checkout.CheckoutView;
import dev.bakongpay.spi.PaymentStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The refresh throttle")
class RefreshThrottleTest {
    private final UUID id = UUID.randomUUID();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger finds = new AtomicInteger();
    private PaymentStatus status = PaymentStatus.PENDING;
    private Instant now = Instant.parse("2026-11-28T10:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final CheckoutSource source = new CheckoutSource() {
        @Override
        public Optional<CheckoutView> find(UUID t) {
            finds.incrementAndGet();
            return Optional.of(view());
        }

        @Override
        public Optional<CheckoutView> refresh(UUID t) {
            refreshes.incrementAndGet();
            return Optional.of(view());
        }
    };

    private CheckoutView view() {
        return new CheckoutView(
                id,
                "FINN SHOP",
                null,
                BigDecimal.ONE,
                "USD",
                status,
                now.plusSeconds(600),
                "000201",
                null,
                null,
                null,
                false);
    }

    @Test
    @DisplayName("asks upstream at most once per window however often the page polls")
    void oncePerWindow() {
        RefreshThrottle t = new RefreshThrottle(source, clock, Duration.ofSeconds(2));
        for (int i = 0; i < 10; i++) {
            t.current(id);
            now = now.plusMillis(250);
        }
        assertThat(refreshes).hasValue(2);
        assertThat(finds).hasValue(8);
    }

    @Test
    @DisplayName("keeps throttling a final transaction, since polling it must not reach upstream either")
    void throttlesFinal() {
        RefreshThrottle t = new RefreshThrottle(source, clock, Duration.ofSeconds(2));
        status = PaymentStatus.EXPIRED;
        for (int i = 0; i < 5; i++) t.current(id);
        assertThat(refreshes).hasValue(1);
    }

    @Test
    @DisplayName("under a flood of ids, sweeps stale entries and then only reads")
    void flood() {
        RefreshThrottle t = new RefreshThrottle(source, clock, Duration.ofSeconds(2));
        for (int i = 0; i < 60_000; i++) t.current(UUID.randomUUID());
        assertThat(refreshes.get()).isLessThanOrEqualTo(50_001);
        now = now.plusSeconds(3);
        refreshes.set(0);
        for (int i = 0; i < 10; i++) t.current(UUID.randomUUID());
        assertThat(refreshes).hasValue(10); // the stale entries were swept, new ids are tracked again
    }
}
