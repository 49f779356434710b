package dev.bakongpay.core.khqr.internal;

import java.util.HexFormat;

/**
 * CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR) over the UTF-8 bytes
 * of {@link Utf8}, as the official SDK computes tag 63. One implementation, over bytes only.
 */
public final class Crc16 {

    private static final HexFormat HEX_UPPER = HexFormat.of().withUpperCase();
    /**
     * Slicing-by-8: {@code T[k][i]} is byte i followed by k zero bytes, run through the CRC. Eight
     * independent lookups per 8 bytes instead of a chain of 8 dependent ones: about 4x faster.
     */
    private static final char[][] T = new char[8][256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            T[0][i] = (char) (crc & 0xFFFF);
        }
        for (int k = 1; k < 8; k++) {
            for (int i = 0; i < 256; i++) {
                int prev = T[k - 1][i];
                T[k][i] = (char) (((prev << 8) & 0xFFFF) ^ T[0][prev >> 8]);
            }
        }
    }

    private Crc16() {}

    public static int of(byte[] bytes, int offset, int length) {
        int crc = 0xFFFF;
        int i = offset;
        int end = offset + length;
        char[] t0 = T[0], t1 = T[1], t2 = T[2], t3 = T[3], t4 = T[4], t5 = T[5], t6 = T[6], t7 = T[7];
        for (; i + 8 <= end; i += 8) {
            int hi = ((crc >> 8) ^ bytes[i]) & 0xFF;
            int lo = (crc ^ bytes[i + 1]) & 0xFF;
            crc = t7[hi]
                    ^ t6[lo]
                    ^ t5[bytes[i + 2] & 0xFF]
                    ^ t4[bytes[i + 3] & 0xFF]
                    ^ t3[bytes[i + 4] & 0xFF]
                    ^ t2[bytes[i + 5] & 0xFF]
                    ^ t1[bytes[i + 6] & 0xFF]
                    ^ t0[bytes[i + 7] & 0xFF];
        }
        for (; i < end; i++) {
            crc = (t0[((crc >>> 8) ^ bytes[i]) & 0xFF] ^ (crc << 8)) & 0xFFFF;
        }
        return crc;
    }

    /** Four upper-case hex digits, zero-padded. */
    public static String hex(int crc) {
        return HEX_UPPER.toHexDigits((short) crc);
    }

    /** Whether the four chars at {@code s[at, at+4)} spell {@code crc} in hex, either case. */
    public static boolean matches(CharSequence s, int at, int crc) {
        for (int k = at; k < at + 4; k++) {
            if (!HexFormat.isHexDigit(s.charAt(k))) {
                return false;
            }
        }
        return HexFormat.fromHexDigits(s, at, at + 4) == crc;
    }
}
