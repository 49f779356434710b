package dev.bakongpay.core.khqr.internal;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * MD5 as lower-case hex. Each call clones a prototype digest: looking MD5 up by name costs more
 * than hashing a QR, a clone only copies its few words of state, and nothing is kept per thread.
 */
public final class Md5 {

    private static final MessageDigest PROTOTYPE = newDigest();
    private static final byte[] HEX_LOWER = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Md5() {}

    public static String hex(byte[] bytes) {
        return hex(bytes, 0, bytes.length);
    }

    /** MD5 of {@code bytes[offset, offset+length)}. */
    public static String hex(byte[] bytes, int offset, int length) {
        MessageDigest digest = digest();
        digest.update(bytes, offset, length);
        // The digest goes into the second half of the hex array and is spread out from the front
        // by table: byte i is read before digits 2i and 2i+1 overwrite anything not yet read.
        // (HexFormat and a separate digest array cost about as much again on a QR's hot path.)
        byte[] hex = new byte[32];
        try {
            digest.digest(hex, 16, 16);
        } catch (DigestException e) {
            throw new IllegalStateException(e); // cannot happen: 16 bytes is MD5's length
        }
        for (int i = 0; i < 16; i++) {
            int b = hex[16 + i];
            hex[2 * i] = HEX_LOWER[(b >> 4) & 0xF];
            hex[2 * i + 1] = HEX_LOWER[b & 0xF];
        }
        return new String(hex, StandardCharsets.ISO_8859_1);
    }

    private static MessageDigest digest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newDigest(); // not with the JDK's provider, whose MD5 is cloneable
        }
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
