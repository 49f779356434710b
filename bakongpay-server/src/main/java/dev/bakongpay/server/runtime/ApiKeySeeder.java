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
                LOG.warn(
                        "BakongPay api key {} is in the configuration but was revoked; it stays revoked",
                        SeedKey.redact(key.key()));
                continue;
            }
            if (existing.isPresent() && !existing.get().usableAt(clock.instant())) {
                LOG.warn(
                        "BakongPay api key {} is in the configuration but expired (it was rotated); it stays expired",
                        SeedKey.redact(key.key()));
                continue;
            }
            // a stored key keeps its id, label, merchant and any end set by a rotation; its plan follows the
            // configuration
            ApiKeyRecord record = existing.map(r -> r.withPlan(key.plan()))
                    .orElseGet(() -> new ApiKeyRecord(
                            ApiKeyRecord.idFor(key.sha256()),
                            key.sha256(),
                            key.key().substring(0, dev.bakongpay.core.admin.ApiKeyAdmin.PREFIX_LENGTH),
                            "BAKONGPAY_API_KEYS",
                            key.merchantId(),
                            key.plan(),
                            key.mode(),
                            clock.instant(),
                            null,
                            null,
                            null));
            store.save(record);
            LOG.info(
                    "BakongPay api key seeded: id={} key={} mode={} plan={} merchant={}",
                    record.id(),
                    SeedKey.redact(key.key()),
                    key.mode(),
                    key.plan(),
                    record.merchantId());
        }
    }
}
