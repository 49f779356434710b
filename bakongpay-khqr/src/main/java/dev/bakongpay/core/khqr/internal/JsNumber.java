package dev.bakongpay.core.khqr.internal;

/**
 * JavaScript {@code Number(string)} for what a timestamp field holds in practice: optional
 * whitespace around an optionally signed run of decimal digits. Other forms JavaScript would
 * also accept ({@code "1e12"}, {@code "0x1F"}, fractions) read as NaN here; the SDK would then
 * differ from us only on such hand-made strings.
 */
final class JsNumber {

    private JsNumber() {}

    static double of(String s, int from, int to) {
        while (from < to && JsCut.isJsWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && JsCut.isJsWhitespace(s.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return 0; // Number("") and Number("  ") are 0
        }
        boolean negative = s.charAt(from) == '-';
        int i = s.charAt(from) == '+' || negative ? from + 1 : from;
        if (i == to || !KhqrVerifier.allDigits(s, i, to)) {
            return Double.NaN;
        }
        if (to - i > 18) {
            return Double.parseDouble(s.substring(from, to));
        }
        long value = 0;
        for (; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return negative ? -value : value;
    }

    /** Length of {@code String(Number(s))} for a plain integer; -1 when not one. */
    static int printedLength(String s, int from, int to) {
        while (from < to && JsCut.isJsWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && JsCut.isJsWhitespace(s.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return 1; // "0"
        }
        boolean negative = s.charAt(from) == '-';
        int i = s.charAt(from) == '+' || negative ? from + 1 : from;
        if (i == to || !KhqrVerifier.allDigits(s, i, to)) {
            return -1;
        }
        while (i < to - 1 && s.charAt(i) == '0') {
            i++;
        }
        int digits = to - i;
        if (digits == 1 && s.charAt(i) == '0') {
            return 1; // -0 prints "0"
        }
        // Beyond 21 digits JavaScript switches to exponent notation; we only need "is it 13".
        return digits > 21 ? -1 : digits + (negative ? 1 : 0);
    }
}
