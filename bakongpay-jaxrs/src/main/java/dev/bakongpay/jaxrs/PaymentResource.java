package dev.bakongpay.jaxrs;

import dev.bakongpay.core.payment.CreatePaymentRequest;
import dev.bakongpay.core.payment.CreatedPayment;
import dev.bakongpay.core.payment.LookupType;
import dev.bakongpay.core.payment.Merchant;
import dev.bakongpay.core.payment.PaymentCheck;
import dev.bakongpay.core.payment.PaymentException;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.core.payment.view.BulkView;
import dev.bakongpay.core.payment.view.CheckView;
import dev.bakongpay.core.payment.view.CreatedView;
import dev.bakongpay.core.payment.view.TransactionView;
import dev.bakongpay.jaxrs.internal.Bodies;
import dev.bakongpay.jaxrs.internal.FinalAnswers;
import dev.bakongpay.jaxrs.internal.Json;
import dev.bakongpay.jaxrs.internal.MerchantSecurityContext;
import dev.bakongpay.spi.Transaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * {@code /khqr/create}, {@code /check/md5}, {@code /check/bulk} and {@code /check/transaction}.
 * Thin: translate JSON to core calls and back (answers are core's views, {@code core.payment.view});
 * every rule lives in {@code PaymentService}.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {
    private final BakongPayRuntime runtime;
    /** As many as core's final-status cache holds by default: the answers of the payments still polled. */
    private final FinalAnswers finalAnswers = new FinalAnswers(PaymentService.DEFAULT_FINAL_STATUS_CACHE_SIZE);

    public PaymentResource(BakongPayRuntime runtime) {
        this.runtime = runtime;
    }

    /** The body binds to core's request directly (field by field, by name), read with the API's bounded reader. */
    @POST
    @Path("khqr/create")
    public Response create(
            CreatePaymentRequest body,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context SecurityContext security) {
        Merchant merchant = MerchantSecurityContext.merchantOf(security);
        CreatePaymentRequest request = body != null ? body : CreatePaymentRequest.of(null, null, null, null);
        CreatedPayment p = runtime.payments().create(merchant, request, idempotencyKey);
        Response.ResponseBuilder r =
                Response.ok(Json.success(CreatedView.of(p, runtime.qrImages().pngDataUrl(p.qrString()))));
        if (p.replayed()) r.header("Idempotent-Replayed", "true");
        return r.build();
    }

    /**
     * {@code Json.Success}, or for a finished payment the same answer already serialized ({@code byte[]},
     * written as it is by the runtime's own byte-array writer).
     */
    @POST
    @Path("check/md5")
    public Object checkMd5(Bodies.Md5 body, @Context SecurityContext security) {
        Merchant merchant = MerchantSecurityContext.merchantOf(security);
        PaymentCheck c = runtime.payments().checkMd5(merchant, body == null ? null : body.md5());
        byte[] finished = finalAnswers.of(c);
        return finished != null ? finished : Json.success(CheckView.of(c));
    }

    @POST
    @Path("check/bulk")
    public Json.Success checkBulk(Bodies.Bulk body, @Context SecurityContext security) {
        Merchant merchant = MerchantSecurityContext.merchantOf(security);
        return Json.success(BulkView.of(runtime.payments().checkBulk(merchant, body == null ? null : body.md5s())));
    }

    @POST
    @Path("check/transaction")
    public Json.Success lookup(Bodies.Lookup body, @Context SecurityContext security) {
        Merchant merchant = MerchantSecurityContext.merchantOf(security);
        Bodies.Lookup b = body != null ? body : new Bodies.Lookup(null, null);
        LookupType type = null;
        if (b.type() != null && !b.type().isBlank()) {
            type = LookupType.fromWireName(b.type().strip())
                    .orElseThrow(() -> new PaymentException.Invalid(List.of(new dev.bakongpay.core.payment.FieldError(
                            "type", "invalid_value", "must be transactionId, md5 or hash"))));
        }
        Transaction t = runtime.payments().lookup(merchant, b.query(), type);
        return Json.success(TransactionView.of(t, runtime.payments().checkoutUrl(t)));
    }
}
