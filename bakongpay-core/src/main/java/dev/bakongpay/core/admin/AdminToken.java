package dev.bakongpay.core.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The operator's credential for the admin API, {@code /metrics} and the console. Only its SHA-256
 * is kept, so a heap dump or a log of this object shows no usable token, and comparing a presented
 * token takes the same time whatever its content.
 */
public final class AdminToken {
    private static final String BEARER = "Bearer ";
    private final byte[] hash;
    private final String credentialId;

    private AdminToken(String token) {
        this.hash = sha256(token);
        this.credentialId = "admin:" + HexFormat.of().formatHex(hash, 0, 4);
    }

    /** The token as configured; at least 24 characters. */
    public static AdminToken of(String token) {
        Objects.requireNonNull(token, "token");
        if (token.length() < 24) throw new IllegalArgumentException("an admin token has at least 24 characters");
        return new AdminToken(token);
    }

    /** True when the header is {@code Bearer <this token>}; false for null, another scheme or another token. */
    public boolean acceptsAuthorization(String authorizationHeader) {
        if (authorizationHeader == null
                || authorizationHeader.length() <= BEARER.length()
                || !authorizationHeader.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return accepts(authorizationHeader.substring(BEARER.length()).strip());
    }

    /** True when {@code presented} is this token, compared in constant time. */
    public boolean accepts(String presented) {
        return presented != null && MessageDigest.isEqual(hash, sha256(presented));
    }

    /**
     * Names the credential in audit records without revealing it: {@code admin:} and the first
     * eight hex digits of its SHA-256, so two configured tokens can be told apart.
     */
    public String credentialId() {
        return credentialId;
    }

    @Override
    public String toString() {
        return "AdminToken[" + credentialId + "]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
