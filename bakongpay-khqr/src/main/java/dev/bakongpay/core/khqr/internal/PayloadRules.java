package dev.bakongpay.core.khqr.internal;

import static dev.bakongpay.core.khqr.KhqrErrorCode.*;

import dev.bakongpay.core.khqr.KhqrCurrency;
import dev.bakongpay.core.khqr.KhqrErrorCode;
import dev.bakongpay.core.khqr.KhqrMerchantType;
import dev.bakongpay.core.khqr.KhqrPayload;
import dev.bakongpay.core.khqr.KhqrValidationException;
import java.math.BigDecimal;

/**
 * The generator's rules of the official SDK (generateKHQR.js and the MerchantCode classes), in
 * its order: the first failure here is the one the SDK reports. Two additions of ours: a
 * template longer than 99 is refused (the SDK would emit a 3-digit length and then reject its
 * own output), and an alternate-language name without a language preference is refused with
 * code 37 (the SDK crashes with a bare TypeError there). And one after all the SDK's rules: a
 * value holding an unpaired UTF-16 surrogate is refused with code 8, naming the field. The SDK
 * would write it as U+FFFD into its CRC and md5 while the string it returns keeps the surrogate,
 * which UTF-8 cannot carry: whoever receives the QR (NBC, a bank app, the simulator) then hashes
 * other bytes. Without it, every accepted payload's md5 is the md5 of its plain UTF-8 bytes.
 */
public final class PayloadRules {

    /** Longest value a two-digit length can announce. */
    public static final int MAX_VALUE_LENGTH = 99;

    public static final int MAX_AMOUNT_LENGTH = 13;

    private PayloadRules() {}

    /**
     * Validates the static rules but the last, {@link #wellFormed}, and returns the amount as tag 54
     * writes it (null when static).
     */
    public static String validate(KhqrPayload p) {
        String upi = p.upiMerchantAccount();
        check(
                upi == null || upi.length() <= MAX_VALUE_LENGTH,
                UPI_ACCOUNT_INFORMATION_LENGTH_INVALID,
                "unionPayMerchant");
        accountTemplate(p);
        mcc(p.merchantCategoryCode());
        check(
                !(upi != null && p.currency() == KhqrCurrency.USD),
                UPI_ACCOUNT_INFORMATION_INVALID_CURRENCY,
                "unionPayMerchant");
        String amount = p.dynamic() ? Amounts.format(p.amount().orElseThrow(), p.currency()) : null;
        String name = p.merchantName();
        check(name != null && !name.isEmpty(), MERCHANT_NAME_REQUIRED, "merchantName");
        check(name.length() <= 25, MERCHANT_NAME_LENGTH_INVALID, "merchantName");
        check(p.merchantCity().length() <= 15, MERCHANT_CITY_LENGTH_INVALID, "merchantCity");
        additionalData(p);
        languageTemplate(p);
        if (p.dynamic()) {
            long exp = p.expirationTimestamp().orElse(0L);
            check(exp != 0, EXPIRATION_TIMESTAMP_REQUIRED, "expirationTimestamp");
            // The SDK checks String(Number(exp)).length == 13: 13 digits, or a minus and 12.
            boolean thirteen = exp >= 1_000_000_000_000L
                    ? exp <= 9_999_999_999_999L
                    : exp <= -100_000_000_000L && exp >= -999_999_999_999L;
            check(thirteen, EXPIRATION_TIMESTAMP_LENGTH_INVALID, "expirationTimestamp");
            check(p.creationTimestamp().orElse(1L) > 0, KHQR_INVALID, "creationTimestamp");
        }
        return amount;
    }

