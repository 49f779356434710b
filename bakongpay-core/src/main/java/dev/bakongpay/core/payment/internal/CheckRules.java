package dev.bakongpay.core.payment.internal;

import dev.bakongpay.core.payment.FieldError;
import dev.bakongpay.core.payment.PaymentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks of what the check endpoints receive: md5s (any case in, lower case out) and hashes. */
public final class CheckRules {
    private CheckRules() {}

    /** Exactly {@code length} hex digits, either case (a loop: a regex matcher per check showed in profiles). */
    private static boolean hex(String value, int length) {
        if (value.length() != length) return false;
        for (int i = 0; i < length; i++) {
            if (!java.util.HexFormat.isHexDigit(value.charAt(i))) return false;
        }
        return true;
    }

    /** The md5 in lower case; refuses a missing or malformed one, naming {@code field}. */
    public static String md5(String value, String field) {
        if (value == null || value.isBlank()) throw new PaymentException.Invalid(field, "required", "is required");
        if (!hex(value.strip(), 32))
            throw new PaymentException.Invalid(field, "invalid_format", "must be 32 hex digits");
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /** A Bakong payment hash in lower case. */
    public static String hash(String value, String field) {
        if (!hex(value, 64))
            throw new PaymentException.Invalid(field, "invalid_format", "must be 64 hex digits for type hash");
        return value.toLowerCase(Locale.ROOT);
    }

    /** 1 to {@code limit} well-formed md5s, lower-cased, duplicates kept once; every bad entry reported. */
    public static List<String> md5List(List<String> md5s, int limit) {
        if (md5s == null || md5s.isEmpty())
            throw new PaymentException.Invalid("md5s", "required", "must list 1 to " + limit + " md5s");
        if (md5s.size() > limit) {
            throw new PaymentException.Invalid(
                    "md5s", "too_many", "must list at most " + limit + " md5s, got " + md5s.size());
        }
        List<FieldError> errors = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < md5s.size(); i++) {
            String m = md5s.get(i);
            if (m == null || !hex(m.strip(), 32)) {
                errors.add(new FieldError("md5s[" + i + "]", "invalid_format", "must be 32 hex digits"));
            } else if (!out.contains(m.strip().toLowerCase(Locale.ROOT))) {
                out.add(m.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (!errors.isEmpty()) throw new PaymentException.Invalid(errors);
        return out;
    }
}
