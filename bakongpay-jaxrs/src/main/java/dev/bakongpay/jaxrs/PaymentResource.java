package dev.bakongpay.jaxrs;

import dev.bakongpay.core.payment.CreatePaymentRequest;
import dev.bakongpay.core.payment.CreatedPayment;
import dev.bakongpay.core.payment.LookupType;
import dev.bakongpay.core.payment.Merchant;
import dev.bakongpay.core.payment.PaymentCheck;
import dev.bakongpay.core.payment.PaymentException;
import dev.bakongpay.jaxrs.internal.Bodies;
import dev.bakongpay.jaxrs.internal.Json;
import dev.bakongpay.jaxrs.internal.MerchantSecurityContext;
import dev.bakongpay.jaxrs.internal.Views;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /khqr/create}, {@code /check/md5}, {@code /check/bulk} and {@code /check/transaction}.
 * Thin: translate JSON to core calls and back; every rule lives in {@code PaymentService}.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {
    private final BakongPayRuntime runtime;

    public PaymentResource(BakongPayRuntime runtime) {
        this.runtime = runtime;
    }

    @POST
    @Path("khqr/create")
    public Response create(Bodies.Create body, @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Context SecurityContext security) {
        Merchant merchant = MerchantSecurityContext.merchantOf(security);
        Bodies.Create b = body != null ? body
                : new Bodies.Create(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        CreatedPayment p = runtime.payments().create(merchant, new CreatePaymentRequest(b.amount(), b.currency(),
                b.merchantName(), b.bakongId(), b.description(), b.expiresInSeconds(), b.merchantCity(), b.merchantId(),
                b.acquiringBank(), b.storeLabel(), b.terminalLabel(), b.merchantNameKhmer(), b.mobileNumber(),
                b.returnUrl()), idempotencyKey);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transactionId", p.transaction().id().toString());
        data.put("qrString", p.qrString());
        data.put("qrImage", runtime.qrImages().pngDataUrl(p.qrString()));
        data.put("md5", p.md5());
        data.put("deepLink", p.deepLink());
        data.put("checkoutUrl", p.checkoutUrl().toString());
        data.put("expiresAt", Views.instant(p.expiresAt()));
        Response.ResponseBuilder r = Response.ok(Json.success(data));
        if (p.replayed()) r.header("Idempotent-Replayed", "true");
        return r.build();
    }

    @POST
    @Path("check/md5")
    public Map<String, Object> checkMd5(Bodies.Md5 body, @Context SecurityContext security) {
        Merchant merchant = MerchantSecurityContext.merchantOf(security);
        PaymentCheck c = runtime.payments().checkMd5(merchant, body == null ? null : body.md5());
        return Json.success(Views.check(c));
    }

    @POST
    @Path("check/bulk")
    public Map<String, Object> checkBulk(Bodies.Bulk body, @Context SecurityContext security) {
        Merchant merchant = MerchantSecurityContext.merchantOf(security);
        Map<String, PaymentCheck> results = runtime.payments().checkBulk(merchant, body == null ? null : body.md5s());
        Map<String, Object> entries = new LinkedHashMap<>();
        results.forEach((md5, c) -> entries.put(md5, Views.bulkEntry(c)));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("total", results.size());
        data.put("results", entries);
        return Json.success(data);
    }

    @POST
    @Path("check/transaction")
    public Map<String, Object> lookup(Bodies.Lookup body, @Context SecurityContext security) {
        Merchant merchant = MerchantSecurityContext.merchantOf(security);
        Bodies.Lookup b = body != null ? body : new Bodies.Lookup(null, null);
        LookupType type = null;
        if (b.type() != null && !b.type().isBlank()) {
            type = LookupType.fromWireName(b.type().strip()).orElseThrow(() -> new PaymentException.Invalid(
                    List.of(new dev.bakongpay.core.payment.FieldError("type", "invalid_value",
                            "must be transactionId, md5 or hash"))));
        }
        return Json.success(Views.transaction(runtime.payments().lookup(merchant, b.query(), type), runtime.payments()));
    }
}
