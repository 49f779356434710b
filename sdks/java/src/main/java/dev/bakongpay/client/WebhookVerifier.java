package dev.bakongpay.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the {@value #SIGNATURE_HEADER} header of a webhook BakongPay sent:
 * {@code t=<unix seconds>,v1=<lowercase hex HMAC-SHA256(secret, "<t>.<raw body>")>}, one or more
 * {@code v1} (one matching is enough, so a secret can be rotated). Verify the raw body as received,
 * before any JSON parsing; then dedupe by {@value #EVENT_ID_HEADER}.
 */
public final class WebhookVerifier {
    public static final String SIGNATURE_HEADER = "BakongPay-Signature";
    public static final String EVENT_ID_HEADER = "BakongPay-Event-Id";
    /** How far the signed timestamp may be from now: further, and a captured request could be replayed. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** The outcome of a check. */
    public enum Verdict {
        VALID,
        /** No header, or not {@code t=…,v1=…}. */
        MALFORMED,
        /** Signed further than the tolerance from now. */
        STALE,
        /** Signed with another secret, or the body or timestamp was changed. */
        MISMATCH
    }

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})+");

    private WebhookVerifier() {}

    /** Whether the webhook is genuine and fresh (within {@link #TOLERANCE} of {@code now}). */
    public static boolean verify(String secret, String signatureHeader, byte[] rawBody, Instant now) {
        return check(secret, signatureHeader, rawBody, now, TOLERANCE) == Verdict.VALID;
    }

    /** The verdict, for logging why a webhook was refused. */
    public static Verdict check(
            String secret, String signatureHeader, byte[] rawBody, Instant now, Duration tolerance) {
        if (signatureHeader == null) return Verdict.MALFORMED;
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : signatureHeader.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) continue;
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equals("t")) timestamp = value;
            else if (key.equals("v1")) signatures.add(value);
        }
        if (timestamp == null || !DIGITS.matcher(timestamp).matches() || signatures.isEmpty()) return Verdict.MALFORMED;
        if (!signatures.stream().allMatch(s -> HEX.matcher(s).matches())) return Verdict.MALFORMED;
        if (Math.abs(now.getEpochSecond() - Long.parseLong(timestamp)) > tolerance.toSeconds()) return Verdict.STALE;
        byte[] expected = hmacSha256(secret, (timestamp + ".").getBytes(StandardCharsets.US_ASCII), rawBody);
        boolean matched = false;
        for (String signature : signatures) {
            // every candidate is compared, in constant time, so timing tells nothing about which matched
            matched |= MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature));
        }
        return matched ? Verdict.VALID : Verdict.MISMATCH;
    }

    private static byte[] hmacSha256(String secret, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no HmacSHA256", e);
        }
    }
}
