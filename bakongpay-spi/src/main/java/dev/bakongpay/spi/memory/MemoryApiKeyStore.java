package dev.bakongpay.spi.memory;

import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.ApiKeyStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link ApiKeyStore} in a map, for one node. */
public final class MemoryApiKeyStore implements ApiKeyStore {
    private final Map<String, ApiKeyRecord> keys = new ConcurrentHashMap<>();

    @Override
    public void save(ApiKeyRecord r) {
        keys.put(r.keyHash(), r);
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String keyHash) {
        return Optional.ofNullable(keys.get(keyHash));
    }

    @Override
    public boolean touch(String keyHash, Instant usedAt) {
        return keys.computeIfPresent(keyHash, (h, r) -> r.lastUsedAt() != null && !usedAt.isAfter(r.lastUsedAt()) ? r
                : new ApiKeyRecord(r.keyHash(), r.merchantId(), r.plan(), r.mode(), r.active(), r.createdAt(), usedAt)) != null;
    }

    @Override
    public boolean revoke(String keyHash) {
        return keys.computeIfPresent(keyHash, (h, r) ->
                new ApiKeyRecord(r.keyHash(), r.merchantId(), r.plan(), r.mode(), false, r.createdAt(), r.lastUsedAt())) != null;
    }

    @Override
    public boolean anyActive() {
        return keys.values().stream().anyMatch(ApiKeyRecord::active);
    }
}
