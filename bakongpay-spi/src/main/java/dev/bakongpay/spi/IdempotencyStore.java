package dev.bakongpay.spi;

import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency-key records, keyed by merchant id + key. Usual flow: {@link #putIfAbsent} a
 * reservation; if empty came back, do the work and {@link #complete}; on failure {@link #delete}
 * so a retry may run. Contract: {@code IdempotencyStoreContract}.
 */
public interface IdempotencyStore {

    /**
     * Stores {@code record} unless the merchant already has one under that key.
     *
     * @return empty if this call stored it; otherwise the existing record, unchanged. Under a
     *         race exactly one caller gets empty.
     */
    Optional<IdempotencyRecord> putIfAbsent(IdempotencyRecord record);

    /** The merchant's record under this key. */
    Optional<IdempotencyRecord> find(String merchantId, String key);

    /**
     * Stores the response of a reservation.
     *
     * @return false if there is no such record or it is already completed
     */
    boolean complete(String merchantId, String key, int statusCode, String responseBody);

    /** Removes the merchant's record under this key; returns whether there was one. */
    boolean delete(String merchantId, String key);

    /** Removes every record created before {@code cutoff}; returns how many. */
    int purgeCreatedBefore(Instant cutoff);
}
