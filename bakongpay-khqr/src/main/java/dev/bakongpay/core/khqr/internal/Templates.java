package dev.bakongpay.core.khqr.internal;

import static dev.bakongpay.core.khqr.KhqrErrorCode.*;

import dev.bakongpay.core.khqr.KhqrError;
import dev.bakongpay.core.khqr.KhqrErrorCode;

/**
 * verify()'s checks of the templates 29/30, 62, 64 and 99: the SDK's sub-tag loop (last
 * occurrence wins, unknown sub-tags ignored) and the constructors it feeds, with their quirks:
 * a template with no known sub-tag is passed on as a plain string, which 62 and 64 then accept
 * and 29 and 99 refuse.
 */
final class Templates {

    private static final int S00 = JsCut.code("00"),
            S01 = JsCut.code("01"),
            S02 = JsCut.code("02"),
            S03 = JsCut.code("03"),
            S07 = JsCut.code("07"),
            S08 = JsCut.code("08");

    private Templates() {}

    /** Null when the template passes; {@code poi12} says whether the last tag 01 so far was "12". */
    static KhqrError check(String qr, int from, int to, int tag, boolean poi12, long now, JsCut c, int[] at) {
        // Start/end of the last occurrence of each known sub-tag (at most 5 per template), -1 when absent.
        java.util.Arrays.fill(at, -1);
        boolean known = false;
        int rem = from;
        while (rem < to) {
            c.cut(qr, rem, to);
            if (c.next == rem) {
                // The SDK's sub-tag loop has no exit here and never returns; we refuse.
                return KhqrError.of(KHQR_INVALID, KhqrDecoder.templateName(tag));
            }
            int slot = slot(tag, c.tag);
            if (slot >= 0) {
                at[2 * slot] = c.valueStart;
                at[2 * slot + 1] = c.valueEnd;
                known = true;
            }
            rem = c.next;
        }
        switch (tag) {
            case 29:
                return account(qr, at);
            case 62:
                return known ? additionalData(at) : null;
            case 64:
                return known ? language(qr, at) : null;
            default:
                return poi12 ? timestamp(qr, at, known, now) : null;
        }
    }

    private static int slot(int tag, int sub) {
        switch (tag) {
            case 29:
            case 64:
            case 99:
                return sub == S00 ? 0 : sub == S01 ? 1 : sub == S02 && tag != 99 ? 2 : -1;
            default:
                return sub == S01 ? 0 : sub == S02 ? 1 : sub == S03 ? 2 : sub == S07 ? 3 : sub == S08 ? 4 : -1;
        }
    }

    private static int length(int[] at, int slot) {
        return at[2 * slot] < 0 ? -1 : at[2 * slot + 1] - at[2 * slot];
    }

    private static KhqrError account(int[] at) {
        int id = length(at, 0);
        if (id <= 0) {
            return KhqrError.of(BAKONG_ACCOUNT_ID_REQUIRED, "bakongAccountID");
        }
        if (id > 32) {
            return KhqrError.of(BAKONG_ACCOUNT_ID_LENGTH_INVALID, "bakongAccountID");
        }
        return null;
    }

    private static KhqrError accountDetails(String qr, int[] at) {
        if (KhqrVerifier.indexOf(qr, '@', at[0], at[1]) < 0) {
            return KhqrError.of(BAKONG_ACCOUNT_ID_INVALID, "bakongAccountID");
        }
        // verify() never knows it is a merchant QR, so sub-tag 01 is checked as account information.
        if (length(at, 1) > 32) {
            return KhqrError.of(ACCOUNT_INFORMATION_LENGTH_INVALID, "accountInformation");
        }
        int bank = length(at, 2);
        if (bank == 0) {
            return KhqrError.of(ACQUIRING_BANK_REQUIRED, "acquiringBank");
        }
        return bank > 32 ? KhqrError.of(ACQUIRING_BANK_LENGTH_INVALID, "acquiringBank") : null;
    }

    static KhqrError account(String qr, int[] at) {
        KhqrError error = account(at);
        return error != null ? error : accountDetails(qr, at);
    }

    private static final String[] ADDITIONAL_FIELDS = {
        "billNumber", "mobileNumber", "storeLabel", "terminalLabel", "purposeOfTransaction"
    };
    private static final KhqrErrorCode[] ADDITIONAL_CODES = {
        BILL_NUMBER_LENGTH_INVALID,
        MOBILE_NUMBER_LENGTH_INVALID,
        STORE_LABEL_LENGTH_INVALID,
        TERMINAL_LABEL_LENGTH_INVALID,
        PURPOSE_OF_TRANSACTION_LENGTH_INVALID
    };

    private static KhqrError additionalData(int[] at) {
        for (int slot = 0; slot < 5; slot++) {
            int len = length(at, slot);
            if (len == 0 || len > 25) {
                return KhqrError.of(ADDITIONAL_CODES[slot], ADDITIONAL_FIELDS[slot]);
            }
        }
        return null;
    }

    private static KhqrError language(String qr, int[] at) {
        int preference = length(at, 0);
        int name = length(at, 1);
        int city = length(at, 2);
        if (preference > 0 && name <= 0) {
            return KhqrError.of(MERCHANT_NAME_ALTERNATE_LANGUAGE_REQUIRED, "merchantNameAlternateLanguage");
        }
        if (name >= 0) {
            if (preference < 0) {
                // The SDK crashes with a TypeError here (null.length); the code it meant is 37.
                return KhqrError.of(LANGUAGE_PREFERENCE_REQUIRED, "languagePreference");
            }
            if (preference == 0 || preference > 2) {
                return KhqrError.of(LANGUAGE_PREFERENCE_LENGTH_INVALID, "languagePreference");
            }
            if (name == 0 || name > 25) {
                return KhqrError.of(MERCHANT_NAME_ALTERNATE_LANGUAGE_LENGTH_INVALID, "merchantNameAlternateLanguage");
            }
        }
        if (city == 0 || city > 15) {
            return KhqrError.of(MERCHANT_CITY_ALTERNATE_LANGUAGE_LENGTH_INVALID, "merchantCityAlternateLanguage");
        }
        return null;
    }

    private static KhqrError timestamp(String qr, int[] at, boolean known, long now) {
        String field = "expirationTimestamp";
        // Without a known sub-tag the SDK sees a plain string, whose expirationTimestamp is undefined (NaN).
        double expiration = !known ? Double.NaN : at[2] < 0 ? 0 : JsNumber.of(qr, at[2], at[3]);
        if (Double.isNaN(expiration) || expiration == 0) {
            return KhqrError.of(EXPIRATION_TIMESTAMP_REQUIRED, field);
        }
        if (JsNumber.printedLength(qr, at[2], at[3]) != 13) {
            return KhqrError.of(EXPIRATION_TIMESTAMP_LENGTH_INVALID, field);
        }
        double creation = at[0] < 0 ? 0 : JsNumber.of(qr, at[0], at[1]);
        if (expiration < creation) {
            return KhqrError.of(EXPIRATION_TIMESTAMP_IN_THE_PAST, field);
        }
        return expiration < now ? KhqrError.of(KHQR_EXPIRED, field) : null;
    }
}
