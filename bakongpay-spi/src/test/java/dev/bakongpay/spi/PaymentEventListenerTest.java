package dev.bakongpay.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Payment event listeners")
class PaymentEventListenerTest {
    private static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");

    private static PaymentEvent expiredEvent() {
        Transaction t = Transaction.builder()
                .id(UUID.randomUUID())
                .merchantId("m1")
                .mode(PaymentMode.TEST)
                .md5("0123456789abcdef0123456789abcdef")
                .qrString("000201")
                .amount(BigDecimal.ONE)
                .currency("KHR")
                .bakongId("shop@aclb")
                .merchantName("Shop")
                .createdAt(NOW)
                .expiresAt(NOW.plusSeconds(60))
                .build();
        StatusTransition won = StatusTransition.expired(t.id(), NOW.plusSeconds(61));
        return PaymentEvent.of(t.apply(won), won);
    }

    @Test
    @DisplayName("a composite tells every listener in order, even after one of them throws")
    void compositeIsolatesFailures() {
        List<String> heard = new ArrayList<>();
        PaymentEventListener all = PaymentEventListener.composite(List.of(
                e -> heard.add("first " + e.current()),
                e -> {
                    throw new IllegalStateException("webhook down");
                },
                e -> heard.add("third " + e.previous())));
        all.onStatusChange(expiredEvent());
        assertThat(heard).containsExactly("first EXPIRED", "third PENDING");
    }

    @Test
    @DisplayName("the no-op listener accepts events and does nothing")
    void noop() {
        PaymentEventListener.noop().onStatusChange(expiredEvent());
    }
}
