package dev.bakongpay.core.payment.internal;

import dev.bakongpay.core.khqr.KhqrCurrency;
import dev.bakongpay.core.khqr.KhqrPayload;
import dev.bakongpay.core.khqr.KhqrValidationException;
import dev.bakongpay.core.payment.CreatePaymentRequest;
import dev.bakongpay.core.payment.FieldError;
import dev.bakongpay.core.payment.PaymentException;
import dev.bakongpay.core.payment.PaymentSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a create request and turns it into what a KHQR and a transaction need. Every problem is
 * collected before refusing, so a client fixes its request in one round. Free text is tidied
 * (trimmed, inner runs of spaces collapsed) or refused: bank apps reject QRs with control
 * characters, and a phone number with {@code +} or spaces is a known cause of rejected QRs.
 */
public final class CreateRules {
    /** NBC's SDK: {@code name@bank}, at most 32 characters. */
    private static final Pattern BAKONG_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}@[A-Za-z0-9._-]{1,64}");
    /** A Cambodian phone number as the SDK's tag 62/02 should carry it: leading 0, 9 or 10 digits. */
    private static final Pattern KH_MOBILE = Pattern.compile("0[1-9][0-9]{7,8}");
    /** Bill numbers are shown and echoed by bank apps; printable ASCII is what all of them accept. */
    private static final Pattern ASCII = Pattern.compile("[\\x20-\\x7E]+");
    /** Any 13-digit time: the probe payload of {@link #validate} checks only the field rules. */
    private static final Instant PROBE_TIME = Instant.parse("2026-01-01T00:00:00Z");
    /** The KHQR bill number (tag 62/01) holds at most 25 characters. */
    public static final int BILL_NUMBER_MAX = 25;
    /** KHQR's amount field holds 13 characters. */
    public static final int AMOUNT_MAX_INTEGER_DIGITS = 13;
    /** Most digits an amount may be written with (trailing zeros included): 25.000…0 beyond this is refused. */
    public static final int AMOUNT_MAX_DIGITS = 64;

    private CreateRules() {}

    /** A request that passed every rule, normalised. */
    public record ValidCreate(
            BigDecimal amount,
            KhqrCurrency currency,
            String merchantName,
            String bakongId,
            String description,
            Duration expiresIn,
            Map<String, String> attributes,
            KhqrPayload.Builder payload) {

        /** The payload with its timestamps; the SDK's remaining checks run in {@code build()}. */
        public KhqrPayload payload(Instant createdAt, Instant expiresAt) {
            try {
                return payload.createdAt(createdAt).expiresAt(expiresAt).build();
            } catch (KhqrValidationException e) {
                throw new PaymentException.Invalid(
                        wireField(e.field()),
                        "invalid_khqr_field",
                        e.error().message() + " (KHQR error " + e.code() + ")");
            }
        }
    }

    public static ValidCreate validate(CreatePaymentRequest r, PaymentSettings settings) {
        List<FieldError> errors = new ArrayList<>();
        KhqrCurrency currency = currency(r.currency(), errors);
        BigDecimal amount = amount(r.amount(), currency, errors);
        String name = text("merchantName", r.merchantName(), 25, true, errors);
        String bakongId = text("bakongId", r.bakongId(), 32, true, errors);
        if (bakongId != null && !BAKONG_ID.matcher(bakongId).matches()) {
            errors.add(
                    new FieldError("bakongId", "invalid_format", "must be a Bakong account such as merchant@acleda"));
            bakongId = null;
        }
        String description = text("description", r.description(), 100, false, errors);
        Duration expiresIn = expiry(r.expiresInSeconds(), settings, errors);
        String city = text("merchantCity", r.merchantCity(), 15, false, errors);
        String merchantId = text("merchantId", r.merchantId(), 32, false, errors);
        String bank = text("acquiringBank", r.acquiringBank(), 32, false, errors);
        if ((merchantId == null) != (bank == null) && !hasError(errors, "merchantId", "acquiringBank")) {
            String missing = merchantId == null ? "merchantId" : "acquiringBank";
            errors.add(new FieldError(missing, "required", "a merchant KHQR needs both merchantId and acquiringBank"));
        }
        String store = text("storeLabel", r.storeLabel(), 25, false, errors);
        String terminal = text("terminalLabel", r.terminalLabel(), 25, false, errors);
        String khmer = text("merchantNameKhmer", r.merchantNameKhmer(), 25, false, errors);
        String mobile = mobile(r.mobileNumber(), errors);
        String returnUrl = returnUrl(r.returnUrl(), errors);
        if (!errors.isEmpty()) throw new PaymentException.Invalid(errors);

        KhqrPayload.Builder p = merchantId != null
                ? KhqrPayload.merchant(bakongId, merchantId, bank)
                : KhqrPayload.individual(bakongId);
        p.merchantName(name)
                .currency(currency)
                .amount(amount)
                .merchantCity(city)
                .storeLabel(store)
                .terminalLabel(terminal)
                .mobileNumber(mobile);
        if (description != null
                && description.length() <= BILL_NUMBER_MAX
                && ASCII.matcher(description).matches()) {
            p.billNumber(description);
        }
        if (khmer != null) p.languagePreference("km").merchantNameAlternateLanguage(khmer);
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, "merchantCity", city);
        put(attributes, "merchantId", merchantId);
        put(attributes, "acquiringBank", bank);
        put(attributes, "storeLabel", store);
        put(attributes, "terminalLabel", terminal);
        put(attributes, "merchantNameKhmer", khmer);
        put(attributes, "mobileNumber", mobile);
        put(attributes, "returnUrl", returnUrl);
        ValidCreate v = new ValidCreate(amount, currency, name, bakongId, description, expiresIn, attributes, p);
        v.payload(PROBE_TIME, PROBE_TIME.plus(expiresIn)); // the SDK's own field rules, before anything is stored
        return v;
    }

    /** Our wire name for a field the KHQR codec names. */
    static String wireField(String codecField) {
        return switch (codecField) {
            case "bakongAccountID" -> "bakongId";
            case "transactionAmount" -> "amount";
            case "transactionCurrency" -> "currency";
            case "billNumber" -> "description";
            case "merchantID" -> "merchantId";
            case "merchantNameAlternateLanguage" -> "merchantNameKhmer";
            case "expirationTimestamp" -> "expiresInSeconds";
            default -> codecField;
        };
    }

    private static KhqrCurrency currency(String c, List<FieldError> errors) {
        if (c == null || c.isBlank()) return KhqrCurrency.USD;
        if (c.strip().equalsIgnoreCase("USD")) return KhqrCurrency.USD;
        if (c.strip().equalsIgnoreCase("KHR")) return KhqrCurrency.KHR;
        errors.add(new FieldError("currency", "invalid_value", "must be USD or KHR"));
        return null;
    }

    private static BigDecimal amount(BigDecimal a, KhqrCurrency currency, List<FieldError> errors) {
        if (a == null) {
            errors.add(new FieldError("amount", "required", "is required"));
            return null;
        }
        if (a.signum() <= 0) {
            errors.add(new FieldError("amount", "invalid_value", "must be greater than 0"));
            return null;
        }
        if (currency == null) return null; // the currency error says it all; decimals depend on it
        // Judged by its digits and scale before any arithmetic: 1E+20000000 must not be multiplied
        // out (setScale) nor 1E-999999999 divided down (stripTrailingZeros); both are refused here.
        long integerDigits = (long) a.precision() - a.scale();
        if (integerDigits > AMOUNT_MAX_INTEGER_DIGITS) { // tag 54 holds 13 characters
            errors.add(new FieldError("amount", "too_large", "must fit KHQR's 13-character amount field"));
            return null;
        }
        int decimals = currency == KhqrCurrency.KHR ? 0 : 2;
        if (a.scale() > decimals && !zeroBeyond(a, decimals)) {
            errors.add(new FieldError(
                    "amount",
                    "invalid_value",
                    currency == KhqrCurrency.KHR
                            ? "must be whole riel for KHR"
                            : "must have at most 2 decimals for USD"));
            return null;
        }
        BigDecimal scaled =
                a.setScale(decimals, java.math.RoundingMode.DOWN); // exact: zeroBeyond held; at most 15 digits
        if (scaled.toPlainString().length() > 13) {
            errors.add(new FieldError("amount", "too_large", "must fit KHQR's 13-character amount field"));
            return null;
        }
        return scaled;
    }

    /**
     * Whether every digit after {@code decimals} decimal places is zero, for a positive amount of
     * at most 13 integer digits and a scale above {@code decimals}. Refuses without arithmetic when
     * the digits to drop are all of them (a tiny amount such as 1E-20000000) or when the amount is
     * written with more than {@value #AMOUNT_MAX_DIGITS} digits.
     */
    private static boolean zeroBeyond(BigDecimal a, int decimals) {
        long drop = (long) a.scale() - decimals;
        if (drop >= a.precision() || a.precision() > AMOUNT_MAX_DIGITS) return false;
        return a.stripTrailingZeros().scale() <= decimals; // at most 64 digits: cheap
    }

    private static Duration expiry(Long seconds, PaymentSettings s, List<FieldError> errors) {
        if (seconds == null) return s.defaultExpiry();
        long min = s.minExpiry().toSeconds();
        long max = s.maxExpiry().toSeconds();
        if (seconds < min || seconds > max || Duration.ofSeconds(seconds).compareTo(s.minExpiry()) < 0) {
            errors.add(new FieldError(
                    "expiresInSeconds",
                    "out_of_range",
                    "must be from " + s.minExpiry().toSeconds() + " to "
                            + s.maxExpiry().toSeconds()));
            return null;
        }
        return Duration.ofSeconds(seconds);
    }

    private static String text(String field, String value, int max, boolean required, List<FieldError> errors) {
        String v = value == null ? null : collapseBlankRuns(value.strip());
        if (v == null || v.isEmpty()) {
            if (required) errors.add(new FieldError(field, "required", "is required"));
            return null;
        }
        FieldError bad = TextRules.check(field, v);
        if (bad != null) {
            errors.add(bad);
            return null;
        }
        if (v.codePointCount(0, v.length()) > max) {
            errors.add(new FieldError(field, "too_long", "must be at most " + max + " characters"));
            return null;
        }
        return v;
    }

    /** Strips {@code + ( ) . -} and spaces; {@code 855…} becomes {@code 0…}; anything else is refused. */
    static String mobile(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) return null;
        String digits = withoutPhonePunctuation(value);
        if (digits.startsWith("855")) digits = "0" + digits.substring(3);
        if (digits.startsWith("00855")) digits = "0" + digits.substring(5);
        if (!KH_MOBILE.matcher(digits).matches()) {
            errors.add(new FieldError(
                    "mobileNumber",
                    "invalid_format",
                    "must be a Cambodian phone number such as 012345678 or +855 12 345 678"));
            return null;
        }
        return digits;
    }

    /**
     * {@code s} with each run of two or more spaces or tabs made one space; {@code s} itself when it
     * has none (the common case, without a regular expression: this runs for every text field).
     */
    static String collapseBlankRuns(String s) {
        int n = s.length();
        int first = -1;
        for (int i = 0; i + 1 < n; i++) {
            if (blank(s.charAt(i)) && blank(s.charAt(i + 1))) {
                first = i;
                break;
            }
        }
        if (first < 0) return s;
        StringBuilder b = new StringBuilder(n).append(s, 0, first);
        for (int i = first; i < n; ) {
            char c = s.charAt(i);
            if (blank(c) && i + 1 < n && blank(s.charAt(i + 1))) {
                b.append(' ');
                while (i < n && blank(s.charAt(i))) i++;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    /** {@code value} without {@code + ( ) . -} and ASCII white space (the regex {@code [+()\s.\-]}). */
    static String withoutPhonePunctuation(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '+', '(', ')', '.', '-', ' ', '\t', '\n', '\u000B', '\f', '\r' -> {}
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String returnUrl(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) return null;
        if (value.length() > 1024) {
            errors.add(new FieldError(
                    "returnUrl", "invalid_format", "must be an absolute http(s) URL of at most 1024 characters"));
            return null;
        }
        FieldError bad = TextRules.check("returnUrl", value.strip());
        if (bad != null) {
            errors.add(bad);
            return null;
        }
        try {
            URI u = new URI(value.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && u.getHost() != null && value.length() <= 1024) {
                return u.toString();
            }
        } catch (java.net.URISyntaxException ignored) {
            // reported below
        }
        errors.add(new FieldError(
                "returnUrl", "invalid_format", "must be an absolute http(s) URL of at most 1024 characters"));
        return null;
    }

    private static boolean hasError(List<FieldError> errors, String... fields) {
        return errors.stream().anyMatch(e -> List.of(fields).contains(e.field()));
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) m.put(k, v);
    }
}
