package dev.bakongpay.spi.memory;

import dev.bakongpay.spi.IdempotencyRecord;
import dev.bakongpay.spi.IdempotencyStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link IdempotencyStore} in a map, for one node. */
public final class MemoryIdempotencyStore implements IdempotencyStore {
    private record Key(String merchantId, String key) {}

    private final Map<Key, IdempotencyRecord> records = new ConcurrentHashMap<>();

    @Override
    public Optional<IdempotencyRecord> putIfAbsent(IdempotencyRecord r) {
        return Optional.ofNullable(records.putIfAbsent(new Key(r.merchantId(), r.key()), r));
    }

    @Override
    public Optional<IdempotencyRecord> find(String merchantId, String key) {
        return Optional.ofNullable(records.get(new Key(merchantId, key)));
    }

    @Override
    public boolean complete(String merchantId, String key, int statusCode, String responseBody) {
        boolean[] done = new boolean[1];
        records.computeIfPresent(new Key(merchantId, key), (k, r) -> {
            if (r.completed()) return r;
            done[0] = true;
            return new IdempotencyRecord(
                    r.merchantId(), r.key(), r.requestFingerprint(), statusCode, responseBody, r.createdAt());
        });
        return done[0];
    }

    @Override
    public boolean delete(String merchantId, String key) {
        return records.remove(new Key(merchantId, key)) != null;
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff) {
        int[] n = new int[1];
        records.values().removeIf(r -> {
            boolean old = r.createdAt().isBefore(cutoff);
            if (old) n[0]++;
            return old;
        });
        return n[0];
    }
}
