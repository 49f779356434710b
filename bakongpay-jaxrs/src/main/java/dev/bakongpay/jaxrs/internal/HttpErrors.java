package dev.bakongpay.jaxrs.internal;

import java.util.List;
import java.util.Map;

/**
 * The error code and a plain message for an HTTP status that carries nothing more specific: the
 * JAX-RS runtime's own refusals (405, 406, 415…) and, in the reference server, the container's
 * (431, a malformed request line, a missing Host…). One table, so both layers answer a status
 * with the same code.
 */
public final class HttpErrors {
    private HttpErrors() {}

    /** {@code bad_request} for 400, {@code not_found} for 404, …; {@code http_<status>} for a rare 4xx. */
    public static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 408 -> "request_timeout";
            case 409 -> "conflict";
            case 411 -> "length_required";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 417 -> "expectation_failed";
            case 422 -> "validation_failed";
            case 429 -> "rate_limit_exceeded";
            case 431 -> "request_header_fields_too_large";
            case 501 -> "not_implemented";
            case 503 -> "service_unavailable";
            case 505 -> "http_version_not_supported";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
    }

    /** A sentence for the status, naming no server, class or address. */
    public static String message(int status) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 401 -> "Authentication is required";
            case 403 -> "This request is not allowed";
            case 404 -> "Nothing is served at this path";
            case 405 -> "This path does not accept this method";
            case 406 -> "This endpoint cannot answer in any of the types the Accept header lists";
            case 408 -> "The request took too long to arrive";
            case 411 -> "A request body needs a Content-Length or chunked Transfer-Encoding";
            case 413 -> "The request body is too large";
            case 414 -> "The request URI is too long";
            case 415 -> "Send the request body as application/json";
            case 417 -> "The Expect header cannot be met";
            case 431 -> "The request headers are too large";
            case 501 -> "This method is not implemented";
            case 503 -> "The service is unavailable; retry shortly";
            case 505 -> "Send the request as HTTP/1.1";
            default -> status >= 500 ? "An unexpected error occurred" : "The request was refused (HTTP " + status + ")";
        };
    }

    /** The envelope {@code {"success":false,"error":{"code","message","details":[]}}} for the status. */
    public static Map<String, Object> body(int status, String message) {
        return Json.error(code(status), message, List.of());
    }
}
