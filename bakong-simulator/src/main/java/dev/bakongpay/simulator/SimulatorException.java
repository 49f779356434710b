package dev.bakongpay.simulator;

import dev.bakongpay.core.BakongPayException;

/**
 * The simulator refused a control request (an expired QR, an md5 it never saw, a payment made
 * twice...) or could not be reached. {@link #httpStatus()} and {@link #errorCode()} are the ones
 * of its answer; -1 and null when there was no answer.
 */
public class SimulatorException extends BakongPayException {

    private final int httpStatus;
    private final Integer errorCode;

    public SimulatorException(int httpStatus, Integer errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SimulatorException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = -1;
        this.errorCode = null;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Integer errorCode() {
        return errorCode;
    }
}
