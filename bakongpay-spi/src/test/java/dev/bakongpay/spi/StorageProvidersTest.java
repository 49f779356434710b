package dev.bakongpay.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.spi.memory.MemoryRateLimiter;
import dev.bakongpay.spi.memory.MemoryTransactionStore;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Choosing adapters")
class StorageProvidersTest {
    private final ClassLoader loader = getClass().getClassLoader();

    @Nested
    @DisplayName("Storage")
    class StorageChoice {
        @Test
        @DisplayName("with nothing configured, the in-memory stores are chosen")
        void defaultsToMemory() {
            Storage s =
                    StorageProviders.openStorage(null, new ProviderSettings(null, Map.of(), Clock.systemUTC()), loader);
            assertThat(s.adapterId()).isEqualTo("memory");
            assertThat(s.transactions()).isInstanceOf(MemoryTransactionStore.class);
        }

        @Test
        @DisplayName("an id picks that adapter, ignoring case")
        void byId() {
            assertThat(StorageProviders.openStorage(" Memory ", ProviderSettings.of(null), loader)
                            .adapterId())
                    .isEqualTo("memory");
        }

        @Test
        @DisplayName("an id that is not on the classpath fails and lists what is")
        void unknownId() {
            assertThatThrownBy(() -> StorageProviders.openStorage("jdbc", ProviderSettings.of(null), loader))
                    .isInstanceOf(StoreException.class)
                    .hasMessage(
                            "BakongPay storage adapter was 'jdbc' but it is not on the classpath; available: [memory]");
        }

        @Test
        @DisplayName("a url no adapter serves fails rather than silently falling back to memory")
        void unservedUrl() {
            assertThatThrownBy(() -> StorageProviders.openStorage(
                            null, ProviderSettings.of("jdbc:postgresql://db/x?password=secret"), loader))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("no adapter on the classpath serves it")
                    .hasMessageNotContaining("secret");
        }
    }

    @Nested
    @DisplayName("Rate limiter")
    class LimiterChoice {
        @Test
        @DisplayName("with nothing configured, the in-memory limiter is chosen")
        void defaultsToMemory() {
            assertThat(StorageProviders.openRateLimiter(null, ProviderSettings.of(""), loader))
                    .isInstanceOf(MemoryRateLimiter.class);
        }
    }

    @Nested
    @DisplayName("Discovery")
    class Discovery {
        @TempDir
        Path dir;

        @Test
        @DisplayName("a factory that fails to load is skipped; the others still load")
        void brokenFactorySkipped() throws IOException {
            Path services = Files.createDirectories(dir.resolve("META-INF/services"));
            Files.writeString(
                    services.resolve(StorageProvider.class.getName()),
                    "com.example.Missing\n" + ExplodingProvider.class.getName() + "\n");
            try (URLClassLoader broken =
                    new URLClassLoader(new URL[] {dir.toUri().toURL()}, loader)) {
                assertThat(StorageProviders.storageIds(broken)).containsExactly("memory");
                assertThat(StorageProviders.openStorage(null, ProviderSettings.of(null), broken)
                                .adapterId())
                        .isEqualTo("memory");
            }
        }

        @Test
        @DisplayName("passwords never reach the logs")
        void redacted() {
            assertThat(ProviderSettings.of("redis://user:s3cret@host:6379/0").redactedUrl())
                    .isEqualTo("redis://user:***@host:6379/0");
            assertThat(ProviderSettings.of("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true")
                            .redactedUrl())
                    .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        }
    }

    /** A factory whose constructor throws, as a misconfigured adapter might. */
    public static final class ExplodingProvider implements StorageProvider {
        public ExplodingProvider() {
            throw new IllegalStateException("boom");
        }

        @Override
        public String id() {
            return "exploding";
        }

        @Override
        public Storage open(ProviderSettings settings) {
            throw new UnsupportedOperationException();
        }
    }
}