    /**
     * The last rule, after {@link #validate}: no value may hold an unpaired surrogate (see the class
     * comment). Returns whether every value is ASCII, found in the same pass, so the encoder can
     * copy the values without looking at each char again.
     */
    public static boolean wellFormed(KhqrPayload p) {
        String[] values = {
            p.upiMerchantAccount(),
            p.bakongAccountID(),
            p.merchantID(),
            p.accountInformation(),
            p.acquiringBank(),
            p.merchantCategoryCode(),
            p.merchantName(),
            p.merchantCity(),
            p.billNumber(),
            p.mobileNumber(),
            p.storeLabel(),
            p.terminalLabel(),
            p.purposeOfTransaction(),
            p.languagePreference(),
            p.merchantNameAlternateLanguage(),
            p.merchantCityAlternateLanguage()
        };
        String[] fields = {
            "unionPayMerchant",
            "bakongAccountID",
            "merchantID",
            "accountInformation",
            "acquiringBank",
            "merchantCategoryCode",
            "merchantName",
            "merchantCity",
            "billNumber",
            "mobileNumber",
            "storeLabel",
            "terminalLabel",
            "purposeOfTransaction",
            "languagePreference",
            "merchantNameAlternateLanguage",
            "merchantCityAlternateLanguage"
        };
        boolean ascii = true;
        for (int i = 0; i < values.length; i++) {
            String value = values[i];
            if (value == null) {
                continue;
            }
            if (!isAscii(value)) {
                ascii = false;
                if (unpairedSurrogateAt(value) >= 0) {
                    throw new KhqrValidationException(
                            fields[i],
                            KHQR_INVALID.code(),
                            fields[i] + " holds an unpaired UTF-16 surrogate, which UTF-8 cannot carry");
                }
            }
        }
        return ascii;
    }

