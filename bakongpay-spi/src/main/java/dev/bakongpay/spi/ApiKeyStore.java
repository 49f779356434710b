package dev.bakongpay.spi;

import java.time.Instant;
import java.util.Optional;

/** API keys by their SHA-256. Contract: {@code ApiKeyStoreContract}. */
public interface ApiKeyStore {

    /** Inserts the record, or replaces every field of the one with the same hash. */
    void save(ApiKeyRecord record);

    /** The key with this hash, active or not (callers check {@link ApiKeyRecord#active()}). */
    Optional<ApiKeyRecord> findByHash(String keyHash);

    /** Sets {@code lastUsedAt}, never moving it backwards; returns false for an unknown hash. */
    boolean touch(String keyHash, Instant usedAt);

    /** Marks the key inactive; returns false for an unknown hash. Revoking twice is fine. */
    boolean revoke(String keyHash);

    /**
     * Whether at least one key is active: the server warns at start-up when none is, since every
     * request would then be refused. A store that cannot tell cheaply keeps this default and says true.
     */
    default boolean anyActive() {
        return true;
    }
}
