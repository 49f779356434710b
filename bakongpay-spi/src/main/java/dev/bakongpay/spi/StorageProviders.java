package dev.bakongpay.spi;

import dev.bakongpay.spi.memory.MemoryRateLimiterProvider;
import dev.bakongpay.spi.memory.MemoryStorageProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks a storage or rate-limiter adapter. Explicit wiring (calling an adapter's factory with the
 * host's {@code DataSource} or Redis client) needs none of this; this class serves configuration:
 * <ol>
 *   <li>an adapter id given ({@code BAKONGPAY_STORAGE=jdbc}) picks that adapter, and fails with
 *       the list of available ids when it is not on the classpath;</li>
 *   <li>otherwise a URL picks the adapter that accepts it ({@code jdbc:…}, {@code redis://…});</li>
 *   <li>otherwise the in-memory adapter, which holds nothing across restarts or nodes.</li>
 * </ol>
 * Factories are found with {@link ServiceLoader}; one that fails to load is logged and skipped,
 * never fatal for the others. The choice and its reason are logged at INFO.
 */
public final class StorageProviders {
    private static final Logger LOG = LoggerFactory.getLogger(StorageProviders.class);
    public static final String MEMORY = "memory";

    private StorageProviders() {}

    /** Opens storage by id (nullable) or URL, else in memory. */
    public static Storage openStorage(String id, ProviderSettings settings) {
        return openStorage(id, settings, Thread.currentThread().getContextClassLoader());
    }

    public static Storage openStorage(String id, ProviderSettings settings, ClassLoader loader) {
        List<StorageProvider> found = load(StorageProvider.class, loader, new MemoryStorageProvider());
        StorageProvider p = choose("storage", id, settings, found, StorageProvider::id, StorageProvider::accepts);
        return p.open(settings);
    }

    /** Opens a rate limiter by id (nullable) or URL, else in memory. */
    public static RateLimiter openRateLimiter(String id, ProviderSettings settings) {
        return openRateLimiter(id, settings, Thread.currentThread().getContextClassLoader());
    }

    public static RateLimiter openRateLimiter(String id, ProviderSettings settings, ClassLoader loader) {
        List<RateLimiterProvider> found = load(RateLimiterProvider.class, loader, new MemoryRateLimiterProvider());
        RateLimiterProvider p =
                choose("rate limiter", id, settings, found, RateLimiterProvider::id, RateLimiterProvider::accepts);
        return p.open(settings);
    }

    /** Ids of the storage adapters on the classpath. */
    public static List<String> storageIds(ClassLoader loader) {
        return load(StorageProvider.class, loader, new MemoryStorageProvider()).stream()
                .map(StorageProvider::id)
                .toList();
    }

    /** Ids of the rate-limiter adapters on the classpath. */
    public static List<String> rateLimiterIds(ClassLoader loader) {
        return load(RateLimiterProvider.class, loader, new MemoryRateLimiterProvider()).stream()
                .map(RateLimiterProvider::id)
                .toList();
    }

    private interface Accepts<P> {
        boolean test(P provider, String url);
    }

    private static <P> P choose(
            String kind,
            String id,
            ProviderSettings settings,
            List<P> found,
            Function<P, String> idOf,
            Accepts<P> accepts) {
        List<String> ids = found.stream().map(idOf).toList();
        if (id != null && !id.isBlank()) {
            String wanted = id.strip();
            for (P p : found) {
                if (idOf.apply(p).equalsIgnoreCase(wanted)) {
                    LOG.info(
                            "BakongPay {}: using adapter '{}' because configuration asks for it (url {}; available: {})",
                            kind,
                            idOf.apply(p),
                            settings.redactedUrl(),
                            ids);
                    return p;
                }
            }
            throw new StoreException("BakongPay " + kind + " adapter was '" + wanted
                    + "' but it is not on the classpath; available: " + ids);
        }
        if (settings.url() != null) {
            List<P> accepting = found.stream()
                    .filter(p -> safeAccepts(accepts, p, settings.url()))
                    .toList();
            if (accepting.size() > 1) {
                LOG.warn(
                        "BakongPay {}: several adapters accept url {}: {}; taking the first",
                        kind,
                        settings.redactedUrl(),
                        accepting.stream().map(idOf).toList());
            }
            if (!accepting.isEmpty()) {
                P p = accepting.get(0);
                LOG.info(
                        "BakongPay {}: using adapter '{}' because it serves url {} (available: {})",
                        kind,
                        idOf.apply(p),
                        settings.redactedUrl(),
                        ids);
                return p;
            }
            throw new StoreException("BakongPay " + kind + " url was '" + settings.redactedUrl()
                    + "' but no adapter on the classpath serves it; available: " + ids);
        }
        P memory = found.stream()
                .filter(p -> MEMORY.equals(idOf.apply(p)))
                .findFirst()
                .orElseThrow();
        LOG.info(
                "BakongPay {}: using adapter 'memory' because no adapter or url is configured; "
                        + "it keeps nothing across restarts and is not shared between nodes (available: {})",
                kind,
                ids);
        return memory;
    }

    private static <P> boolean safeAccepts(Accepts<P> accepts, P p, String url) {
        try {
            return accepts.test(p, url);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("BakongPay adapter {} failed to answer whether it serves a url; skipping it", p, e);
            return false;
        }
    }

    /** Every provider that loads; each one's load error is logged and skipped. The built-in memory one is always there. */
    static <P> List<P> load(Class<P> type, ClassLoader loader, P builtInMemory) {
        List<P> result = new ArrayList<>();
        Iterator<P> it = ServiceLoader.load(type, loader).iterator();
        for (int attempts = 0; attempts < 100; attempts++) { // bounded: a broken entry may keep failing
            try {
                if (!it.hasNext()) break;
                P p = it.next();
                if (result.stream().noneMatch(q -> q.getClass().equals(p.getClass()))) result.add(p);
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.warn(
                        "BakongPay: an adapter factory of type {} failed to load and is skipped: {}",
                        type.getSimpleName(),
                        e.toString());
            }
        }
        if (result.stream().noneMatch(p -> p.getClass().equals(builtInMemory.getClass()))) result.add(builtInMemory);
        return result;
    }
}
