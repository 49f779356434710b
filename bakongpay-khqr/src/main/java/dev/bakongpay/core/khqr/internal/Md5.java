package dev.bakongpay.core.khqr.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * MD5 as lower-case hex. One {@link MessageDigest} and one byte buffer per thread: creating a
 * digest costs more than hashing a QR, and the buffer saves allocating and zeroing ~700 bytes
 * per call.
 */
public final class Md5 {

    private static final byte[] HEX_LOWER = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private Md5() {
    }

    /** Per-thread working memory; use within one call only. */
    public static final class Scratch {
        final MessageDigest digest = newDigest();
        private final byte[] out = new byte[16];
        private byte[] buffer = new byte[1024];
        private char[] chars = new char[0];

        /** A char buffer of at least {@code size}, reused by the encoder. */
        public char[] chars(int size) {
            if (chars.length < size) {
                chars = new char[size];
            }
            return chars;
        }

        public byte[] buffer(int size) {
            if (buffer.length < size) {
                buffer = new byte[Math.max(size, buffer.length * 2)];
            }
            return buffer;
        }

        public String hex(byte[] bytes, int offset, int length) {
            digest.update(bytes, offset, length);
            byte[] d = out;
            try {
                digest.digest(d, 0, 16);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException(e); // cannot happen: 16 bytes is MD5's length
            }
            byte[] hex = new byte[32];
            for (int i = 0; i < 16; i++) {
                hex[2 * i] = HEX_LOWER[(d[i] >> 4) & 0xF];
                hex[2 * i + 1] = HEX_LOWER[d[i] & 0xF];
            }
            return new String(hex, StandardCharsets.ISO_8859_1);
        }
    }

    public static Scratch scratch() {
        return SCRATCH.get();
    }

    public static String hex(CharSequence s) {
        Scratch scratch = SCRATCH.get();
        byte[] bytes = scratch.buffer(Utf8.maxBytes(s.length()));
        return scratch.hex(bytes, 0, Utf8.encode(s, bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide MD5 (java.security.MessageDigest javadoc).
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }
}
