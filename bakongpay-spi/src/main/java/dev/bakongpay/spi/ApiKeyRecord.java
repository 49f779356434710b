package dev.bakongpay.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * An API key as stored: only its SHA-256, never the key itself.
 *
 * @param keyHash    SHA-256 of the key, 64 lowercase hex digits, computed by the caller
 * @param merchantId the merchant the key acts for
 * @param plan       its plan (rate limit, features)
 * @param mode       TEST or LIVE
 * @param active     false once revoked
 * @param createdAt  when it was created
 * @param lastUsedAt when it last authenticated a request; null if never
 */
public record ApiKeyRecord(
        String keyHash,
        String merchantId,
        Plan plan,
        PaymentMode mode,
        boolean active,
        Instant createdAt,
        Instant lastUsedAt) {

    public ApiKeyRecord {
        Checks.sha256(keyHash, "keyHash");
        Checks.text(merchantId, "merchantId", 128);
        Objects.requireNonNull(plan, "plan must not be null");
        Objects.requireNonNull(mode, "mode must not be null");
        createdAt = Checks.instant(createdAt, "createdAt");
        lastUsedAt = Checks.optionalInstant(lastUsedAt);
    }
}
