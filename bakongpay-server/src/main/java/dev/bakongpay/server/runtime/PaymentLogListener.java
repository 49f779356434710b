package dev.bakongpay.server.runtime;

import dev.bakongpay.spi.PaymentEvent;
import dev.bakongpay.spi.PaymentEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One INFO line per status change, on the node that made it: {@code payment <id> PENDING -> SUCCESS}. */
final class PaymentLogListener implements PaymentEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentLogListener.class);

    @Override
    public void onStatusChange(PaymentEvent event) {
        LOG.info("payment {} {} -> {}", event.transaction().id(), event.previous(), event.current());
    }

    @Override
    public String toString() {
        return "PaymentLogListener";
    }
}
