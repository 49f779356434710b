package dev.bakongpay.core;

/**
 * Root of every exception BakongPay core throws. Unchecked: callers decide where to translate
 * failures (the JAX-RS module maps each subtype to one HTTP status in one place).
 */
public class BakongPayException extends RuntimeException {

    public BakongPayException(String message) {
        super(message);
    }

    public BakongPayException(String message, Throwable cause) {
        super(message, cause);
    }

    /** For refusals that are part of normal operation, where a stack trace is noise. */
    protected BakongPayException(String message, boolean withStackTrace) {
        super(message, null, false, withStackTrace);
    }
}
