package dev.bakongpay.simulator.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * NBC's envelope, {@code {"responseCode":0|1,"responseMessage":…,"errorCode":null|N,"data":…}},
 * with the HTTP status it travels with. The messages are NBC's own text (SPEC D.1, D.3, D.4):
 * clients match on them in logs, so they must not be paraphrased.
 */
@JsonPropertyOrder({"responseCode", "responseMessage", "errorCode", "data"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NbcAnswer(
        @JsonIgnore int httpStatus, int responseCode, String responseMessage, Integer errorCode, Object data) {

    public static final int NOT_FOUND = 1;
    public static final int STATIC_QR = 2;
    public static final int FAILED = 3;
    public static final int DEEPLINK_FAILED = 4;
    public static final int MISSING_FIELDS = 5;
    public static final int UNAUTHORIZED = 6;
    public static final int NOT_REGISTERED = 10;
    public static final int ACCOUNT_NOT_FOUND = 11;
    public static final int ACCOUNT_INVALID = 12;

    public static NbcAnswer success(String message, Object data) {
        return new NbcAnswer(200, 0, message, null, data);
    }

    public static NbcAnswer transactionFound(Object transaction) {
        return success("Getting transaction successfully.", transaction);
    }

    public static NbcAnswer transactionNotFound() {
        return failure(200, NOT_FOUND, "Transaction could not be found. Please check and try again.");
    }

    public static NbcAnswer transactionFailed() {
        return failure(200, FAILED, "Transaction failed.");
    }

    public static NbcAnswer missingFields() {
        return missingFields("Missing required fields.");
    }

    /** errorCode 5 with a sharper message, for a field that is there but wrong. */
    public static NbcAnswer missingFields(String message) {
        return failure(400, MISSING_FIELDS, message);
    }

    public static NbcAnswer unauthorized() {
        return failure(401, UNAUTHORIZED, "Unauthorized.");
    }

    public static NbcAnswer failure(int httpStatus, Integer errorCode, String message) {
        return new NbcAnswer(httpStatus, 1, message, errorCode, null);
    }
}
