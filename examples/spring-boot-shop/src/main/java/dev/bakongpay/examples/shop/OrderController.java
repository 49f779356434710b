package dev.bakongpay.examples.shop;

import java.math.BigDecimal;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /orders} places an order and answers its KHQR and checkout link; {@code GET /orders/{id}} tells if it is paid. */
@RestController
@RequestMapping("/orders")
public class OrderController {
    private final Orders orders;

    public OrderController(Orders orders) {
        this.orders = orders;
    }

    public record NewOrder(String item, BigDecimal amount) {}

    @PostMapping
    public ResponseEntity<Order> place(@RequestBody NewOrder request) {
        Order order = orders.place(request.item(), request.amount());
        return ResponseEntity.created(URI.create("/orders/" + order.id())).body(order);
    }

    @GetMapping("/{id}")
    public ResponseEntity<Order> get(@PathVariable String id) {
        return ResponseEntity.of(orders.find(id));
    }
}
