package dev.bakongpay.spi.memory;

import dev.bakongpay.spi.TransactionStore;
import dev.bakongpay.spi.testkit.TransactionStoreContract;
import dev.bakongpay.testsupport.MutableClock;
import org.junit.jupiter.api.DisplayName;

@DisplayName("In-memory transaction store")
class MemoryTransactionStoreTest extends TransactionStoreContract {
    @Override
    protected TransactionStore createStore(MutableClock clock) {
        return new MemoryTransactionStore(clock);
    }
}
