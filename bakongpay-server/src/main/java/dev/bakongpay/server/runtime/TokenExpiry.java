package dev.bakongpay.server.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When an NBC token expires. NBC's tokens are JWTs that live 90 days; the server reports the days
 * left in {@code /health} and its start-up log so an operator renews in time. Only the {@code exp}
 * claim is read; the signature is NBC's business, not ours.
 */
public final class TokenExpiry {
    private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)");

    private TokenExpiry() {}

    /** The expiry of a JWT, or empty when the token is no JWT or has no {@code exp}. */
    public static Optional<Instant> of(String token) {
        if (token == null) return Optional.empty();
        String[] parts = token.split("\\.");
        if (parts.length < 2) return Optional.empty();
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            Matcher m = EXP.matcher(payload);
            return m.find() ? Optional.of(Instant.ofEpochSecond(Long.parseLong(m.group(1)))) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whole days left (negative once expired), or empty when unknown. */
    public static Optional<Long> daysLeft(String token, Clock clock) {
        return of(token).map(exp -> Math.floorDiv(Duration.between(clock.instant(), exp).toSeconds(), 86_400L));
    }
}
