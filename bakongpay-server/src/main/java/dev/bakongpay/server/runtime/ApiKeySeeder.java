package dev.bakongpay.server.runtime;

import dev.bakongpay.server.config.SeedKey;
import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.ApiKeyStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stores the configured API keys (their SHA-256 only), on every start, so restarts are harmless. */
final class ApiKeySeeder {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeySeeder.class);

    private ApiKeySeeder() {}

    static void seed(ApiKeyStore store, List<SeedKey> keys, Clock clock) {
        for (SeedKey key : keys) {
            Optional<ApiKeyRecord> existing = store.findByHash(key.sha256());
            if (existing.isPresent() && !existing.get().active()) {
                // a revoked key stays revoked: configuration must not silently bring a leaked key back
                LOG.warn("BakongPay api key {} is in the configuration but was revoked; it stays revoked", SeedKey.redact(key.key()));
                continue;
            }
            ApiKeyRecord record = existing
                    .map(r -> new ApiKeyRecord(r.keyHash(), r.merchantId(), key.plan(), key.mode(), true, r.createdAt(), r.lastUsedAt()))
                    .orElseGet(() -> new ApiKeyRecord(key.sha256(), key.merchantId(), key.plan(), key.mode(), true, clock.instant(), null));
            store.save(record);
            LOG.info("BakongPay api key seeded: key={} mode={} plan={} merchant={}",
                    SeedKey.redact(key.key()), key.mode(), key.plan(), record.merchantId());
        }
    }
}
