package dev.bakongpay.core.khqr;

/** A payload the official SDK would refuse to encode (or that would not fit a KHQR at all). */
public class KhqrValidationException extends KhqrException {

    public KhqrValidationException(String field, int code, String message) {
        super(new KhqrError(code, message, field));
    }

    public KhqrValidationException(KhqrErrorCode code, String field) {
        super(KhqrError.of(code, field));
    }
}
