package dev.bakongpay.spi;

import java.util.Objects;

/**
 * The stores one adapter opened, and what to close when the host shuts down. Closing never
 * closes what the host supplied (its {@code DataSource}), only what the adapter created.
 *
 * @param adapterId    the adapter's id ({@code memory}, {@code jdbc})
 * @param transactions the transaction store
 * @param idempotency  the idempotency-key store
 * @param apiKeys      the API-key store
 * @param webhooks     the webhook outbox; adapters that predate it get an in-memory one (see the
 *                     five-argument constructor), which keeps nothing across restarts
 * @param audit        the audit trail of operators' changes; adapters that predate it get an in-memory one
 * @param resources    closes what the adapter opened (a pool); may do nothing
 */
public record Storage(
        String adapterId,
        TransactionStore transactions,
        IdempotencyStore idempotency,
        ApiKeyStore apiKeys,
        WebhookDeliveryStore webhooks,
        AdminAuditStore audit,
        AutoCloseable resources)
        implements AutoCloseable {

    public Storage {
        Objects.requireNonNull(adapterId, "adapterId");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(idempotency, "idempotency");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(audit, "audit");
        resources = resources == null ? () -> {} : resources;
    }

    /** Stores of an adapter without a durable audit trail: audit entries are kept in memory. */
    public Storage(
            String adapterId,
            TransactionStore transactions,
            IdempotencyStore idempotency,
            ApiKeyStore apiKeys,
            WebhookDeliveryStore webhooks,
            AutoCloseable resources) {
        this(
                adapterId,
                transactions,
                idempotency,
                apiKeys,
                webhooks,
                new dev.bakongpay.spi.memory.MemoryAdminAuditStore(),
                resources);
    }

    /** Stores of an adapter without a durable webhook outbox: webhook deliveries are kept in memory. */
    public Storage(
            String adapterId,
            TransactionStore transactions,
            IdempotencyStore idempotency,
            ApiKeyStore apiKeys,
            AutoCloseable resources) {
        this(
                adapterId,
                transactions,
                idempotency,
                apiKeys,
                new dev.bakongpay.spi.memory.MemoryWebhookDeliveryStore(java.time.Clock.systemUTC()),
                resources);
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new StoreException("closing the " + adapterId + " storage failed: " + e.getMessage(), e);
        }
    }
}
