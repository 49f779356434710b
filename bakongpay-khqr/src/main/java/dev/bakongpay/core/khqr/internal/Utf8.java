package dev.bakongpay.core.khqr.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The codec's one UTF-8 encoder: bytes exactly as Node's {@code Buffer.from(string)} writes them,
 * so CRC and md5 agree with the SDK. The JDK's encoder (vectorised for ASCII) writes the same bytes
 * for every string except one holding a lone surrogate, where it writes {@code '?'} and Node
 * U+FFFD; a string whose bytes hold a {@code '?'} is therefore encoded again by hand.
 */
public final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUESTION_MARKS = ONES * '?';

    private Utf8() {}

    public static byte[] encode(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        // a '?' is a lone surrogate, or one of the string's own: either way the by-hand path is exact
        return hasQuestionMark(bytes) ? nodeExact(s) : bytes;
    }

    /** Eight bytes at a time: {@code x ^ '?'} has a zero byte exactly where a '?' was, and the test finds any zero byte. */
    static boolean hasQuestionMark(byte[] bytes) {
        int i = 0;
        for (; i + 8 <= bytes.length; i += 8) {
            long x = (long) LONGS.get(bytes, i) ^ QUESTION_MARKS;
            if (((x - ONES) & ~x & HIGH_BITS) != 0) {
                return true;
            }
        }
        for (; i < bytes.length; i++) {
            if (bytes[i] == '?') {
                return true;
            }
        }
        return false;
    }

    private static byte[] nodeExact(String s) {
        byte[] out = new byte[s.length() * 3]; // a UTF-16 unit needs at most 3 bytes, a pair 4 for its 2 units
        return Arrays.copyOf(out, encodeInto(s, 0, out, 0));
    }

    /**
     * Writes {@code s} from char {@code from} as UTF-8 into {@code out} at {@code at}, a lone surrogate
     * as U+FFFD (as Node.js does); returns the position after the last byte. {@code out} must have
     * room for three bytes per char.
     */
    static int encodeInto(String s, int from, byte[] out, int at) {
        int n = s.length();
        int j = at;
        for (int i = from; i < n; i++) {
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
