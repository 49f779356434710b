package dev.bakongpay.spi;

import java.time.Instant;

/**
 * What a merchant's request with an {@code Idempotency-Key} produced. A record without a response
 * ({@code statusCode} and {@code responseBody} null) is a reservation: the first request is still
 * running.
 *
 * @param merchantId         whose key
 * @param key                the {@code Idempotency-Key} header, up to 255 characters
 * @param requestFingerprint a hash of the request, to refuse the same key with another body
 * @param statusCode         HTTP status of the stored response, or null while in progress
 * @param responseBody       stored response body, or null while in progress
 * @param createdAt          when the key was first seen; purging goes by it
 */
public record IdempotencyRecord(
        String merchantId,
        String key,
        String requestFingerprint,
        Integer statusCode,
        String responseBody,
        Instant createdAt) {

    public IdempotencyRecord {
        Checks.text(merchantId, "merchantId", 128);
        Checks.text(key, "key", 255);
        Checks.text(requestFingerprint, "requestFingerprint", 128);
        if ((statusCode == null) != (responseBody == null)) {
            throw new IllegalArgumentException("statusCode and responseBody must both be set or both be null");
        }
        if (statusCode != null && (statusCode < 100 || statusCode > 599)) {
            throw new IllegalArgumentException("statusCode must be an HTTP status, was " + statusCode);
        }
        createdAt = Checks.instant(createdAt, "createdAt");
    }

    /** A reservation: the request is running and has no response yet. */
    public static IdempotencyRecord reservation(String merchantId, String key, String fingerprint, Instant at) {
        return new IdempotencyRecord(merchantId, key, fingerprint, null, null, at);
    }

    /** Whether the response is stored. */
    public boolean completed() {
        return statusCode != null;
    }
}
