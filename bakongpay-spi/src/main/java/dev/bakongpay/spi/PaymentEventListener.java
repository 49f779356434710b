package dev.bakongpay.spi;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Told once per status change, by the caller that won the transition, after the store committed
 * it. Called on the caller's thread: hand slow work to an executor.
 */
@FunctionalInterface
public interface PaymentEventListener {

    void onStatusChange(PaymentEvent event);

    /** A listener that does nothing. */
    static PaymentEventListener noop() {
        return event -> {};
    }

    /**
     * Calls each listener in order. One listener's exception is logged and does not keep the
     * others from hearing the event: the payment has happened either way.
     */
    static PaymentEventListener composite(List<? extends PaymentEventListener> listeners) {
        List<PaymentEventListener> copy = List.copyOf(listeners);
        Logger log = LoggerFactory.getLogger(PaymentEventListener.class);
        return event -> {
            for (PaymentEventListener l : copy) {
                try {
                    l.onStatusChange(event);
                } catch (RuntimeException e) {
                    log.error(
                            "payment event listener {} failed for transaction {} ({} -> {})",
                            l,
                            event.transaction().id(),
                            event.previous(),
                            event.current(),
                            e);
                }
            }
        };
    }
}
