package dev.bakongpay.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API keys by their SHA-256 (authentication) and by their public id (operators). Contract:
 * {@code ApiKeyStoreContract}. Changes an operator makes are single conditional updates, so two
 * operators changing one key at once each leave a whole record.
 *
 * <p>The operators' methods ({@link #findById}, {@link #list}, {@link #revokeById}, {@link #expire},
 * {@link #changePlan}) came after the first four; a store written before them still serves
 * authentication, and refuses key management with {@link UnsupportedOperationException}.
 */
public interface ApiKeyStore {
    /** Most keys {@link #list(int)} returns at once. */
    int MAX_LIST = 1000;

    /** Inserts the record, or replaces every field of the one with the same hash. */
    void save(ApiKeyRecord record);

    /** The key with this hash, whatever its state (callers check {@link ApiKeyRecord#state(Instant)}). */
    Optional<ApiKeyRecord> findByHash(String keyHash);

    /** The key with this public id, whatever its state. */
    default Optional<ApiKeyRecord> findById(String id) {
        throw unsupported();
    }

    /** Up to {@code limit} keys (1 to {@value #MAX_LIST}), newest first (by creation time, then id). */
    default List<ApiKeyRecord> list(int limit) {
        throw unsupported();
    }

    /** Sets {@code lastUsedAt}, never moving it backwards; returns false for an unknown hash. */
    boolean touch(String keyHash, Instant usedAt);

    /** Marks the key revoked now-ish, by hash; returns false for an unknown hash. Revoking twice is fine. */
    default boolean revoke(String keyHash) {
        return findByHash(keyHash)
                .flatMap(r -> revokeById(r.id(), Instant.now()))
                .isPresent();
    }

    /**
     * Revokes the key at {@code at}; a key already revoked keeps its first revocation time. Returns
     * the key as stored afterwards, empty for an unknown id.
     */
    default Optional<ApiKeyRecord> revokeById(String id, Instant at) {
        throw unsupported();
    }

    /**
     * Makes the key stop working at {@code expiresAt}, unless it already ends sooner (an expiry is
     * never pushed later). Returns the key as stored afterwards, empty for an unknown id.
     */
    default Optional<ApiKeyRecord> expire(String id, Instant expiresAt) {
        throw unsupported();
    }

    /** Moves the key to {@code plan}; returns the key as stored afterwards, empty for an unknown id. */
    default Optional<ApiKeyRecord> changePlan(String id, Plan plan) {
        throw unsupported();
    }

    private UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException(getClass().getName() + " does not support API-key management");
    }

    /** Refuses a {@code limit} outside 1 to {@code max}. */
    static int checkLimit(int limit, int max) {
        if (limit < 1 || limit > max)
            throw new IllegalArgumentException("limit must be 1 to " + max + ", was " + limit);
        return limit;
    }

    /**
     * Whether at least one key can authenticate now: the server warns at start-up when none can,
     * since every request would then be refused. A store that cannot tell cheaply keeps this default
     * and says true.
     */
    default boolean anyActive() {
        return true;
    }
}
