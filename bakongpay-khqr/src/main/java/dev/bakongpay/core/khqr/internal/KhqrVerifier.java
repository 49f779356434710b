package dev.bakongpay.core.khqr.internal;

import static dev.bakongpay.core.khqr.KhqrErrorCode.*;

import dev.bakongpay.core.khqr.KhqrDecodeException;
import dev.bakongpay.core.khqr.KhqrError;
import dev.bakongpay.core.khqr.KhqrErrorCode;
import dev.bakongpay.core.khqr.KhqrVerification;

/**
 * The verdict of the official SDK's {@code verify()} (index.js + decodeValidation.js, 1.0.20),
 * reproduced step by step on indexes, without allocating substrings: CRC form and value, length,
 * a walk over the top-level tags (stopping, like the SDK, at a tag equal to the previous one),
 * the dynamic-QR rules, required tags, then each known tag's own checks in order of appearance.
 * Where the SDK would loop forever (a length that does not advance inside a template), we stop
 * with code 8. Reasons are ours: the SDK only says true or false.
 */
public final class KhqrVerifier {

    private static final int T00 = JsCut.code("00"),
            T01 = JsCut.code("01"),
            T15 = JsCut.code("15"),
            T29 = JsCut.code("29"),
            T30 = JsCut.code("30"),
            T52 = JsCut.code("52"),
            T53 = JsCut.code("53"),
            T54 = JsCut.code("54"),
            T58 = JsCut.code("58"),
            T59 = JsCut.code("59"),
            T60 = JsCut.code("60"),
            T62 = JsCut.code("62"),
            T63 = JsCut.code("63"),
            T64 = JsCut.code("64"),
            T99 = JsCut.code("99");
    private static final int[] KNOWN = {T00, T01, T15, T29, T52, T53, T54, T58, T59, T60, T62, T64, T99, T63};
    /** Required tags in the SDK's order, with the error for the first one missing. */
    private static final int[] REQUIRED = {T00, T29, T52, T53, T58, T59, T60, T63};

    private static final KhqrErrorCode[] MISSING = {
        PAYLOAD_FORMAT_INDICATOR_TAG_REQUIRED,
        MERCHANT_TYPE_REQUIRED,
        MERCHANT_CATEGORY_TAG_REQUIRED,
        CURRENCY_TYPE_REQUIRED,
        COUNTRY_CODE_TAG_REQUIRED,
        MERCHANT_NAME_REQUIRED,
        MERCHANT_CITY_TAG_REQUIRED,
        CRC_TAG_REQUIRED
    };
    private static final String[] MISSING_FIELD = {
        "payloadFormatIndicator",
        "merchantType",
        "merchantCategoryCode",
        "transactionCurrency",
        "countryCode",
        "merchantName",
        "merchantCity",
        "crc"
    };

    private KhqrVerifier() {}

    public static KhqrVerification verify(String qr, long nowMillis) {
        KhqrError error = check(qr, nowMillis);
        return error == null ? KhqrVerification.ok() : KhqrVerification.invalid(error);
    }

    private static KhqrError check(String qr, long now) {
        if (qr == null) {
            return KhqrError.of(KHQR_INVALID, "qr");
        }
        int n = qr.length();
        if (n < 8 || !qr.startsWith("6304", n - 8) || !isHex4(qr, n - 4)) {
            // The SDK's regex step gives no code. A string that does not even read as
            // tag-length-value (a CRC of three hex digits, a string cut short) gets decode's own
            // error, so that decode and verify never disagree on it; a readable one without
            // "6304" and four hex digits at its end lacks the CRC tag.
            KhqrError unreadable = unreadable(qr);
            return unreadable != null ? unreadable : KhqrError.of(CRC_TAG_REQUIRED, "crc");
        }
        byte[] bytes = Utf8.encode(qr); // ends with the four ASCII hex digits checked above
        if (!Crc16.matches(qr, n - 4, Crc16.of(bytes, 0, bytes.length - 4))) {
            return KhqrError.of(KHQR_INVALID, "crc");
        }
        if (n < 12) {
            return KhqrError.of(KHQR_INVALID, "qr");
        }
        JsCut c = new JsCut();
        int present = 0;
        boolean dynamic = false;
        int rem = 0;
        int last = 0;
        while (rem < n) {
            c.cut(qr, rem, n);
            int tag = c.tag;
            if (tag == last) {
                break;
            }
            if (tag == T30) {
                tag = T29;
            }
            int bit = bit(tag);
            if (bit >= 0) {
                present |= 1 << bit;
                dynamic |= tag == T01 && c.valueIs(qr, "12");
            }
            if (c.next == rem && c.tag == T30) {
                // The SDK maps 30 to 29 after comparing, so a stuck 30 never equals the previous tag.
                return KhqrError.of(KHQR_INVALID, "globalUniqueIdentifier");
            }
            rem = c.next;
            last = tag;
        }
        boolean has54 = (present & (1 << bit(T54))) != 0;
        boolean has99 = (present & (1 << bit(T99))) != 0;
        if (dynamic && !has54) {
            return KhqrError.of(INVALID_DYNAMIC_KHQR, "transactionAmount");
        }
        if ((dynamic || has54) && !has99) {
            return KhqrError.of(EXPIRATION_TIMESTAMP_REQUIRED, "expirationTimestamp");
        }
        for (int i = 0; i < REQUIRED.length; i++) {
            if ((present & (1 << bit(REQUIRED[i]))) == 0) {
                return KhqrError.of(MISSING[i], MISSING_FIELD[i]);
            }
        }
        return checkEachTag(qr, now, c, new JsCut(), new int[10]);
    }

