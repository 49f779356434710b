package dev.bakongpay.jaxrs;

import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.ApiKeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link ApiKeyStore} that remembers found keys for a short time, so that authenticating a
 * request does not read the store every time (one read per key per {@code ttl} instead of one per
 * request). Keys are cached by their hash only; unknown hashes are never cached, so a new key
 * works at once.
 *
 * <p>Staleness is bounded by the TTL and is the same on every node: a key revoked, or moved to
 * another plan, through this object stops working (or takes its new plan) at once on this node,
 * and on other nodes, which share the store but not this cache, within {@code ttl}. Writes go to
 * the store first, then drop the cached entry.
 *
 * <p>At most {@code maxEntries} keys are held; past that the cache starts over (a shop has few
 * keys; this only bounds memory).
 */
public final class CachingApiKeyStore implements ApiKeyStore {
    /** How long a found key is trusted without asking the store again. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final ApiKeyStore store;
    private final long ttlNanos;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(ApiKeyRecord record, long loadedAt) {}

    private CachingApiKeyStore(ApiKeyStore store, Duration ttl, int maxEntries) {
        this.store = Objects.requireNonNull(store, "store");
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /**
     * {@code store} behind a cache of {@code ttl}; {@code store} itself when {@code ttl} is zero or
     * it is already a cache.
     */
    public static ApiKeyStore wrap(ApiKeyStore store, Duration ttl) {
        Objects.requireNonNull(store, "store");
        if (ttl.isNegative()) throw new IllegalArgumentException("the API key cache TTL must not be negative");
        if (ttl.isZero() || store instanceof CachingApiKeyStore) return store;
        return new CachingApiKeyStore(store, ttl, DEFAULT_MAX_ENTRIES);
    }

    /** The store behind the cache. */
    public ApiKeyStore store() {
        return store;
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String keyHash) {
        long now = System.nanoTime();
        Entry e = cache.get(keyHash);
        if (e != null && now - e.loadedAt() < ttlNanos) return Optional.of(e.record());
        Optional<ApiKeyRecord> found = store.findByHash(keyHash);
        if (found.isPresent()) {
            if (cache.size() >= maxEntries) cache.clear();
            cache.put(keyHash, new Entry(found.get(), now));
        } else if (e != null) {
            cache.remove(keyHash, e);
        }
        return found;
    }

    @Override
    public void save(ApiKeyRecord record) {
        store.save(record);
        cache.remove(record.keyHash());
    }

    /** Writes through; the cached copy takes the new {@code lastUsedAt}, so the caller sees its touch. */
    @Override
    public boolean touch(String keyHash, Instant usedAt) {
        boolean known = store.touch(keyHash, usedAt);
        cache.computeIfPresent(keyHash, (h, e) -> {
            ApiKeyRecord r = e.record();
            if (r.lastUsedAt() != null && !r.lastUsedAt().isBefore(usedAt)) return e;
            return new Entry(new ApiKeyRecord(r.keyHash(), r.merchantId(), r.plan(), r.mode(), r.active(), r.createdAt(),
                    usedAt), e.loadedAt());
        });
        return known;
    }

    @Override
    public boolean revoke(String keyHash) {
        boolean known = store.revoke(keyHash);
        cache.remove(keyHash);
        return known;
    }
}
