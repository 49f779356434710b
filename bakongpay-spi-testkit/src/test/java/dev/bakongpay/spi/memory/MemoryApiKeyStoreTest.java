package dev.bakongpay.spi.memory;

import dev.bakongpay.spi.ApiKeyStore;
import dev.bakongpay.spi.testkit.ApiKeyStoreContract;
import dev.bakongpay.testsupport.MutableClock;
import org.junit.jupiter.api.DisplayName;

@DisplayName("In-memory API-key store")
class MemoryApiKeyStoreTest extends ApiKeyStoreContract {
    @Override
    protected ApiKeyStore createStore(MutableClock clock) {
        return new MemoryApiKeyStore();
    }
}
