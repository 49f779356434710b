package dev.bakongpay.core.bakong;

/** NBC could not be reached, answered 5xx or another refusal, or sent a body we cannot read. */
public class BakongUnavailableException extends UpstreamException {

    public BakongUnavailableException(String message, int httpStatus, Throwable cause) {
        super(message, httpStatus, cause);
    }
}
