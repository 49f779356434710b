package dev.bakongpay.core.khqr;

/**
 * The error codes and messages of NBC's official JavaScript SDK ({@code bakong-khqr} 1.0.20,
 * {@code src/constant/errorCode.js}), kept verbatim so that callers can match on the numbers
 * they see in NBC's documentation. Note: the SDK numbers 35 and 36 the other way round from
 * NBC's PDF and iOS tables; we keep the JS numbering because the JS SDK is the reference.
 */
public enum KhqrErrorCode {
    BAKONG_ACCOUNT_ID_REQUIRED(1, "Bakong Account ID cannot be null or empty"),
    MERCHANT_NAME_REQUIRED(2, "Merchant name cannot be null or empty"),
    BAKONG_ACCOUNT_ID_INVALID(3, "Bakong Account ID is invalid"),
    TRANSACTION_AMOUNT_INVALID(4, "Amount is invalid"),
    MERCHANT_TYPE_REQUIRED(5, "Merchant type cannot be null or empty"),
    BAKONG_ACCOUNT_ID_LENGTH_INVALID(6, "Bakong Account ID Length is Invalid"),
    MERCHANT_NAME_LENGTH_INVALID(7, "Merchant Name Length is invalid"),
    KHQR_INVALID(8, "KHQR provided is invalid"),
    CURRENCY_TYPE_REQUIRED(9, "Currency type cannot be null or empty"),
    BILL_NUMBER_LENGTH_INVALID(10, "Bill Name Length is invalid"),
    STORE_LABEL_LENGTH_INVALID(11, "Store Label Length is invalid"),
    TERMINAL_LABEL_LENGTH_INVALID(12, "Terminal Label Length is invalid"),
    CONNECTION_TIMEOUT(13, "Cannot reach Bakong Open API service. Please check internet connection"),
    INVALID_DEEP_LINK_SOURCE_INFO(14, "Source Info for Deep Link is invalid"),
    INTERNAL_SERVER_ERROR(15, "Internal server error"),
    PAYLOAD_FORMAT_INDICATOR_LENGTH_INVALID(16, "Payload Format indicator Length is invalid"),
    POINT_INITIATION_LENGTH_INVALID(17, "Point of initiation Length is invalid"),
    MERCHANT_CODE_LENGTH_INVALID(18, "Merchant code Length is invalid"),
    TRANSACTION_CURRENCY_LENGTH_INVALID(19, "Transaction currency Length is invalid"),
    COUNTRY_CODE_LENGTH_INVALID(20, "Country code Length is invalid"),
    MERCHANT_CITY_LENGTH_INVALID(21, "Merchant city Length is invalid"),
    CRC_LENGTH_INVALID(22, "CRC Length is invalid"),
    PAYLOAD_FORMAT_INDICATOR_TAG_REQUIRED(23, "Payload format indicator tag required"),
    CRC_TAG_REQUIRED(24, "CRC tag required"),
    MERCHANT_CATEGORY_TAG_REQUIRED(25, "Merchant category tag required"),
    COUNTRY_CODE_TAG_REQUIRED(26, "Country Code cannot be null or empty"),
    MERCHANT_CITY_TAG_REQUIRED(27, "Merchant City cannot be null or empty"),
    UNSUPPORTED_CURRENCY(28, "Unsupported currency"),
    INVALID_DEEP_LINK_URL(29, "Deep Link URL is not valid"),
    MERCHANT_ID_REQUIRED(30, "Merchant ID cannot be null or empty"),
    ACQUIRING_BANK_REQUIRED(31, "Acquiring Bank cannot be null or empty"),
    MERCHANT_ID_LENGTH_INVALID(32, "Merchant ID Length is invalid"),
    ACQUIRING_BANK_LENGTH_INVALID(33, "Acquiring Bank Length is invalid"),
    MOBILE_NUMBER_LENGTH_INVALID(34, "Mobile Number Length is invalid"),
    ACCOUNT_INFORMATION_LENGTH_INVALID(35, "Account Information Length is invalid"),
    TAG_NOT_IN_ORDER(36, "Tag is not in order"),
    LANGUAGE_PREFERENCE_REQUIRED(37, "Language Preference cannot be null or empty"),
    LANGUAGE_PREFERENCE_LENGTH_INVALID(38, "Language Preference Length is invalid"),
    MERCHANT_NAME_ALTERNATE_LANGUAGE_REQUIRED(39, "Merchant Name Alternate Language cannot be null or empty"),
    MERCHANT_NAME_ALTERNATE_LANGUAGE_LENGTH_INVALID(40, "Merchant Name Alternate Language Length is invalid"),
    MERCHANT_CITY_ALTERNATE_LANGUAGE_LENGTH_INVALID(41, "Merchant City Alternate Language Length is invalid"),
    PURPOSE_OF_TRANSACTION_LENGTH_INVALID(42, "Purpose of Transaction Length is invalid"),
    UPI_ACCOUNT_INFORMATION_LENGTH_INVALID(43, "Upi Account Information Length is invalid"),
    UPI_ACCOUNT_INFORMATION_INVALID_CURRENCY(44, "Upi Account Information Length does not accept USD"),
    EXPIRATION_TIMESTAMP_REQUIRED(45, "Expiration timestamp is required for dynamic KHQR"),
    KHQR_EXPIRED(46, "This dynamic KHQR has expired"),
    INVALID_DYNAMIC_KHQR(47, "This dynamic KHQR has invalid field transaction amount"),
    POINT_OF_INITIATION_METHOD_INVALID(48, "Point of Initiation Method is invalid"),
    EXPIRATION_TIMESTAMP_LENGTH_INVALID(49, "Expiration timestamp length is invalid"),
    EXPIRATION_TIMESTAMP_IN_THE_PAST(50, "Expiration timestamp is in the past"),
    INVALID_MERCHANT_CATEGORY_CODE(51, "Invalid merchant category code");

    private static final KhqrErrorCode[] BY_CODE = new KhqrErrorCode[52];

    static {
        for (KhqrErrorCode c : values()) {
            BY_CODE[c.code] = c;
        }
    }

    private final int code;
    private final String message;

    KhqrErrorCode(int code, String message) {
        this.code = code;
        this.message = message;
    }

    /** The SDK's number, as printed in NBC's documentation. */
    public int code() {
        return code;
    }

    /** The SDK's message, verbatim (including its typos, e.g. "Bill Name" for code 10). */
    public String message() {
        return message;
    }

    /** The constant for an SDK number; throws {@link IllegalArgumentException} for unknown numbers. */
    public static KhqrErrorCode ofCode(int code) {
        if (code < 1 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("no KHQR error code " + code);
        }
        return BY_CODE[code];
    }
}
