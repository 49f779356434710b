package dev.bakongpay.core.khqr.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * MD5 as lower-case hex. Each call clones a prototype digest: looking MD5 up by name costs more
 * than hashing a QR, a clone only copies its few words of state, and nothing is kept per thread.
 */
public final class Md5 {

    private static final MessageDigest PROTOTYPE = newDigest();
    private static final HexFormat HEX = HexFormat.of();

    private Md5() {
    }

    /** MD5 of the parts, one after the other. */
    public static String hex(byte[]... parts) {
        MessageDigest digest = digest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return HEX.formatHex(digest.digest());
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
