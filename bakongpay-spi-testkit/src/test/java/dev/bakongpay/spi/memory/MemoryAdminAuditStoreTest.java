package dev.bakongpay.spi.memory;

import dev.bakongpay.spi.AdminAuditStore;
import dev.bakongpay.spi.testkit.AdminAuditStoreContract;
import dev.bakongpay.testsupport.MutableClock;
import org.junit.jupiter.api.DisplayName;

@DisplayName("In-memory admin audit store")
class MemoryAdminAuditStoreTest extends AdminAuditStoreContract {
    @Override
    protected AdminAuditStore createStore(MutableClock clock) {
        return new MemoryAdminAuditStore();
    }
}
