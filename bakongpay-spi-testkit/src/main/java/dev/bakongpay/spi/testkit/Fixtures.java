package dev.bakongpay.spi.testkit;

import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.UpstreamPayment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Valid sample values for the contracts; every call gives fresh ids and hashes. */
public final class Fixtures {
    private Fixtures() {}

    public static String randomHex(int digits) {
        byte[] b = new byte[digits / 2];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A merchant id no other test uses. */
    public static String merchant() {
        return "m-" + randomHex(12);
    }

    /** A PENDING transaction of {@code merchantId}, created now and expiring in 10 minutes. */
    public static Transaction pending(String merchantId, Clock clock) {
        return pendingBuilder(merchantId, clock).build();
    }

    public static Transaction.Builder pendingBuilder(String merchantId, Clock clock) {
        return Transaction.builder()
                .id(UUID.randomUUID())
                .merchantId(merchantId)
                .mode(PaymentMode.TEST)
                .md5(randomHex(32))
                .qrString("00020101021229180014shop@aclb5204599953038405405" + randomHex(8) + "6304ABCD")
                .amount(new BigDecimal("25.00"))
                .currency("USD")
                .bakongId("shop@aclb")
                .merchantName("Coffee Shop")
                .description("Order #42")
                .createdAt(clock.instant())
                .expiresAt(clock.instant().plus(Duration.ofMinutes(10)))
                .attributes(Map.of("returnUrl", "https://shop.example/return?o=42", "merchantNameKm", "ហាងកាហ្វេ"));
    }

    public static UpstreamPayment payment(Clock clock) {
        return new UpstreamPayment(
                randomHex(64),
                "payer@abaa",
                "shop@aclb",
                new BigDecimal("25.00"),
                "USD",
                clock.instant(),
                "100FT3456789",
                "INS-" + randomHex(6));
    }

    public static ApiKeyRecord apiKey(String merchantId, Plan plan, Clock clock) {
        return new ApiKeyRecord(randomHex(64), merchantId, plan, PaymentMode.LIVE, true, clock.instant(), null);
    }

    private static final java.util.concurrent.atomic.AtomicLong LATER = new java.util.concurrent.atomic.AtomicLong();

    /**
     * An instant far in the future and later than any this method gave before in this JVM: a
     * listing's head is then the calling test's own rows, even in a store other tests wrote to.
     */
    public static java.time.Instant laterThanEverBefore() {
        return java.time.Instant.parse("2900-01-01T00:00:00Z").plus(Duration.ofDays(LATER.incrementAndGet()));
    }

    /** A key with every field set the way key management sets it: its own id, prefix and label. */
    public static ApiKeyRecord managedKey(String merchantId, Plan plan, java.time.Instant createdAt) {
        String hash = randomHex(64);
        return new ApiKeyRecord(
                ApiKeyRecord.idFor(hash),
                hash,
                "bk_test_" + randomHex(4),
                "Shop " + randomHex(3),
                merchantId,
                plan,
                PaymentMode.TEST,
                createdAt,
                null,
                null,
                null);
    }
}
