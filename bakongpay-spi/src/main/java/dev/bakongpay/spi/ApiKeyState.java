package dev.bakongpay.spi;

/** What an {@link ApiKeyRecord} is at a given moment, derived from its expiry, revocation and the clock. */
public enum ApiKeyState {
    /** Works, with no end set. */
    ACTIVE,
    /** Works until its {@code expiresAt} (a key rotated out, in its grace period). */
    EXPIRING,
    /** Its {@code expiresAt} has passed: refused. */
    EXPIRED,
    /** Revoked: refused. */
    REVOKED;

    /** Whether a key in this state authenticates requests. */
    public boolean usable() {
        return this == ACTIVE || this == EXPIRING;
    }
}