    /** ASCII holds no surrogate, so only the rest needs the surrogate check. */
    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first unpaired surrogate of {@code s}, or -1. */
    public static int unpairedSurrogateAt(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static void accountTemplate(KhqrPayload p) {
        String id = p.bakongAccountID();
        check(id != null && !id.isEmpty(), BAKONG_ACCOUNT_ID_REQUIRED, "bakongAccountID");
        check(id.length() <= 32, BAKONG_ACCOUNT_ID_LENGTH_INVALID, "bakongAccountID");
        check(id.indexOf('@') >= 0, BAKONG_ACCOUNT_ID_INVALID, "bakongAccountID");
        int length = 4 + id.length();
        String bank = p.acquiringBank();
        if (p.type() == KhqrMerchantType.MERCHANT) {
            String merchantId = p.merchantID();
            check(merchantId != null, MERCHANT_ID_REQUIRED, "merchantID");
            check(merchantId.length() <= 32, MERCHANT_ID_LENGTH_INVALID, "merchantID");
            check(bank != null, ACQUIRING_BANK_REQUIRED, "acquiringBank");
            check(bank.length() <= 32, ACQUIRING_BANK_LENGTH_INVALID, "acquiringBank");
            length += 4 + merchantId.length() + 4 + bank.length();
            check(length <= MAX_VALUE_LENGTH, ACQUIRING_BANK_LENGTH_INVALID, "acquiringBank");
        } else {
            String info = p.accountInformation();
            check(info == null || info.length() <= 32, ACCOUNT_INFORMATION_LENGTH_INVALID, "accountInformation");
            check(bank == null || bank.length() <= 32, ACQUIRING_BANK_LENGTH_INVALID, "acquiringBank");
            length += (info == null ? 0 : 4 + info.length()) + (bank == null ? 0 : 4 + bank.length());
            if (length > MAX_VALUE_LENGTH) {
                throw bank != null
                        ? new KhqrValidationException(ACQUIRING_BANK_LENGTH_INVALID, "acquiringBank")
                        : new KhqrValidationException(ACCOUNT_INFORMATION_LENGTH_INVALID, "accountInformation");
            }
        }
    }

    private static void mcc(String mcc) {
        check(mcc.length() <= 4, MERCHANT_CODE_LENGTH_INVALID, "merchantCategoryCode");
        for (int i = 0; i < mcc.length(); i++) {
            char c = mcc.charAt(i);
            check(c >= '0' && c <= '9', INVALID_MERCHANT_CATEGORY_CODE, "merchantCategoryCode");
        }
    }

    private static final KhqrErrorCode[] ADDITIONAL_CODES = {
        BILL_NUMBER_LENGTH_INVALID,
        MOBILE_NUMBER_LENGTH_INVALID,
        STORE_LABEL_LENGTH_INVALID,
        TERMINAL_LABEL_LENGTH_INVALID,
        PURPOSE_OF_TRANSACTION_LENGTH_INVALID
    };
    private static final String[] ADDITIONAL_FIELDS = {
        "billNumber", "mobileNumber", "storeLabel", "terminalLabel", "purposeOfTransaction"
    };

    private static void additionalData(KhqrPayload p) {
        int length = 0;
        KhqrErrorCode last = null;
        String lastField = null;
        for (int i = 0; i < 5; i++) {
            String value = i == 0
                    ? p.billNumber()
                    : i == 1
                            ? p.mobileNumber()
                            : i == 2 ? p.storeLabel() : i == 3 ? p.terminalLabel() : p.purposeOfTransaction();
            if (value != null) {
                check(value.length() <= 25, ADDITIONAL_CODES[i], ADDITIONAL_FIELDS[i]);
                length += 4 + value.length();
                last = ADDITIONAL_CODES[i];
                lastField = ADDITIONAL_FIELDS[i];
            }
        }
        // Five 25-character values make 145: more than tag 62's two-digit length can say.
        if (length > MAX_VALUE_LENGTH) {
            throw new KhqrValidationException(last, lastField);
        }
    }

    private static void languageTemplate(KhqrPayload p) {
        String preference = p.languagePreference();
        String name = p.merchantNameAlternateLanguage();
        String city = p.merchantCityAlternateLanguage();
        check(
                preference == null || name != null,
                MERCHANT_NAME_ALTERNATE_LANGUAGE_REQUIRED,
                "merchantNameAlternateLanguage");
        if (name != null) {
            check(preference != null, LANGUAGE_PREFERENCE_REQUIRED, "languagePreference");
            check(preference.length() <= 2, LANGUAGE_PREFERENCE_LENGTH_INVALID, "languagePreference");
            check(
                    name.length() <= 25,
                    MERCHANT_NAME_ALTERNATE_LANGUAGE_LENGTH_INVALID,
                    "merchantNameAlternateLanguage");
        }
        check(
                city == null || city.length() <= 15,
                MERCHANT_CITY_ALTERNATE_LANGUAGE_LENGTH_INVALID,
                "merchantCityAlternateLanguage");
    }

    static void check(boolean ok, KhqrErrorCode code, String field) {
        if (!ok) {
            throw new KhqrValidationException(code, field);
        }
    }

    /** Tag 54 as the SDK writes it. */
    static final class Amounts {
        private Amounts() {}

        static String format(BigDecimal amount, KhqrCurrency currency) {
            check(amount.signum() > 0, TRANSACTION_AMOUNT_INVALID, "transactionAmount");
            // Reject absurd magnitudes before printing them (1E+1000000 would print a million digits).
            check(
                    amount.precision() - amount.scale() <= MAX_AMOUNT_LENGTH,
                    TRANSACTION_AMOUNT_INVALID,
                    "transactionAmount");
            if (amount.scale() > 20) {
                // more digits than 13 integer digits and 20 decimals need: too many decimals anyway,
                // and stripping a huge run of trailing zeros would cost a division per zero
                check(amount.precision() <= MAX_AMOUNT_LENGTH + 20, TRANSACTION_AMOUNT_INVALID, "transactionAmount");
                amount = amount.stripTrailingZeros(); // rare: many trailing zeros, or too many decimals anyway
                check(amount.scale() <= 2, TRANSACTION_AMOUNT_INVALID, "transactionAmount");
            }
            String plain = amount.toPlainString();
            int dot = plain.indexOf('.');
            int end = plain.length();
            if (dot >= 0) {
                while (end > dot + 1 && plain.charAt(end - 1) == '0') {
                    end--;
                }
            }
            String text;
            if (dot < 0 || end == dot + 1) {
                // Integral: the SDK prints a JS number, so 1.00 becomes "1" for both currencies.
                text = dot < 0 ? plain : plain.substring(0, dot);
            } else {
                int decimals = end - dot - 1;
                check(currency == KhqrCurrency.USD && decimals <= 2, TRANSACTION_AMOUNT_INVALID, "transactionAmount");
                text = decimals == 2 ? plain.substring(0, end) : plain.substring(0, end) + "0";
            }
            check(text.length() <= MAX_AMOUNT_LENGTH, TRANSACTION_AMOUNT_INVALID, "transactionAmount");
            return text;
        }
    }
}
