package dev.bakongpay.jaxrs.admin;

import dev.bakongpay.jaxrs.internal.ApiException;
import dev.bakongpay.jaxrs.internal.Json;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.TransactionSearch;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /admin/v1/payments}: every merchant's payments by md5, transaction id, status and
 * merchant, newest first, a page at a time; {@code GET /admin/v1/payments/{transactionId}}: one
 * payment with its upstream block and its webhook deliveries.
 */
@Path("payments")
@Produces(MediaType.APPLICATION_JSON)
public class AdminPaymentsResource {
    static final int DEFAULT_LIMIT = 50;
    private final AdminRuntime runtime;

    public AdminPaymentsResource(AdminRuntime runtime) {
        this.runtime = runtime;
    }

    /** A page: {@code {"payments": [...], "next": cursor}}; {@code next} is absent on the last page. */
    public record Page(List<AdminPaymentView> payments, String next) {}

    /** One payment: {@code {"payment": {...}, "webhooks": [...]}}. */
    public record Detail(AdminPaymentView payment, List<AdminWebhookView> webhooks) {}

    @GET
    public Page search(
            @QueryParam("md5") String md5,
            @QueryParam("transactionId") String transactionId,
            @QueryParam("status") String status,
            @QueryParam("merchantId") String merchantId,
            @QueryParam("limit") String limit,
            @QueryParam("before") String before) {
        AdminParams p = new AdminParams();
        TransactionSearch search = new TransactionSearch(
                p.md5("md5", md5),
                p.uuid("transactionId", transactionId),
                p.oneOf("status", status, PaymentStatus.class),
                p.text("merchantId", merchantId, 128),
                p.before("before", before),
                p.number("limit", limit, 1, TransactionSearch.MAX_LIMIT, DEFAULT_LIMIT));
        p.check();
        List<Transaction> rows = runtime.storage().transactions().search(search);
        String next = rows.size() < search.limit()
                ? null
                : AdminParams.cursor(TransactionSearch.Position.of(rows.get(rows.size() - 1)));
        return new Page(rows.stream().map(AdminPaymentView::summary).toList(), next);
    }

    @GET
    @Path("{transactionId}")
    public Detail one(@PathParam("transactionId") String transactionId) {
        UUID id = AdminParams.parseUuid(transactionId.strip());
        if (id == null) {
            throw new ApiException(
                    422,
                    "validation_failed",
                    "transactionId: must be a transaction id (a UUID)",
                    List.of(Json.detail("transactionId", "invalid_id", "must be a transaction id (a UUID)")),
                    Map.of());
        }
        Transaction t = runtime.storage()
                .transactions()
                .findAnyById(id)
                .orElseThrow(() -> new ApiException(404, "not_found", "No payment has the transaction id " + id));
        var now = runtime.clock().instant();
        return new Detail(
                AdminPaymentView.detail(t),
                runtime.storage().webhooks().findByTransaction(id).stream()
                        .map(d -> AdminWebhookView.of(d, now))
                        .toList());
    }
}
