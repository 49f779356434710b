package dev.bakongpay.spi.memory;

import dev.bakongpay.spi.WebhookDeliveryStore;
import dev.bakongpay.spi.testkit.WebhookDeliveryStoreContract;
import dev.bakongpay.testsupport.MutableClock;
import org.junit.jupiter.api.DisplayName;

@DisplayName("In-memory webhook delivery store")
class MemoryWebhookDeliveryStoreTest extends WebhookDeliveryStoreContract {
    @Override
    protected WebhookDeliveryStore createStore(MutableClock clock) {
        return new MemoryWebhookDeliveryStore(clock);
    }
}
