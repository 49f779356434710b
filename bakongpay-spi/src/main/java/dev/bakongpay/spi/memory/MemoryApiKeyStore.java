package dev.bakongpay.spi.memory;

import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.ApiKeyStore;
import dev.bakongpay.spi.Plan;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** An {@link ApiKeyStore} in a map, for one node. */
public final class MemoryApiKeyStore implements ApiKeyStore {
    static final Comparator<ApiKeyRecord> NEWEST_FIRST =
            Comparator.comparing(ApiKeyRecord::createdAt).reversed().thenComparing(ApiKeyRecord::id);

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
    public Optional<ApiKeyRecord> findById(String id) {
        return keys.values().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public List<ApiKeyRecord> list(int limit) {
        ApiKeyStore.checkLimit(limit, MAX_LIST);
        return keys.values().stream().sorted(NEWEST_FIRST).limit(limit).toList();
    }

    @Override
    public boolean touch(String keyHash, Instant usedAt) {
        return keys.computeIfPresent(
                        keyHash,
                        (h, r) -> r.lastUsedAt() != null && !usedAt.isAfter(r.lastUsedAt())
                                ? r
                                : r.withLastUsedAt(usedAt))
                != null;
    }

    @Override
    public Optional<ApiKeyRecord> revokeById(String id, Instant at) {
        return update(id, r -> r.revokedAt() != null ? r : r.withRevokedAt(at));
    }

    @Override
    public Optional<ApiKeyRecord> expire(String id, Instant expiresAt) {
        return update(
                id, r -> r.expiresAt() != null && !r.expiresAt().isAfter(expiresAt) ? r : r.withExpiresAt(expiresAt));
    }

    @Override
    public Optional<ApiKeyRecord> changePlan(String id, Plan plan) {
        return update(id, r -> r.withPlan(plan));
    }

    private Optional<ApiKeyRecord> update(String id, UnaryOperator<ApiKeyRecord> change) {
        return findById(id).map(found -> keys.computeIfPresent(found.keyHash(), (h, r) -> change.apply(r)));
    }

    @Override
    public boolean anyActive() {
        Instant now = Instant.now(); // like the JDBC store, which asks the database clock
        return keys.values().stream().anyMatch(r -> r.usableAt(now));
    }
}
