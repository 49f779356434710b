package dev.bakongpay.client;

import java.util.List;
import java.util.Optional;

/**
 * An error answer of the API: its HTTP status and the error envelope
 * {@code {"success": false, "error": {"code", "message", "details"}}}, with the request id the server
 * gave it ({@code X-Request-Id}, also in the server's log lines). The subclasses are the answers a shop
 * handles on their own: {@link AuthenticationException} (401), {@link ValidationException} (422) and
 * {@link RateLimitException} (429).
 */
public class BakongPayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One entry of {@code error.details}: a field and what is wrong with it. */
    public record Detail(String field, String code, String message) {}

    private final int status;
    private final String code;
    private final String errorMessage;
    private final transient List<Detail> details;
    private final String requestId;

    BakongPayException(int status, String code, String message, List<Detail> details, String requestId) {
        super(status + " " + code + ": " + message + (requestId == null ? "" : " (request " + requestId + ")"));
        this.status = status;
        this.code = code;
        this.errorMessage = message;
        this.details = List.copyOf(details);
        this.requestId = requestId;
    }

    /** The HTTP status: 400, 401, 403, 404, 409, 413, 415, 422, 429, 502, 504… */
    public int status() {
        return status;
    }

    /** {@code error.code}, e.g. {@code validation_failed}, {@code invalid_api_key}, {@code rate_limit_exceeded}. */
    public String code() {
        return code;
    }

    /** {@code error.message} as the server wrote it. */
    public String errorMessage() {
        return errorMessage;
    }

    /** {@code error.details}: one entry per field for a 422, else empty. */
    public List<Detail> details() {
        return details;
    }

    /** The answer's {@code X-Request-Id}, to quote when asking the server's operator. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }
}
