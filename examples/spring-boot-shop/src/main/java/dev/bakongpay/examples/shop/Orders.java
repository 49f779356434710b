package dev.bakongpay.examples.shop;

import dev.bakongpay.core.payment.CreatePaymentRequest;
import dev.bakongpay.core.payment.CreatedPayment;
import dev.bakongpay.core.payment.Merchant;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.spi.PaymentEvent;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Plan;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The shop's orders (in memory, to keep the example short). An order gets a KHQR from the
 * starter's {@link PaymentService}; it is marked paid when BakongPay publishes the payment's
 * SUCCESS event, whoever noticed the payment first (the checkout page, this shop, the REST API).
 */
@Service
public class Orders {
    private static final Logger LOG = LoggerFactory.getLogger(Orders.class);

    private final PaymentService payments;
    private final ShopProperties shop;
    private final Merchant merchant;
    private final Map<String, Order> byId = new ConcurrentHashMap<>();

    public Orders(PaymentService payments, ShopProperties shop) {
        this.payments = payments;
        this.shop = shop;
        this.merchant = new Merchant("spring-boot-shop", Plan.PRO, shop.mode());
    }

    public Order place(String item, BigDecimal amount) {
        String id = UUID.randomUUID().toString();
        CreatedPayment payment = payments.create(
                merchant,
                CreatePaymentRequest.of(amount, "USD", shop.merchantName(), shop.bakongId())
                        .withDescription(item),
                "order-" + id); // a retried order never makes a second KHQR
        Order order = new Order(
                id,
                item,
                amount,
                payment.transaction().id().toString(),
                payment.transaction().md5(),
                payment.transaction().qrString(),
                payment.checkoutUrl(),
                null);
        byId.put(id, order);
        return order;
    }

    /** The order; an unpaid one is checked with Bakong first (a paid answer arrives as an event). */
    public Optional<Order> find(String id) {
        Order order = byId.get(id);
        if (order != null && !order.paid()) payments.checkMd5(merchant, order.md5());
        return Optional.ofNullable(byId.get(id));
    }

    /** BakongPay publishes every status change of a payment as a Spring event. */
    @EventListener
    public void onPayment(PaymentEvent event) {
        if (event.current() != PaymentStatus.SUCCESS) return;
        String transactionId = event.transaction().id().toString();
        byId.replaceAll((id, order) -> {
            if (!order.transactionId().equals(transactionId)) return order;
            LOG.info("order {} ({}) is paid", id, order.item());
            return order.paidAt(event.at());
        });
    }
}
