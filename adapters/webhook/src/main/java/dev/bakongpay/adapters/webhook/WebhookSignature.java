package dev.bakongpay.adapters.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@value #HEADER} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>}.
 * BakongPay signs with it; a shop verifies with it:
 * <pre>{@code
 * boolean genuine = WebhookSignature.verify(secret, request.getHeader("BakongPay-Signature"), rawBody, Instant.now());
 * }</pre>
 * Verification recomputes the HMAC over the raw body exactly as received (before any JSON parsing),
 * compares it in constant time, and rejects timestamps more than the tolerance (default
 * {@link #DEFAULT_TOLERANCE}) away from now, so a captured request cannot be replayed later.
 */
public final class WebhookSignature {
    public static final String HEADER = "BakongPay-Signature";
    public static final String EVENT_ID_HEADER = "BakongPay-Event-Id";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    /** Why a signature was accepted or not. */
    public enum Result {
        VALID,
        /** No header, or it does not look like {@code t=…,v1=…}. */
        MALFORMED,
        /** The timestamp is further from now than the tolerance. */
        STALE,
        /** No {@code v1} matches: another secret, or the body was changed. */
        MISMATCH
    }

    private WebhookSignature() {}

    /** The header value for {@code body} sent at {@code unixSeconds}. */
    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1="
                + HexFormat.of().formatHex(hmac(secret, unixSeconds, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code header} signs {@code body} with {@code secret}, within {@link #DEFAULT_TOLERANCE} of {@code now}. */
    public static boolean verify(String secret, String header, String body, Instant now) {
        return check(secret, header, body.getBytes(StandardCharsets.UTF_8), now, DEFAULT_TOLERANCE) == Result.VALID;
    }

    /** The same on the raw bytes of the body. */
    public static boolean verify(String secret, String header, byte[] body, Instant now) {
        return check(secret, header, body, now, DEFAULT_TOLERANCE) == Result.VALID;
    }

    /**
     * The verdict on {@code header} for {@code body}. Several {@code v1=} entries are allowed (one
     * matching is enough), so a sender can sign with an old and a new secret while rotating.
     */
    public static Result check(String secret, String header, byte[] body, Instant now, Duration tolerance) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(body, "body");
        if (header == null) return Result.MALFORMED;
        Long t = null;
        java.util.List<byte[]> candidates = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String p = part.trim();
            try {
                if (p.startsWith("t=")) t = Long.parseLong(p.substring(2));
                else if (p.startsWith("v1=")) candidates.add(HexFormat.of().parseHex(p.substring(3)));
            } catch (IllegalArgumentException e) { // NumberFormatException included
                return Result.MALFORMED;
            }
        }
        if (t == null || candidates.isEmpty()) return Result.MALFORMED;
        if (Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) return Result.STALE;
        byte[] expected = hmac(secret, t, body);
        boolean match = false;
        for (byte[] candidate : candidates) match |= MessageDigest.isEqual(expected, candidate); // constant time
        return match ? Result.VALID : Result.MISMATCH;
    }

    private static byte[] hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
