package com.example.shop;

import dev.bakongpay.spi.PaymentEvent;
import dev.bakongpay.spi.PaymentStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The shop's own orders; BakongPay tells it when one is paid through its payment listener. */
final class Orders {

    record Order(int number, String item, BigDecimal price, UUID transactionId, PaymentStatus status) {}

    private final AtomicInteger numbers = new AtomicInteger(1000);
    private final Map<UUID, Order> byTransaction = new ConcurrentHashMap<>();

    int nextNumber() {
        return numbers.incrementAndGet();
    }

    void placed(int number, String item, BigDecimal price, UUID transactionId) {
        byTransaction.put(transactionId, new Order(number, item, price, transactionId, PaymentStatus.PENDING));
    }

    /** Called once per status change of a payment (PENDING to SUCCESS, FAILED or EXPIRED). */
    void paymentChanged(PaymentEvent event) {
        byTransaction.computeIfPresent(
                event.transaction().id(),
                (id, order) -> new Order(order.number(), order.item(), order.price(), id, event.current()));
    }

    List<Order> newestFirst() {
        return byTransaction.values().stream()
                .sorted((a, b) -> Integer.compare(b.number(), a.number()))
                .toList();
    }
}
