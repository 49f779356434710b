package dev.bakongpay.core.bakong;

import dev.bakongpay.core.BakongPayException;

/**
 * NBC's Bakong Open API could not give an answer. The HTTP layer maps it to 502, or 504 for
 * {@link BakongTimeoutException}. Ordinary outcomes (not found, failed) are values, never this.
 */
public class UpstreamException extends BakongPayException {

    private final int httpStatus;

    public UpstreamException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    protected UpstreamException(String message, boolean withStackTrace) {
        super(message, withStackTrace);
        this.httpStatus = 0;
    }

    /** The HTTP status NBC (or a proxy in front of it) answered, or 0 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }
}
