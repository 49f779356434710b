package dev.bakongpay.spring.boot;

import dev.bakongpay.spi.PaymentEvent;
import dev.bakongpay.spi.PaymentEventListener;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

/**
 * What the payment services tell of each status change, in Spring terms: the {@link PaymentEvent}
 * is published as an application event (for {@code @EventListener} methods) and handed to every
 * {@link PaymentEventListener} bean, in {@code @Order}. The beans are looked up at each event, so a
 * listener may itself depend on the payment services without a cycle.
 */
final class SpringPaymentEvents implements PaymentEventListener {
    private final ApplicationEventPublisher publisher;
    private final ObjectProvider<PaymentEventListener> listeners;

    SpringPaymentEvents(ApplicationEventPublisher publisher, ObjectProvider<PaymentEventListener> listeners) {
        this.publisher = publisher;
        this.listeners = listeners;
    }

    @Override
    public void onStatusChange(PaymentEvent event) {
        // one failing listener is logged and does not keep the others from hearing of the payment
        List<PaymentEventListener> all = new java.util.ArrayList<>();
        all.add(publisher::publishEvent);
        listeners.orderedStream().forEach(all::add);
        PaymentEventListener.composite(all).onStatusChange(event);
    }
}
