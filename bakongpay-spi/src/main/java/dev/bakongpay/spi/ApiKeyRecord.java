package dev.bakongpay.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An API key as stored: only its SHA-256, never the key itself.
 *
 * @param id         public, stable, not secret: how operators name the key ({@code key_} and 16 hex digits)
 * @param keyHash    SHA-256 of the key, 64 lowercase hex digits, computed by the caller
 * @param prefix     the key's first characters, for people to recognise it ({@code bk_test_3f9a})
 * @param label      what the operator calls it ({@code Shop A}); null if none
 * @param merchantId the merchant the key acts for
 * @param plan       its plan (rate limit, features)
 * @param mode       TEST or LIVE
 * @param createdAt  when it was created
 * @param lastUsedAt when it last authenticated a request; null if never
 * @param expiresAt  when it stops working (a key rotated out keeps working until then); null if never
 * @param revokedAt  when it was revoked; null if it was not
 */
public record ApiKeyRecord(
        String id,
        String keyHash,
        String prefix,
        String label,
        String merchantId,
        Plan plan,
        PaymentMode mode,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt) {

    private static final Pattern ID = Pattern.compile("key_[0-9a-z]{1,40}");
    /** Longest label a store must keep. */
    public static final int MAX_LABEL_LENGTH = 100;
    /** Longest prefix a store must keep. */
    public static final int MAX_PREFIX_LENGTH = 16;

    public ApiKeyRecord {
        Objects.requireNonNull(id, "id must not be null");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "id was '" + id + "' but it must be key_ and 1 to 40 lowercase letters or digits");
        }
        Checks.sha256(keyHash, "keyHash");
        Checks.text(prefix, "prefix", MAX_PREFIX_LENGTH);
        label = Checks.optionalText(label, "label", MAX_LABEL_LENGTH);
        Checks.text(merchantId, "merchantId", 128);
        Objects.requireNonNull(plan, "plan must not be null");
        Objects.requireNonNull(mode, "mode must not be null");
        createdAt = Checks.instant(createdAt, "createdAt");
        lastUsedAt = Checks.optionalInstant(lastUsedAt);
        expiresAt = Checks.optionalInstant(expiresAt);
        revokedAt = Checks.optionalInstant(revokedAt);
    }

    /**
     * A key known by its hash alone (the first form of this record): its id comes from the hash,
     * its prefix from the mode, no label, no expiry; an inactive one counts as revoked when it was
     * created, since the moment is not known.
     */
    public ApiKeyRecord(
            String keyHash,
            String merchantId,
            Plan plan,
            PaymentMode mode,
            boolean active,
            Instant createdAt,
            Instant lastUsedAt) {
        this(
                idFor(keyHash),
                keyHash,
                modePrefix(mode),
                null,
                merchantId,
                plan,
                mode,
                createdAt,
                lastUsedAt,
                null,
                active ? null : createdAt);
    }

    /** The id of the key with this hash: {@code key_} and the hash's first 16 hex digits. */
    public static String idFor(String keyHash) {
        Checks.sha256(keyHash, "keyHash");
        return "key_" + keyHash.substring(0, 16);
    }

    /** {@code bk_test_} or {@code bk_live_}: what every key of the mode starts with. */
    public static String modePrefix(PaymentMode mode) {
        return mode == PaymentMode.TEST ? "bk_test_" : "bk_live_";
    }

    /** False once revoked (expired keys are still "active" in this sense; see {@link #state(Instant)}). */
    public boolean active() {
        return revokedAt == null;
    }

    /** The key's state at {@code now}. */
    public ApiKeyState state(Instant now) {
        if (revokedAt != null) return ApiKeyState.REVOKED;
        if (expiresAt == null) return ApiKeyState.ACTIVE;
        return now.isBefore(expiresAt) ? ApiKeyState.EXPIRING : ApiKeyState.EXPIRED;
    }

    /** Whether the key authenticates requests at {@code now}: neither revoked nor expired. */
    public boolean usableAt(Instant now) {
        return state(now).usable();
    }

    public ApiKeyRecord withPlan(Plan newPlan) {
        return new ApiKeyRecord(
                id, keyHash, prefix, label, merchantId, newPlan, mode, createdAt, lastUsedAt, expiresAt, revokedAt);
    }

    public ApiKeyRecord withLastUsedAt(Instant at) {
        return new ApiKeyRecord(
                id, keyHash, prefix, label, merchantId, plan, mode, createdAt, at, expiresAt, revokedAt);
    }

    public ApiKeyRecord withExpiresAt(Instant at) {
        return new ApiKeyRecord(
                id, keyHash, prefix, label, merchantId, plan, mode, createdAt, lastUsedAt, at, revokedAt);
    }

    public ApiKeyRecord withRevokedAt(Instant at) {
        return new ApiKeyRecord(
                id, keyHash, prefix, label, merchantId, plan, mode, createdAt, lastUsedAt, expiresAt, at);
    }
}
