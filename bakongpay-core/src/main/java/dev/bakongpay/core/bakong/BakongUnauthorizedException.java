package dev.bakongpay.core.bakong;

/**
 * NBC refused the token (HTTP 401 or errorCode 6): missing, wrong or expired, and renewal was
 * not configured or did not help. An operator must act: renew the token or set a renewal e-mail.
 */
public class BakongUnauthorizedException extends UpstreamException {

    public BakongUnauthorizedException(String message, int httpStatus) {
        super(message, httpStatus, null);
    }
}
