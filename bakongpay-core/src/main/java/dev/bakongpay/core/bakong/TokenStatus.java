package dev.bakongpay.core.bakong;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What is known about the NBC token's lifetime, read from its JWT {@code exp} claim. NBC tokens
 * last about 90 days; a token that is not a JWT has an unknown expiry.
 *
 * @param expiresAt  null when unknown
 * @param checkedAt  the instant the status describes
 * @param renewable  true when a renewal e-mail is configured
 */
public record TokenStatus(Instant expiresAt, Instant checkedAt, boolean renewable) {

    /** Within this window before expiry the client warns in the log (and renews when it can). */
    public static final Duration WARNING_WINDOW = Duration.ofDays(14);

    public TokenStatus {
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    /** Whole days until expiry (negative once expired); empty when unknown. */
    public OptionalLong daysLeft() {
        return expiresAt == null
                ? OptionalLong.empty()
                : OptionalLong.of(
                        Math.floorDiv(Duration.between(checkedAt, expiresAt).toSeconds(), 86_400L));
    }

    public boolean expired() {
        return expiresAt != null && !checkedAt.isBefore(expiresAt);
    }

    /** Known to expire within {@link #WARNING_WINDOW} (or already expired). */
    public boolean expiringSoon() {
        return expiresAt != null && checkedAt.plus(WARNING_WINDOW).isAfter(expiresAt);
    }
}
