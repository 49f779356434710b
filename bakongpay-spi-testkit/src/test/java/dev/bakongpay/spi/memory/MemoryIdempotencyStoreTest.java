package dev.bakongpay.spi.memory;

import dev.bakongpay.spi.IdempotencyStore;
import dev.bakongpay.spi.testkit.IdempotencyStoreContract;
import dev.bakongpay.testsupport.MutableClock;
import org.junit.jupiter.api.DisplayName;

@DisplayName("In-memory idempotency store")
class MemoryIdempotencyStoreTest extends IdempotencyStoreContract {
    @Override
    protected IdempotencyStore createStore(MutableClock clock) {
        return new MemoryIdempotencyStore();
    }
}
