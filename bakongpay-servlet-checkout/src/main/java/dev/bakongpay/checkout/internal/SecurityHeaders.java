package dev.bakongpay.checkout.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The headers every checkout answer carries. The page is a payment screen: it must not be framed
 * (clickjacking a "pay" card), cached (a shared device showing someone's payment), leak its URL
 * (the id is the only key) or run any script but its own. Only the bundled font, which holds
 * nothing of anyone's, is cacheable.
 */
public final class SecurityHeaders {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final String frameAncestors;

    /** @param frameAncestors CSP frame-ancestors sources allowed to frame the page; null or blank for none */
    public SecurityHeaders(String frameAncestors) {
        this.frameAncestors = frameAncestors == null || frameAncestors.isBlank() ? null : frameAncestors.strip();
    }

    /** A fresh nonce for one HTML answer. */
    public static String nonce() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /** Headers of an HTML page whose inline style and script carry {@code nonce}. */
    public void page(HttpServletResponse r, String nonce) {
        common(
                r,
                "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-" + nonce + "'; "
                        + "img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; ");
    }

    /**
     * Headers of a bundled file whose name carries a hash of its bytes (the web font): it never
     * changes under that name, so any cache may keep it for a year without asking again.
     */
    public void immutableAsset(HttpServletResponse r) {
        r.setHeader("Content-Security-Policy", "default-src 'none'");
        r.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        r.setHeader("X-Content-Type-Options", "nosniff");
        r.setHeader("Referrer-Policy", "no-referrer");
    }

    /** Headers of a JSON or image answer, which never runs anything. */
    public void data(HttpServletResponse r) {
        common(r, "default-src 'none'; ");
    }

    private void common(HttpServletResponse r, String csp) {
        r.setHeader(
                "Content-Security-Policy",
                csp + "frame-ancestors " + (frameAncestors == null ? "'none'" : frameAncestors));
        if (frameAncestors == null) r.setHeader("X-Frame-Options", "DENY"); // for browsers without frame-ancestors
        r.setHeader("Cache-Control", "no-store");
        r.setHeader("Referrer-Policy", "no-referrer");
        r.setHeader("X-Content-Type-Options", "nosniff");
    }
}
