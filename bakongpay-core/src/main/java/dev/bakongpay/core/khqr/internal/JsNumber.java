package dev.bakongpay.core.khqr.internal;

/**
 * JavaScript {@code Number(string)} for what a timestamp field holds in practice: optional
 * whitespace around an optionally signed run of decimal digits. Other forms JavaScript would
 * also accept ({@code "1e12"}, {@code "0x1F"}, fractions) read as NaN here; the SDK would then
 * differ from us only on such hand-made strings.
 */
final class JsNumber {

    private JsNumber() {
    }

    static double of(String s, int from, int to) {
        int[] core = core(s, from, to);
        if (core == null) {
            return Double.NaN;
        }
        if (core[0] == core[1]) {
            return 0; // Number("") and Number("  ") are 0
        }
        return Double.parseDouble(s.substring(core[0], core[1]));
    }

    /** Length of {@code String(Number(s))} for a plain integer; -1 when not one. */
    static int printedLength(String s, int from, int to) {
        int[] core = core(s, from, to);
        if (core == null) {
            return -1;
        }
        int i = core[0];
        boolean negative = false;
        if (i < core[1] && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        while (i < core[1] - 1 && s.charAt(i) == '0') {
            i++;
        }
        int digits = core[1] - i;
        if (digits == 1 && s.charAt(i) == '0') {
            return 1; // -0 prints "0"
        }
        // Beyond 21 digits JavaScript switches to exponent notation; we only need "is it 13".
        return digits > 21 ? -1 : digits + (negative ? 1 : 0);
    }

    /** {start, end} of the trimmed text when it is [+-]?digits (or empty); null otherwise. */
    private static int[] core(String s, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && JsCut.isJsWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && JsCut.isJsWhitespace(s.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return new int[] {start, end};
        }
        int i = start;
        if (s.charAt(i) == '+' || s.charAt(i) == '-') {
            i++;
        }
        if (i == end || !KhqrVerifier.allDigits(s, i, end)) {
            return null;
        }
        return new int[] {start, end};
    }
}
