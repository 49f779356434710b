package dev.bakongpay.core.khqr.internal;

/**
 * CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR) over UTF-8 bytes,
 * as the official SDK computes tag 63. Table-driven; the char variant encodes UTF-8 on the fly so
 * verify() allocates nothing.
 */
public final class Crc16 {

    private static final char[] TABLE = new char[256];
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            TABLE[i] = (char) (crc & 0xFFFF);
        }
    }

    private Crc16() {
    }

    public static int of(byte[] bytes, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset, end = offset + length; i < end; i++) {
            crc = (TABLE[((crc >>> 8) ^ bytes[i]) & 0xFF] ^ (crc << 8)) & 0xFFFF;
        }
        return crc;
    }

    /** CRC of the UTF-8 encoding of {@code s[from, to)}; a lone surrogate counts as U+FFFD, as in Node's Buffer. */
    public static int of(CharSequence s, int from, int to) {
        int crc = 0xFFFF;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                crc = step(crc, c);
            } else if (c < 0x800) {
                crc = step(step(crc, 0xC0 | (c >> 6)), 0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                crc = step(crc, 0xF0 | (cp >> 18));
                crc = step(crc, 0x80 | ((cp >> 12) & 0x3F));
                crc = step(crc, 0x80 | ((cp >> 6) & 0x3F));
                crc = step(crc, 0x80 | (cp & 0x3F));
            } else {
                int cp = Character.isSurrogate(c) ? 0xFFFD : c;
                crc = step(crc, 0xE0 | (cp >> 12));
                crc = step(crc, 0x80 | ((cp >> 6) & 0x3F));
                crc = step(crc, 0x80 | (cp & 0x3F));
            }
        }
        return crc;
    }

    private static int step(int crc, int b) {
        return (TABLE[((crc >>> 8) ^ b) & 0xFF] ^ (crc << 8)) & 0xFFFF;
    }

    /** Four upper-case hex digits, zero-padded. */
    public static String hex(int crc) {
        return new String(new char[] {
            HEX_UPPER[(crc >> 12) & 0xF], HEX_UPPER[(crc >> 8) & 0xF], HEX_UPPER[(crc >> 4) & 0xF], HEX_UPPER[crc & 0xF]
        });
    }

    /** Whether the four chars at {@code s[at, at+4)} spell {@code crc} in hex, either case. */
    public static boolean matches(CharSequence s, int at, int crc) {
        for (int k = 0; k < 4; k++) {
            int digit = Character.digit(s.charAt(at + k), 16);
            if (digit != ((crc >> (12 - 4 * k)) & 0xF)) {
                return false;
            }
        }
        return true;
    }
}