    /** Second walk over the same tags, each checked by the rules of the SDK's MerchantCode classes. */
    private static KhqrError checkEachTag(String qr, long now, JsCut c, JsCut sub, int[] at) {
        int n = qr.length();
        int poiStart = -1;
        int poiEnd = -1;
        int rem = 0;
        int last = 0;
        while (rem < n) {
            c.cut(qr, rem, n);
            int tag = c.tag == T30 ? T29 : c.tag;
            if (c.tag == last) {
                break;
            }
            int s = c.valueStart;
            int e = c.valueEnd;
            int len = e - s;
            KhqrError error = null;
            if (tag == T00) {
                error = len == 0
                        ? KhqrError.of(PAYLOAD_FORMAT_INDICATOR_TAG_REQUIRED, "payloadFormatIndicator")
                        : len > 2
                                ? KhqrError.of(PAYLOAD_FORMAT_INDICATOR_LENGTH_INVALID, "payloadFormatIndicator")
                                : null;
            } else if (tag == T01) {
                poiStart = s;
                poiEnd = e;
                error = len > 2
                        ? KhqrError.of(POINT_INITIATION_LENGTH_INVALID, "pointofInitiationMethod")
                        : !c.valueIs(qr, "11") && !c.valueIs(qr, "12")
                                ? KhqrError.of(POINT_OF_INITIATION_METHOD_INVALID, "pointofInitiationMethod")
                                : null;
            } else if (tag == T29 || tag == T62 || tag == T64 || tag == T99) {
                boolean poi12 = poiEnd - poiStart == 2 && qr.startsWith("12", poiStart);
                error = Templates.check(
                        qr, s, e, tag == T29 ? 29 : tag == T62 ? 62 : tag == T64 ? 64 : 99, poi12, now, sub, at);
            } else if (tag == T52) {
                error = len == 0
                        ? KhqrError.of(MERCHANT_CATEGORY_TAG_REQUIRED, "merchantCategoryCode")
                        : len > 4
                                ? KhqrError.of(MERCHANT_CODE_LENGTH_INVALID, "merchantCategoryCode")
                                : !allDigits(qr, s, e)
                                        ? KhqrError.of(INVALID_MERCHANT_CATEGORY_CODE, "merchantCategoryCode")
                                        : null;
            } else if (tag == T53) {
                error = len == 0
                        ? KhqrError.of(CURRENCY_TYPE_REQUIRED, "transactionCurrency")
                        : len > 3
                                ? KhqrError.of(TRANSACTION_CURRENCY_LENGTH_INVALID, "transactionCurrency")
                                : !c.valueIs(qr, "116") && !c.valueIs(qr, "840")
                                        ? KhqrError.of(UNSUPPORTED_CURRENCY, "transactionCurrency")
                                        : null;
            } else if (tag == T54) {
                error = len == 0 || len > 13 || indexOf(qr, '-', s, e) >= 0
                        ? KhqrError.of(TRANSACTION_AMOUNT_INVALID, "transactionAmount")
                        : null;
            } else if (tag == T58) {
                error = limit(len, 3, COUNTRY_CODE_TAG_REQUIRED, COUNTRY_CODE_LENGTH_INVALID, "countryCode");
            } else if (tag == T59) {
                error = limit(len, 25, MERCHANT_NAME_REQUIRED, MERCHANT_NAME_LENGTH_INVALID, "merchantName");
            } else if (tag == T60) {
                error = limit(len, 15, MERCHANT_CITY_TAG_REQUIRED, MERCHANT_CITY_LENGTH_INVALID, "merchantCity");
            } else if (tag == T63) {
                error = limit(len, 4, CRC_TAG_REQUIRED, CRC_LENGTH_INVALID, "crc");
            }
            if (error != null) {
                return error;
            }
            rem = c.next;
            last = tag;
        }
        return null;
    }

    /** Decode's error for a string that is not tag-length-value; null when it reads. Only on the failure path. */
    private static KhqrError unreadable(String qr) {
        try {
            KhqrDecoder.decode(qr);
            return null;
        } catch (KhqrDecodeException e) {
            return e.error();
        }
    }

    static KhqrError limit(int len, int max, KhqrErrorCode empty, KhqrErrorCode tooLong, String field) {
        return len == 0 ? KhqrError.of(empty, field) : len > max ? KhqrError.of(tooLong, field) : null;
    }

    /** Bit of each known tag by its number (00..99), -1 for the others. */
    private static final byte[] BIT_BY_NUMBER = new byte[100];

    static {
        java.util.Arrays.fill(BIT_BY_NUMBER, (byte) -1);
        for (int i = 0; i < KNOWN.length; i++) {
            BIT_BY_NUMBER[((KNOWN[i] >> 16) - '0') * 10 + ((KNOWN[i] & 0xFFFF) - '0')] = (byte) i;
        }
    }

    private static int bit(int tag) {
        int hi = (tag >> 16) - '0';
        int lo = (tag & 0xFFFF) - '0';
        return tag >= 0 && hi >= 0 && hi <= 9 && lo >= 0 && lo <= 9 ? BIT_BY_NUMBER[hi * 10 + lo] : -1;
    }

    static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    static int indexOf(String s, char ch, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == ch) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isHex4(String s, int at) {
        for (int i = at; i < at + 4; i++) {
            if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
    }
}
