package dev.bakongpay.core.khqr;

/** The two currencies a KHQR may carry (tag 53), by ISO 4217 numeric code. */
public enum KhqrCurrency {
    KHR("116"),
    USD("840");

    private final String code;

    KhqrCurrency(String code) {
        this.code = code;
    }

    /** ISO 4217 numeric code as written in tag 53. */
    public String code() {
        return code;
    }

    /** By numeric code ({@code "116"}, {@code "840"}); anything else is error 28. */
    public static KhqrCurrency fromCode(String code) {
        if (code == null || code.isEmpty()) {
            throw new KhqrValidationException(KhqrErrorCode.CURRENCY_TYPE_REQUIRED, "transactionCurrency");
        }
        if ("116".equals(code)) {
            return KHR;
        }
        if ("840".equals(code)) {
            return USD;
        }
        throw new KhqrValidationException(KhqrErrorCode.UNSUPPORTED_CURRENCY, "transactionCurrency");
    }

    /** By name, case-insensitive ({@code "usd"}, {@code "KHR"}); anything else is error 28. */
    public static KhqrCurrency fromName(String name) {
        if (name == null || name.isEmpty()) {
            throw new KhqrValidationException(KhqrErrorCode.CURRENCY_TYPE_REQUIRED, "transactionCurrency");
        }
        if ("KHR".equalsIgnoreCase(name)) {
            return KHR;
        }
        if ("USD".equalsIgnoreCase(name)) {
            return USD;
        }
        throw new KhqrValidationException(KhqrErrorCode.UNSUPPORTED_CURRENCY, "transactionCurrency");
    }
}
