package dev.bakongpay.core.khqr.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** MD5 as lower-case hex; one {@link MessageDigest} per thread because creating one costs more than hashing a QR. */
public final class Md5 {

    private static final byte[] HEX_LOWER = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(Md5::newDigest);

    private Md5() {
    }

    public static String hex(byte[] bytes, int offset, int length) {
        MessageDigest md = DIGEST.get();
        md.update(bytes, offset, length);
        byte[] digest = md.digest();
        byte[] hex = new byte[32];
        for (int i = 0; i < 16; i++) {
            hex[2 * i] = HEX_LOWER[(digest[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX_LOWER[digest[i] & 0xF];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    public static String hex(CharSequence s) {
        int[] length = new int[1];
        byte[] bytes = Utf8.encode(s, 0, length);
        return hex(bytes, 0, length[0]);
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
