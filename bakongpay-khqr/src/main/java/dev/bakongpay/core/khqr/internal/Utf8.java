package dev.bakongpay.core.khqr.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The codec's one UTF-8 encoder: bytes exactly as Node's {@code Buffer.from(string)} writes them,
 * so CRC and md5 agree with the SDK. The JDK's encoder (vectorised for ASCII) writes the same bytes
 * for every string except one holding a lone surrogate, where it writes {@code '?'} and Node
 * U+FFFD; a string whose bytes hold a {@code '?'} is therefore encoded again by hand.
 */
public final class Utf8 {

    private Utf8() {
    }

    public static byte[] encode(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            if (b == '?') {
                return nodeExact(s); // a lone surrogate, or a '?' of the string's own
            }
        }
        return bytes;
    }

    private static byte[] nodeExact(String s) {
        int n = s.length();
        byte[] out = new byte[n * 3]; // a UTF-16 unit needs at most 3 bytes, a pair 4 for its 2 units
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
        return Arrays.copyOf(out, j);
    }
}
