package dev.bakongpay.spi;

/**
 * A factory of {@link Storage}, found by {@link java.util.ServiceLoader} under
 * {@code META-INF/services/dev.bakongpay.spi.StorageProvider} and picked by its {@link #id()}.
 * Hosts that wire explicitly call the adapter's own factory instead.
 */
public interface StorageProvider {

    /** The name configuration picks it by: {@code memory}, {@code jdbc}, … */
    String id();

    /** Whether this adapter serves {@code url} when no id is configured (jdbc: {@code jdbc:…}). */
    default boolean accepts(String url) {
        return false;
    }

    /** Opens the stores; throws {@link StoreException} if they cannot be reached or set up. */
    Storage open(ProviderSettings settings);
}
