package dev.bakongpay.core.payment.internal;

import dev.bakongpay.core.payment.FieldError;
import java.util.Locale;

/**
 * The characters a free-text field may hold. Refused, each with its own detail code:
 * <ul>
 *   <li>{@code invalid_characters}: C0 and C1 control characters, DEL, and the line and
 *       paragraph separators U+2028/U+2029 (a bank app shows one line);</li>
 *   <li>{@code bidi_control}: the embedding, override and isolate controls U+202A–U+202E and
 *       U+2066–U+2069, which make a name read differently from what it holds;</li>
 *   <li>{@code unpaired_surrogate}: half of a UTF-16 surrogate pair, which UTF-8 cannot carry
 *       (the KHQR's CRC and md5 would differ between readers);</li>
 *   <li>{@code invisible_only}: a value with no visible character once spaces and invisible
 *       characters are set aside (zero-width space and joiners U+200B–U+200D, U+2060, U+FEFF,
 *       soft hyphen U+00AD, no-break spaces, other format characters, variation selectors,
 *       fillers such as U+3164, the Khmer inherent vowels U+17B4/U+17B5).</li>
 * </ul>
 * Invisible characters inside visible text are kept: Khmer writes U+200B between words and
 * emoji need U+200D. One pass over the chars, no regular expression.
 */
public final class TextRules {
    private TextRules() {}

    /** The first rule {@code value} breaks, or null when it is acceptable text. */
    public static FieldError check(String field, String value) {
        boolean visible = false;
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                visible |= !invisible(cp);
                continue;
            }
            if (Character.isSurrogate(c)) {
                return new FieldError(
                        field,
                        "unpaired_surrogate",
                        "must be valid Unicode text; found an unpaired " + "surrogate " + hex(c) + " at character "
                                + (i + 1));
            }
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029) {
                return new FieldError(
                        field,
                        "invalid_characters",
                        "must not contain control characters or line breaks; " + "found " + hex(c) + " at character "
                                + (i + 1));
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return new FieldError(
                        field,
                        "bidi_control",
                        "must not contain bidirectional embedding, override or " + "isolate characters; found " + hex(c)
                                + " at character " + (i + 1));
            }
            visible |= !invisible(c);
        }
        if (!visible) {
            return new FieldError(
                    field,
                    "invisible_only",
                    "must contain a visible character; it holds only spaces " + "or invisible characters");
        }
        return null;
    }

    /** Spaces, format characters (Cf) and the other default-ignorable code points. */
    static boolean invisible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) return true;
        int type = Character.getType(cp);
        if (type == Character.FORMAT) return true; // U+00AD, U+200B–U+200F, U+2060–U+2064, U+FEFF, tags…
        return cp == 0x034F
                || cp == 0x115F
                || cp == 0x1160
                || cp == 0x17B4
                || cp == 0x17B5
                || (cp >= 0x180B && cp <= 0x180F)
                || cp == 0x3164
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || cp == 0xFFA0
                || cp == 0x2800
                || (cp >= 0xE0000 && cp <= 0xE0FFF);
    }

    private static String hex(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
