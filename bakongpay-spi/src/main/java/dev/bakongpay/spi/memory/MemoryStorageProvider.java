package dev.bakongpay.spi.memory;

import dev.bakongpay.spi.ProviderSettings;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.StorageProvider;
import java.time.Clock;

/** The {@code memory} storage adapter: the default, for one node and tests. */
public final class MemoryStorageProvider implements StorageProvider {

    /** Fresh, empty in-memory stores. */
    public static Storage create(Clock clock) {
        return new Storage(
                "memory",
                new MemoryTransactionStore(clock),
                new MemoryIdempotencyStore(),
                new MemoryApiKeyStore(),
                new MemoryWebhookDeliveryStore(clock),
                new MemoryAdminAuditStore(),
                () -> {});
    }

    @Override
    public String id() {
        return "memory";
    }

    @Override
    public boolean accepts(String url) {
        return url != null && url.startsWith("memory:");
    }

    @Override
    public Storage open(ProviderSettings settings) {
        return create(settings.clock());
    }
}
