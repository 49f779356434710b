package dev.bakongpay.core.khqr;

import java.util.Objects;

/**
 * Why a KHQR was refused: the official SDK's error {@code code} and {@code message}, plus the
 * {@code field} it concerns, named as in the SDK's decode output (e.g. {@code merchantName},
 * {@code crc}). The SDK itself returns no reason from {@code verify()}; we do.
 */
public record KhqrError(int code, String message, String field) {

    public KhqrError {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(field, "field");
    }

    public static KhqrError of(KhqrErrorCode code, String field) {
        return new KhqrError(code.code(), code.message(), field);
    }

    /** The typed constant for {@link #code()}. */
    public KhqrErrorCode errorCode() {
        return KhqrErrorCode.ofCode(code);
    }
}
