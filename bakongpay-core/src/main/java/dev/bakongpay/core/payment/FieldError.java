package dev.bakongpay.core.payment;

import java.util.Objects;

/**
 * One problem with one request field, as shown in an error's {@code details}.
 *
 * @param field   the request field, as named on the wire ({@code amount}, {@code md5s[3]})
 * @param code    machine-readable ({@code required}, {@code too_long}, {@code invalid_format} …)
 * @param message what to change, for a human
 */
public record FieldError(String field, String code, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
