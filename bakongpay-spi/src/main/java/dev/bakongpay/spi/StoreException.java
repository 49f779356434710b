package dev.bakongpay.spi;

/**
 * The store or limiter behind a port failed: the database is down, a connection broke, Redis timed
 * out. Ordinary outcomes (not found, duplicate, lost compare-and-set, rate limited) never throw
 * this; they are return values. When it is thrown, the operation may or may not have happened
 * (a transition whose commit was lost, say), so callers re-read before they retry.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
