package dev.bakongpay.jaxrs;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.ApiKeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link ApiKeyStore} that remembers found keys for a short time, so that authenticating a
 * request does not read the store every time (one read per key per {@code ttl} instead of one per
 * request). Keys are cached by their hash only; unknown hashes are never cached, so a new key
 * works at once.
 *
 * <p>Staleness is bounded by the TTL and is the same on every node: a key revoked, expired or moved
 * to another plan through this object stops working (or takes its new plan) at once on this node,
 * and on other nodes, which share the store but not this cache, within {@code ttl} of being read.
 * A change made straight in the store (the {@code keys} command line, the admin API, another
 * node) is seen by every node within {@code ttl}. An expiry already cached is judged against the
 * clock on every request, so a rotated-out key stops at its {@code expiresAt} exactly once the
 * node has read the expiry.
 * A touch ({@code lastUsedAt}) updates the cached copy but does not extend its life. Writes go to
 * the store first, then drop the cached entry.
 *
 * <p>At most {@value #DEFAULT_MAX_ENTRIES} keys are held; past that the least useful are evicted
 * one at a time (a shop has few keys; this only bounds memory). Time is the given {@link Clock}'s.
 */
public final class CachingApiKeyStore implements ApiKeyStore {
    /** How long a found key is trusted without asking the store again. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);

    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final ApiKeyStore store;
    private final Cache<String, Entry> cache;
    private final Ticker ticker;

    /** A key as read from the store at {@code readAt} (ticker nanoseconds); a touch keeps {@code readAt}. */
    private record Entry(ApiKeyRecord record, long readAt) {}

    private CachingApiKeyStore(ApiKeyStore store, Duration ttl, int maxEntries, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        long ttlNanos = ttl.toNanos();
        Ticker ticker = clock.equals(Clock.systemUTC())
                ? Ticker.systemTicker()
                : () -> {
                    Instant now = clock.instant();
                    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
                };
        this.cache = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .ticker(ticker)
                .executor(Runnable::run)
                .recordStats() // a few adds per lookup, read only when bound to a registry (bindMetrics)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry e, long now) {
                        return Math.max(0, ttlNanos - (now - e.readAt()));
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry e, long now, long currentDuration) {
                        return expireAfterCreate(key, e, now);
                    }

                    @Override
                    public long expireAfterRead(String key, Entry e, long now, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
        this.ticker = ticker;
    }

    /** Publishes the cache's hits, misses and size as cache {@code api.keys}. */
    void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics.monitor(registry, cache, "api.keys");
    }

    /**
     * {@code store} behind a cache of {@code ttl}; {@code store} itself when {@code ttl} is zero or
     * it is already a cache.
     */
    public static ApiKeyStore wrap(ApiKeyStore store, Duration ttl) {
        return wrap(store, ttl, Clock.systemUTC());
    }

    /** As {@link #wrap(ApiKeyStore, Duration)}, with time from {@code clock}. */
    public static ApiKeyStore wrap(ApiKeyStore store, Duration ttl, Clock clock) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative()) throw new IllegalArgumentException("the API key cache TTL must not be negative");
        if (ttl.isZero() || store instanceof CachingApiKeyStore) return store;
        return new CachingApiKeyStore(store, ttl, DEFAULT_MAX_ENTRIES, clock);
    }

    /** The store behind the cache. */
    public ApiKeyStore store() {
        return store;
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String keyHash) {
        Entry e = cache.getIfPresent(keyHash);
        if (e != null) return Optional.of(e.record());
        long readAt = ticker.read();
        Optional<ApiKeyRecord> found = store.findByHash(keyHash);
        if (found.isPresent()) {
            cache.put(keyHash, new Entry(found.get(), readAt));
        } else {
            cache.invalidate(keyHash);
        }
        return found;
    }

    @Override
    public void save(ApiKeyRecord record) {
        store.save(record);
        cache.invalidate(record.keyHash());
    }

    /** Writes through; the cached copy takes the new {@code lastUsedAt}, so the caller sees its touch. */
    @Override
    public boolean touch(String keyHash, Instant usedAt) {
        boolean known = store.touch(keyHash, usedAt);
        cache.asMap().computeIfPresent(keyHash, (h, e) -> {
            ApiKeyRecord r = e.record();
            if (r.lastUsedAt() != null && !r.lastUsedAt().isBefore(usedAt)) return e;
            return new Entry(r.withLastUsedAt(usedAt), e.readAt());
        });
        return known;
    }

    @Override
    public boolean revoke(String keyHash) {
        boolean known = store.revoke(keyHash);
        cache.invalidate(keyHash);
        return known;
    }

    /** From the store, never cached: operators read what is stored. */
    @Override
    public Optional<ApiKeyRecord> findById(String id) {
        return store.findById(id);
    }

    /** From the store, never cached. */
    @Override
    public java.util.List<ApiKeyRecord> list(int limit) {
        return store.list(limit);
    }

    @Override
    public Optional<ApiKeyRecord> revokeById(String id, Instant at) {
        return dropCached(store.revokeById(id, at));
    }

    @Override
    public Optional<ApiKeyRecord> expire(String id, Instant expiresAt) {
        return dropCached(store.expire(id, expiresAt));
    }

    @Override
    public Optional<ApiKeyRecord> changePlan(String id, dev.bakongpay.spi.Plan plan) {
        return dropCached(store.changePlan(id, plan));
    }

    private Optional<ApiKeyRecord> dropCached(Optional<ApiKeyRecord> changed) {
        changed.ifPresent(r -> cache.invalidate(r.keyHash()));
        return changed;
    }
}
