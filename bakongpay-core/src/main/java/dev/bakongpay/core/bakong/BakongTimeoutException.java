package dev.bakongpay.core.bakong;

/** NBC did not answer within the configured request timeout. */
public class BakongTimeoutException extends UpstreamException {

    public BakongTimeoutException(String message, Throwable cause) {
        super(message, 0, cause);
    }
}
