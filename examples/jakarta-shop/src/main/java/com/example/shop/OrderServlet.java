package com.example.shop;

import dev.bakongpay.core.payment.CreatePaymentRequest;
import dev.bakongpay.core.payment.CreatedPayment;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.spi.PaymentStatus;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shop's order page: {@code GET /} shows the menu and the orders, {@code POST /orders} places an
 * order, creates its KHQR and sends the shopper to BakongPay's checkout page.
 */
public final class OrderServlet extends HttpServlet {

    private static final Map<String, BigDecimal> MENU = new TreeMap<>(Map.of(
            "Iced coffee", new BigDecimal("1.50"),
            "Green tea", new BigDecimal("1.00")));

    private Orders orders;
    private PaymentService payments;

    @Override
    public void init() {
        orders = (Orders) getServletContext().getAttribute(Orders.class.getName());
        payments = (PaymentService) getServletContext().getAttribute(PaymentService.class.getName());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter page = response.getWriter();
        page.println("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Coffee Corner</title></head><body><h1>Coffee Corner</h1>");
        page.println("<form method=\"post\" action=\"" + request.getContextPath() + "/orders\">");
        MENU.forEach((item, price) ->
                page.println("<button name=\"item\" value=\"" + item + "\">" + item + " " + price + " USD</button>"));
        page.println("</form><h2>Orders</h2><ul>");
        for (Orders.Order order : orders.newestFirst()) {
            page.println("<li id=\"order-" + order.number() + "\">Order #" + order.number() + ": " + order.item()
                    + ", " + order.price() + " USD, " + (order.status() == PaymentStatus.SUCCESS ? "paid" : "not paid")
                    + " <a href=\"" + request.getContextPath() + "/pay/" + order.transactionId()
                    + "\">checkout</a></li>");
        }
        page.println("</ul></body></html>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String item = request.getParameter("item");
        BigDecimal price = item == null ? null : MENU.get(item);
        if (price == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Choose an item from the menu");
            return;
        }
        int number = orders.nextNumber();
        CreatedPayment payment = payments.create(
                ShopSetup.MERCHANT,
                CreatePaymentRequest.of(price, "USD", "Coffee Corner", "coffee@aclb")
                        .withDescription("Order #" + number),
                "order-" + number); // a retried order never pays twice
        orders.placed(number, item, price, payment.transaction().id());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", payment.checkoutUrl().toString());
    }
}
