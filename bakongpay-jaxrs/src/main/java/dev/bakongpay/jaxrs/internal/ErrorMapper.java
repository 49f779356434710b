package dev.bakongpay.jaxrs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.bakongpay.core.khqr.KhqrException;
import dev.bakongpay.core.payment.FieldError;
import dev.bakongpay.core.payment.PaymentException;
import dev.bakongpay.core.payment.RateLimitExceededException;
import dev.bakongpay.core.render.QrRenderException;
import dev.bakongpay.spi.StoreException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into HTTP answers, all in the same shape:
 * {@code {"success":false,"error":{"code","message","details"}}}. Bad input is never a 500;
 * a real 500 says only that something went wrong and logs the stack trace under the request id.
 */
@Provider
public final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable abort = clientAbort(thrown);
        if (abort != null) {
            // the client's problem, not ours: a body cut off, a bad chunk, a closed connection
            LOG.debug("request body unreadable (client aborted or sent a malformed body): {}", abort.toString());
            return answer(400, "bad_request", "The request body could not be read: it ended early or its framing is "
                    + "malformed", List.of(), Map.of("Connection", "close"));
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ApiException a) return answer(a.status(), a.code(), a.getMessage(), a.details(), a.headers());
        }
        if (thrown instanceof PaymentException p) return payment(p);
        if (thrown instanceof RateLimitExceededException r) {
            return answer(429, "rate_limit_exceeded", r.getMessage(), List.of(),
                    Map.of("Retry-After", String.valueOf(r.decision().retryAfterSeconds())));
        }
        if (thrown instanceof KhqrException k) {
            return answer(422, "validation_failed", k.getMessage(),
                    List.of(Json.detail(k.field(), "invalid_khqr", k.error().message())), Map.of());
        }
        if (thrown instanceof QrRenderException q) { // what QrImageService's own checks cannot foresee, e.g. too many modules for the size
            return answer(422, "validation_failed", q.getMessage(),
                    List.of(Json.detail(q.field().equals("content") ? "qrString" : q.field(), q.problem().name().toLowerCase(java.util.Locale.ROOT), q.getMessage())), Map.of());
        }
        if (thrown instanceof WebApplicationException w) return web(w);
        JsonProcessingException json = find(thrown, JsonProcessingException.class);
        if (json != null) return json(json);
        if (thrown instanceof StoreException) {
            LOG.error("storage failed", thrown);
            return answer(503, "service_unavailable", "Storage is unavailable; retry shortly", List.of(), Map.of("Retry-After", "5"));
        }
        LOG.error("unexpected failure", thrown);
        return answer(500, "internal_error", "An unexpected error occurred; quote the X-Request-Id header when "
                + "reporting it", List.of(), Map.of());
    }

    private static Response payment(PaymentException p) {
        int status;
        if (p instanceof PaymentException.Invalid) status = 422;
        else if (p instanceof PaymentException.NotFound) status = 404;
        else if (p instanceof PaymentException.PlanUpgradeRequired) status = 403;
        else if (p instanceof PaymentException.IdempotencyKeyReused || p instanceof PaymentException.IdempotencyInProgress) status = 409;
        else if (p instanceof PaymentException.NetworkTimeout) status = 504;
        else if (p instanceof PaymentException.NetworkUnavailable) status = 502;
        else status = 400;
        if (status >= 500) LOG.warn("Bakong network: {}", p.getMessage(), p.getCause());
        List<Map<String, String>> details = p.details().stream()
                .map((FieldError e) -> Json.detail(e.field(), e.code(), e.message())).collect(Collectors.toList());
        return answer(status, p.code(), p.getMessage(), details, Map.of());
    }

    private static Response web(WebApplicationException w) {
        int status = w.getResponse().getStatus();
        String code = HttpErrors.code(status);
        String message = switch (status) {
            case 404 -> "No such endpoint; see /api/v1/openapi.json";
            case 405 -> "This endpoint does not accept this method";
            default -> HttpErrors.message(status);
        };
        if (status >= 500) LOG.error("unexpected failure", w);
        Map<String, String> headers = w.getResponse().getHeaderString("Allow") == null ? Map.of()
                : Map.of("Allow", w.getResponse().getHeaderString("Allow"));
        return answer(status, code, message, List.of(), headers);
    }

    private static Response json(JsonProcessingException e) {
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = path(m.getPath());
            String type = m.getTargetType() == null ? "a different type" : describe(m.getTargetType());
            return answer(422, "validation_failed", field + ": must be " + type,
                    List.of(Json.detail(field, "invalid_type", "must be " + type)), Map.of());
        }
        if (e instanceof MismatchedInputException) {
            return answer(400, "malformed_json", "The request body must be a JSON object", List.of(), Map.of());
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        return answer(400, "malformed_json", "The request body is not valid JSON" + where, List.of(), Map.of());
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return type == Integer.class || type == Long.class ? "a whole number" : "a number";
        }
        if (type == String.class) return "a string";
        if (List.class.isAssignableFrom(type)) return "an array";
        return "an object";
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            else sb.append('[').append(r.getIndex()).append(']');
        }
        return sb.toString();
    }

    /**
     * The I/O failure of reading the request when that is what went wrong: the client closed the
     * connection or stopped sending, or the container refused the body's framing (a bad chunk
     * size). Jackson's own {@link JsonProcessingException}s are I/O exceptions too, but they are
     * bad JSON, answered by {@link #json}; an I/O cause under one of our own exceptions is ours.
     * The JAX-RS API names no container class, so the container's refusal of the framing is
     * recognised by the name of the interface it implements.
     */
    static Throwable clientAbort(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            // our own failures may carry an I/O cause (Bakong unreachable, a store's socket): not the client's
            if (t instanceof JsonProcessingException || t instanceof ApiException
                    || t instanceof dev.bakongpay.core.BakongPayException || t instanceof StoreException) return null;
            if (t instanceof java.io.IOException) return t;
            if (t instanceof RuntimeException && badMessage(t)) return t;
            if (t.getCause() == t) break;
        }
        return null;
    }

    /** Jetty's {@code HttpException} (a parser's verdict on the bytes), found by name: no container type is compiled in. */
    private static boolean badMessage(Throwable t) {
        for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals("org.eclipse.jetty.http.HttpException")) return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }

    static Response answer(int status, String code, String message, List<Map<String, String>> details,
                           Map<String, String> headers) {
        Response.ResponseBuilder b = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.error(code, message, details));
        headers.forEach(b::header);
        return b.build();
    }
}
