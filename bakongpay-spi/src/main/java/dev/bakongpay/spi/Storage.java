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
 * @param resources    closes what the adapter opened (a pool); may do nothing
 */
public record Storage(
        String adapterId,
        TransactionStore transactions,
        IdempotencyStore idempotency,
        ApiKeyStore apiKeys,
        AutoCloseable resources) implements AutoCloseable {

    public Storage {
        Objects.requireNonNull(adapterId, "adapterId");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(idempotency, "idempotency");
        Objects.requireNonNull(apiKeys, "apiKeys");
        resources = resources == null ? () -> { } : resources;
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
