package dev.bakongpay.core.khqr.internal;

/**
 * One step of the official SDK's {@code cutString()}, reproduced exactly on indexes: tag = the
 * first two chars, length = JavaScript {@code parseInt} of the next two (so {@code "5a"} reads 5
 * and {@code "ab"} is NaN), value and rest = JavaScript {@code slice} with its clamping and
 * negative-from-the-end rules. The remaining string is always a suffix, so a step only moves
 * {@link #next} forward or leaves it in place: in place is where the SDK loops forever.
 */
final class JsCut {

    static final int NAN = Integer.MIN_VALUE;

    /** Two-char tag as {@code c0 << 16 | c1}; a one-char tag as a negative code. */
    int tag;

    int valueStart;
    int valueEnd;
    int next;

    /** Cuts {@code s[rem, end)}; fills the fields. */
    void cut(String s, int rem, int end) {
        int l = end - rem;
        tag = l >= 2 ? (s.charAt(rem) << 16) | s.charAt(rem + 1) : l == 1 ? -1 - s.charAt(rem) : -1 - 0x10000;
        int len;
        char d0;
        char d1;
        if (l >= 4 && (d0 = s.charAt(rem + 2)) >= '0' && d0 <= '9' && (d1 = s.charAt(rem + 3)) >= '0' && d1 <= '9') {
            len = (d0 - '0') * 10 + (d1 - '0'); // the usual case: two digits
        } else {
            len = parseInt(s, rem + Math.min(2, l), rem + Math.min(4, l));
        }
        int vs = clamp(4, l);
        if (len == NAN) {
            valueStart = valueEnd = rem + vs;
            next = rem;
            return;
        }
        int ve = clamp(4 + len, l);
        valueStart = rem + vs;
        valueEnd = rem + Math.max(ve, vs);
        next = rem + ve;
    }

    static int code(String twoChars) {
        return (twoChars.charAt(0) << 16) | twoChars.charAt(1);
    }

    boolean valueIs(String s, String expected) {
        return valueEnd - valueStart == expected.length() && s.startsWith(expected, valueStart);
    }

    int valueLength() {
        return valueEnd - valueStart;
    }

    private static int clamp(int x, int length) {
        return x < 0 ? Math.max(length + x, 0) : Math.min(x, length);
    }

    /** JavaScript {@code parseInt(s.slice(from, to))} for at most two chars; {@link #NAN} when NaN. */
    static int parseInt(String s, int from, int to) {
        int i = from;
        while (i < to && isJsWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int value = 0;
        int digits = 0;
        while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            value = value * 10 + (s.charAt(i) - '0');
            digits++;
            i++;
        }
        // "0x" would switch parseInt to hex, but two chars leave no room for a hex digit: NaN.
        if (digits == 1 && value == 0 && i < to && (s.charAt(i) == 'x' || s.charAt(i) == 'X')) {
            return NAN;
        }
        return digits == 0 ? NAN : negative ? -value : value;
    }

    /** ECMAScript StrWhiteSpaceChar: WhiteSpace and LineTerminator. */
    static boolean isJsWhitespace(char c) {
        switch (c) {
            case '\t':
            case '\n':
            case 0x0B:
            case '\f':
            case '\r':
            case ' ':
            case 0xA0:
            case 0x1680:
            case 0x2028:
            case 0x2029:
            case 0x202F:
            case 0x205F:
            case 0x3000:
            case 0xFEFF:
                return true;
            default:
                return c >= 0x2000 && c <= 0x200A;
        }
    }
}
