package dev.bakongpay.client;

import java.util.List;

/** 422: the request was understood but a field is wrong; {@link #details()} names each field and rule. */
public final class ValidationException extends BakongPayException {
    private static final long serialVersionUID = 1L;

    ValidationException(String code, String message, List<Detail> details, String requestId) {
        super(422, code, message, details, requestId);
    }
}
