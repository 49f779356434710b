package dev.bakongpay.core.khqr.internal;

/**
 * UTF-8 exactly as Node's {@code Buffer.from(string)} writes it (a lone surrogate becomes
 * U+FFFD, where Java's {@code getBytes} would write '?'), so CRC and md5 agree with the SDK.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** Most bytes {@code chars} UTF-16 units can need. */
    public static int maxBytes(int chars) {
        return chars * 3;
    }

    /** Writes {@code s} into {@code out} from index 0 (which must hold {@link #maxBytes}); returns the byte count. */
    public static int encode(CharSequence s, byte[] out) {
        int n = s.length();
        int j = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[j++] = (byte) c;
            } else if (c < 0x800) {
                out[j++] = (byte) (0xC0 | (c >> 6));
                out[j++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out[j++] = (byte) (0xF0 | (cp >> 18));
                out[j++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[j++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[j++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                int cp = Character.isSurrogate(c) ? 0xFFFD : c;
                out[j++] = (byte) (0xE0 | (cp >> 12));
                out[j++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[j++] = (byte) (0x80 | (cp & 0x3F));
            }
        }
        return j;
    }
}
