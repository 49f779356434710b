package dev.bakongpay.jaxrs.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
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
import org.slf4j.MDC;

/**
 * The one place that turns failures into HTTP answers, all in the same shape:
 * {@code {"success":false,"error":{"code","message","details"}}}. Bad input is never a 500;
 * a real 500 says only that something went wrong and logs the stack trace under the request id.
 */
@Provider
public final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    /** Where a 404 sends the caller: the payment API's document unless the application names its own. */
    private final String documentPath;

    public ErrorMapper() {
        this("/api/v1/openapi.json");
    }

    /** @param documentPath the OpenAPI document a 404 points to, e.g. {@code /admin/v1/openapi.json} */
    public ErrorMapper(String documentPath) {
        this.documentPath = java.util.Objects.requireNonNull(documentPath, "documentPath");
    }

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable abort = clientAbort(thrown);
        if (abort != null) {
            // the client's problem, not ours: a body cut off, a bad chunk, a closed connection
            LOG.debug("request body unreadable (client aborted or sent a malformed body): {}", abort.toString());
            return answer(
                    400,
                    "bad_request",
                    "The request body could not be read: it ended early or its framing is " + "malformed",
                    List.of(),
                    Map.of("Connection", "close"));
        }
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ApiException a)
                return answer(a.status(), a.code(), a.getMessage(), a.details(), a.headers());
        }
        if (thrown instanceof PaymentException p) return payment(p);
        if (thrown instanceof RateLimitExceededException r) {
            return answer(
                    429,
                    "rate_limit_exceeded",
                    r.getMessage(),
                    List.of(),
                    Map.of("Retry-After", String.valueOf(r.decision().retryAfterSeconds())));
        }
        if (thrown instanceof KhqrException k) {
            return answer(
                    422,
                    "validation_failed",
                    k.getMessage(),
                    List.of(Json.detail(k.field(), "invalid_khqr", k.error().message())),
                    Map.of());
        }
        if (thrown
                instanceof
                QrRenderException
                        q) { // what QrImageService's own checks cannot foresee, e.g. too many modules for the size
            return answer(
                    422,
                    "validation_failed",
                    q.getMessage(),
                    List.of(Json.detail(
                            q.field().equals("content") ? "qrString" : q.field(),
                            q.problem().name().toLowerCase(java.util.Locale.ROOT),
                            q.getMessage())),
                    Map.of());
        }
        if (thrown instanceof WebApplicationException w) return web(w);
        JsonProcessingException json = find(thrown, JsonProcessingException.class);
        if (json != null) return json(json);
        if (thrown instanceof StoreException) {
            LOG.error("storage failed", thrown);
            return answer(
                    503,
                    "service_unavailable",
                    "Storage is unavailable; retry shortly",
                    List.of(),
                    Map.of("Retry-After", "5"));
        }
        LOG.error("unexpected failure", thrown);
        return answer(
                500,
                "internal_error",
                "An unexpected error occurred; quote the X-Request-Id header when " + "reporting it",
                List.of(),
                Map.of());
    }

    /**
     * The same answers for bad JSON, registered for Jackson's own exception type: a runtime picks
     * the mapper of the closest exception type, so a Jackson mapper the server brings along
     * (RESTEasy's on WildFly answers plain text and logs an ERROR) would otherwise go before the
     * {@code Throwable} one. Of two mappers for the same type, the application's wins.
     */
    @Provider
    public static final class OfJson implements ExceptionMapper<JsonProcessingException> {
        private final ErrorMapper errors = new ErrorMapper();

        @Override
        public Response toResponse(JsonProcessingException thrown) {
            return errors.toResponse(thrown);
        }
    }

    private static Response payment(PaymentException p) {
        int status;
        if (p instanceof PaymentException.Invalid) status = 422;
        else if (p instanceof PaymentException.NotFound) status = 404;
        else if (p instanceof PaymentException.PlanUpgradeRequired) status = 403;
        else if (p instanceof PaymentException.IdempotencyKeyReused
                || p instanceof PaymentException.IdempotencyInProgress) status = 409;
        else if (p instanceof PaymentException.NetworkTimeout) status = 504;
        else if (p instanceof PaymentException.NetworkUnavailable) status = 502;
        else status = 400;
        if (status >= 500) {
            // the whole story (upstream address, exception classes, stack) goes to the log under the
            // request id; the caller gets words that name neither an address nor a Java class
            LOG.warn(
                    "request {}: Bakong network, answered {} {}: {}",
                    MDC.get(RequestIdFilter.MDC_KEY),
                    status,
                    p.code(),
                    p.getMessage(),
                    p.getCause());
            return answer(status, p.code(), upstreamMessage(p, status), List.of(), Map.of());
        }
        List<Map<String, String>> details = p.details().stream()
                .map((FieldError e) -> Json.detail(e.field(), e.code(), e.message()))
                .collect(Collectors.toList());
        return answer(status, p.code(), p.getMessage(), details, Map.of());
    }

    /** A URL, a host:port or IPv4 address, or a Java class name ({@code java.net.ConnectException}, {@code ...Exception}). */
    private static final java.util.regex.Pattern LEAK = java.util.regex.Pattern.compile(
            "(?i:[a-z][a-z0-9+.-]*://)|\\b\\d{1,3}(\\.\\d{1,3}){3}\\b|\\b[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*:\\d{2,5}\\b"
                    + "|\\b[a-z_$][\\w$]*(\\.[a-z_$][\\w$]*)+\\.[A-Z][\\w$]*\\b|[A-Za-z]*(Exception|Error)\\b");

    /** The network's message when it leaks nothing (core's are built that way), else a plain one for the status. */
    static String upstreamMessage(PaymentException p, int status) {
        String m = p.getMessage();
        if (m != null && !m.isBlank() && m.length() <= 300 && !LEAK.matcher(m).find()) return m;
        return status == 504
                ? "Bakong (NBC) did not answer in time; retry shortly"
                : "Bakong (NBC) could not give a usable answer; retry shortly";
    }

    private Response web(WebApplicationException w) {
        int status = w.getResponse().getStatus();
        String code = HttpErrors.code(status);
        String message = switch (status) {
            case 404 -> "No such endpoint; see " + documentPath;
            case 405 -> "This endpoint does not accept this method";
            default -> HttpErrors.message(status);
        };
        if (status >= 500) LOG.error("unexpected failure", w);
        Map<String, String> headers = w.getResponse().getHeaderString("Allow") == null
                ? Map.of()
                : Map.of("Allow", w.getResponse().getHeaderString("Allow"));
        return answer(status, code, message, List.of(), headers);
    }

    /**
     * A body Jackson could not map. Only broken syntax is 400 {@code malformed_json}; well-formed
     * JSON that does not fit (a wrong type anywhere, the body itself not an object, a number out
     * of a type's range, nesting too deep) is 422 {@code validation_failed} naming the field.
     */
    private static Response json(JsonProcessingException e) {
        StreamReadException syntax = null;
        boolean tooDeep = false;
        boolean outOfRange = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidDefinitionException) { // our mapping, not the caller's body
                LOG.error("unexpected failure", e);
                return answer(
                        500,
                        "internal_error",
                        "An unexpected error occurred; quote the X-Request-Id header when " + "reporting it",
                        List.of(),
                        Map.of());
            }
            if (t instanceof StreamConstraintsException) tooDeep = true;
            else if (t instanceof InputCoercionException) outOfRange = true;
            else if (t instanceof StreamReadException r && syntax == null) syntax = r;
        }
        if (syntax != null && String.valueOf(syntax.getOriginalMessage()).startsWith("Duplicate field")) {
            return invalid(field(e), "duplicate_field", "is given more than once");
        }
        if (syntax != null) {
            String where = syntax.getLocation() == null
                    ? ""
                    : " at line " + syntax.getLocation().getLineNr() + ", column "
                            + syntax.getLocation().getColumnNr();
            return answer(400, "malformed_json", "The request body is not valid JSON" + where, List.of(), Map.of());
        }
        String field = field(e);
        if (tooDeep) {
            return invalid(
                    field,
                    "too_deep",
                    "must not nest arrays or objects more than " + Json.MAX_NESTING + " levels deep");
        }
        if (outOfRange) return invalid(field, "out_of_range", "is out of range");
        MismatchedInputException m = find(e, MismatchedInputException.class);
        if (m != null && String.valueOf(m.getOriginalMessage()).startsWith("Trailing token")) {
            return answer(
                    400,
                    "malformed_json",
                    "The request body must be one JSON value, with nothing after it",
                    List.of(),
                    Map.of());
        }
        if (m != null) {
            String type = m.getTargetType() == null ? "a different type" : describe(m.getTargetType());
            return invalid(field, "invalid_type", "must be " + type);
        }
        return invalid(field, "invalid_value", "cannot be read");
    }

    private static Response invalid(String field, String code, String message) {
        return answer(
                422, "validation_failed", field + ": " + message, List.of(Json.detail(field, code, message)), Map.of());
    }

    /** The field a mapping failure concerns: its JSON path, else the top-level field being read, else {@code body}. */
    private static String field(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException j && !j.getPath().isEmpty()) return path(j.getPath());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException j && j.getProcessor() instanceof JsonParser p) {
                JsonStreamContext c = p.getParsingContext();
                while (c != null && c.getParent() != null && c.getParent().getParent() != null) c = c.getParent();
                if (c != null && c.getParent() != null && c.inObject() && c.getCurrentName() != null)
                    return c.getCurrentName();
            }
        }
        return "body";
    }

    private static String describe(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return type == Integer.class || type == Long.class || type == int.class || type == long.class
                    ? "a whole number"
                    : "a number";
        }
        if (type == String.class) return "a string";
        if (List.class.isAssignableFrom(type) || type.isArray()) return "an array";
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
            if (t instanceof JsonProcessingException
                    || t instanceof ApiException
                    || t instanceof dev.bakongpay.core.BakongPayException
                    || t instanceof StoreException) return null;
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

    static Response answer(
            int status, String code, String message, List<Map<String, String>> details, Map<String, String> headers) {
        Response.ResponseBuilder b = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.error(code, message, details));
        headers.forEach(b::header);
        return b.build();
    }
}
