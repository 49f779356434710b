package dev.bakongpay.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bakongpay.client.generated.ApiException;
import dev.bakongpay.client.generated.model.Error;
import dev.bakongpay.client.generated.model.ErrorError;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Turns the generated client's {@link ApiException} into the typed errors, reading the error envelope. */
final class ErrorAnswers {
    private ErrorAnswers() {}

    static BakongPayException from(ApiException e, ObjectMapper mapper, Clock clock) {
        HttpHeaders headers = e.getResponseHeaders() != null
                ? e.getResponseHeaders()
                : HttpHeaders.of(java.util.Map.of(), (a, b) -> true);
        String requestId = headers.firstValue("X-Request-Id").orElse(null);
        ErrorError envelope = envelope(e.getResponseBody(), mapper);
        int status = e.getCode();
        String code = envelope != null ? envelope.getCode() : "http_" + status;
        String message =
                envelope != null ? envelope.getMessage() : "HTTP " + status + " without the API's error envelope";
        List<BakongPayException.Detail> details = envelope == null || envelope.getDetails() == null
                ? List.of()
                : envelope.getDetails().stream()
                        .map(d -> new BakongPayException.Detail(d.getField(), d.getCode(), d.getMessage()))
                        .toList();
        return switch (status) {
            case 401 -> new AuthenticationException(code, message, details, requestId);
            case 422 -> new ValidationException(code, message, details, requestId);
            case 429 ->
                new RateLimitException(
                        code,
                        message,
                        details,
                        requestId,
                        retryAfter(headers.firstValue("Retry-After").orElse(null), clock));
            default -> new BakongPayException(status, code, message, details, requestId);
        };
    }

    private static ErrorError envelope(String body, ObjectMapper mapper) {
        if (body == null || body.isBlank()) return null;
        try {
            return mapper.readValue(body, Error.class).getError();
        } catch (JsonProcessingException | RuntimeException notTheEnvelope) {
            return null; // a proxy's HTML page, say: the status alone is what is known
        }
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value, Clock clock) {
        if (value == null) return null;
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d =
                        Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
