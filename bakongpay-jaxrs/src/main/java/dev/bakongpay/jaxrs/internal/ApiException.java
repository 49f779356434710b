package dev.bakongpay.jaxrs.internal;

import java.util.List;
import java.util.Map;

/**
 * A refusal decided by the HTTP layer itself (missing key, body too large…), carrying its status
 * and code to {@link ErrorMapper}. Normal traffic: no stack trace.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final List<Map<String, String>> details;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of(), Map.of());
    }

    public ApiException(
            int status, String code, String message, List<Map<String, String>> details, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Map<String, String>> details() {
        return details;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
