package dev.bakongpay.client;

import java.util.List;

/** 401: the API key is missing, unknown, revoked or expired ({@link #code()} says which). */
public final class AuthenticationException extends BakongPayException {
    private static final long serialVersionUID = 1L;

    AuthenticationException(String code, String message, List<Detail> details, String requestId) {
        super(401, code, message, details, requestId);
    }
}
