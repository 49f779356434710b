package dev.bakongpay.core.khqr;

import dev.bakongpay.core.BakongPayException;

/**
 * Root of the KHQR codec's failures. Refusing a bad QR is ordinary work for the codec, so
 * these exceptions carry no stack trace: the code, message and field say everything.
 */
public class KhqrException extends BakongPayException {

    private final KhqrError error;

    public KhqrException(KhqrError error) {
        super(describe(error), false);
        this.error = error;
    }

    /** Official code, official message and the field concerned. */
    public KhqrError error() {
        return error;
    }

    public int code() {
        return error.code();
    }

    public String field() {
        return error.field();
    }

    private static String describe(KhqrError error) {
        return error.field() + ": " + error.message() + " (KHQR error " + error.code() + ")";
    }
}
