package dev.bakongpay.core.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FinalStatusCache")
class FinalStatusCacheTest {
    static Transaction tx(String merchant, String md5, PaymentStatus status) {
        Instant at = Instant.parse("2026-06-02T13:45:00Z");
        return Transaction.builder()
                .id(UUID.randomUUID())
                .merchantId(merchant)
                .mode(PaymentMode.TEST)
                .md5(md5)
                .qrString("00020101021229180014shop@aclb52045999530384054052.006304ABCD")
                .amount(new BigDecimal("2.00"))
                .currency("USD")
                .bakongId("shop@aclb")
                .merchantName("Shop")
                .createdAt(at)
                .expiresAt(at.plusSeconds(900))
                .status(status)
                .build();
    }

    static String md5(int i) {
        return String.format("%032x", i);
    }

    @Test
    @DisplayName("keeps SUCCESS and FAILED, per merchant; never PENDING or EXPIRED")
    void whatIsKept() {
        FinalStatusCache cache = new FinalStatusCache(100);
        cache.offer(tx("a", md5(1), PaymentStatus.SUCCESS));
        cache.offer(tx("a", md5(2), PaymentStatus.FAILED));
        cache.offer(tx("a", md5(3), PaymentStatus.EXPIRED));
        cache.offer(tx("a", md5(4), PaymentStatus.PENDING));
        assertThat(cache.get("a", md5(1))).isNotNull();
        assertThat(cache.get("a", md5(2))).isNotNull();
        assertThat(cache.get("a", md5(3))).isNull();
        assertThat(cache.get("a", md5(4))).isNull();
        assertThat(cache.get("b", md5(1))).isNull();
    }

    @Test
    @DisplayName("holds at most its size; recently asked entries survive a turnover")
    void bounded() {
        FinalStatusCache cache = new FinalStatusCache(100);
        for (int i = 0; i < 1000; i++) {
            cache.offer(tx("a", md5(i), PaymentStatus.SUCCESS));
            assertThat(cache.get("a", md5(0))).isNotNull(); // polled all along: stays
        }
        int held = 0;
        for (int i = 0; i < 1000; i++) if (cache.get("a", md5(i)) != null) held++;
        assertThat(held).isLessThanOrEqualTo(100);
    }

    @Test
    @DisplayName("size zero keeps nothing")
    void off() {
        FinalStatusCache cache = new FinalStatusCache(0);
        cache.offer(tx("a", md5(1), PaymentStatus.SUCCESS));
        assertThat(cache.get("a", md5(1))).isNull();
    }
}
