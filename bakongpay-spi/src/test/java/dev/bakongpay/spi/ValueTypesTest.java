package dev.bakongpay.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Value types validate themselves")
class ValueTypesTest {
    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00.123456789Z");

    private static Transaction.Builder valid() {
        return Transaction.builder()
                .id(UUID.randomUUID())
                .merchantId("m1")
                .mode(PaymentMode.LIVE)
                .md5("0123456789abcdef0123456789abcdef")
                .qrString("000201")
                .amount(new BigDecimal("1.50"))
                .currency("USD")
                .bakongId("shop@aclb")
                .merchantName("Shop")
                .createdAt(NOW)
                .expiresAt(NOW.plusSeconds(600));
    }

    @Nested
    @DisplayName("Transaction")
    class Transactions {
        @Test
        @DisplayName("a builder makes a PENDING transaction whose instants are truncated to microseconds")
        void defaults() {
            Transaction t = valid().build();
            assertThat(t.status()).isEqualTo(PaymentStatus.PENDING);
            assertThat(t.createdAt())
                    .isEqualTo(Instant.parse("2026-11-28T08:00:00.123456Z"))
                    .isEqualTo(t.updatedAt());
            assertThat(t.attributes()).isEmpty();
        }

        @Test
        @DisplayName("rejects an md5 that is not 32 lowercase hex digits, naming the value")
        void md5() {
            assertThatThrownBy(() ->
                            valid().md5("0123456789ABCDEF0123456789ABCDEF").build())
                    .hasMessage("md5 was '0123456789ABCDEF0123456789ABCDEF' but it must be 32 lowercase hex digits");
        }

        @Test
        @DisplayName("rejects other currencies, non-positive amounts and more than 6 decimals")
        void amounts() {
            assertThatThrownBy(() -> valid().currency("EUR").build()).hasMessageContaining("USD or KHR");
            assertThatThrownBy(() -> valid().amount(BigDecimal.ZERO).build()).hasMessageContaining("positive");
            assertThatThrownBy(() -> valid().amount(new BigDecimal("1.0000001")).build())
                    .hasMessageContaining("decimals");
        }
    }

    @Nested
    @DisplayName("StatusTransition")
    class Transitions {
        @Test
        @DisplayName("allows PENDING to any final status and EXPIRED to SUCCESS only")
        void allowed() {
            assertThat(PaymentStatus.PENDING.canMoveTo(PaymentStatus.FAILED)).isTrue();
            assertThat(PaymentStatus.EXPIRED.canMoveTo(PaymentStatus.SUCCESS)).isTrue();
            assertThat(PaymentStatus.EXPIRED.canMoveTo(PaymentStatus.FAILED)).isFalse();
            assertThatThrownBy(() -> new StatusTransition(
                            UUID.randomUUID(), PaymentStatus.SUCCESS, PaymentStatus.FAILED, null, null, false, NOW))
                    .hasMessage("a transaction cannot move from SUCCESS to FAILED");
        }

        @Test
        @DisplayName("a payment after expiry is always marked late")
        void lateAfterExpiry() {
            UpstreamPayment p =
                    new UpstreamPayment("a".repeat(64), null, null, BigDecimal.TEN, "USD", null, null, null);
            assertThat(StatusTransition.paid(UUID.randomUUID(), PaymentStatus.EXPIRED, p, false, NOW)
                            .late())
                    .isTrue();
        }
    }

    @Nested
    @DisplayName("RateLimitDecision")
    class Decisions {
        @Test
        @DisplayName("Retry-After seconds round up and are at least 1 when denied")
        void retryAfterSeconds() {
            RateLimit limit = RateLimit.perMinute(60);
            RateLimitDecision denied = RateLimitDecision.of(false, limit, 0, 1_500_000_000L, NOW);
            assertThat(denied.retryAfterSeconds()).isEqualTo(2);
            assertThat(RateLimitDecision.of(false, limit, 0, 10, NOW).retryAfterSeconds())
                    .isEqualTo(1);
            assertThat(RateLimitDecision.of(true, limit, 59, 0, NOW).retryAfter())
                    .isEqualTo(Duration.ZERO);
        }
    }
}
