package dev.bakongpay.core.khqr;

/**
 * A string that cannot be read as KHQR at all: not tag-length-value, a length that is not two
 * digits, a value running past the end. Always code 8 ("KHQR provided is invalid"); the field
 * names the tag that broke and {@link #offset()} where.
 */
public class KhqrDecodeException extends KhqrException {

    private final int offset;

    public KhqrDecodeException(String field, int offset) {
        super(KhqrError.of(KhqrErrorCode.KHQR_INVALID, field));
        this.offset = offset;
    }

    /** Index (UTF-16 units) in the input where reading failed. */
    public int offset() {
        return offset;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + " at offset " + offset;
    }
}
