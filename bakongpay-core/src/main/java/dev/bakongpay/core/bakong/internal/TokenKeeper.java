package dev.bakongpay.core.bakong.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bakongpay.core.bakong.TokenStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds NBC's token, knows when it expires (JWT {@code exp}), warns before it does and swaps in
 * a renewed one atomically. Renewal itself is a call the client passes in.
 */
final class TokenKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(TokenKeeper.class);
    private static final Duration WARN_EVERY = Duration.ofHours(24);
    private static final Duration RENEW_ATTEMPT_EVERY = Duration.ofHours(1);

    private record Token(String value, Instant expiresAt) {}

    private final AtomicReference<Token> token;
    private final String renewalEmail;
    private final Clock clock;
    private final Function<String, String> renewCall;
    private Instant lastWarning;
    private Instant lastProactiveAttempt;

    /** @param renewCall e-mail → new token; throws when NBC refuses */
    TokenKeeper(String initial, String renewalEmail, Clock clock, Function<String, String> renewCall) {
        this.token = new AtomicReference<>(new Token(initial, expiry(initial).orElse(null)));
        this.renewalEmail = renewalEmail;
        this.clock = clock;
        this.renewCall = renewCall;
    }

    /** The JWT {@code exp} claim; empty for anything that is not a JWT with a numeric exp. */
    static Optional<Instant> expiry(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1].replace("=", ""));
            JsonNode exp = NbcJson.MAPPER
                    .readTree(new String(payload, StandardCharsets.UTF_8))
                    .path("exp");
            return exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.longValue())) : Optional.empty();
        } catch (Exception e) { // any malformed token: expiry unknown, never a failure
            return Optional.empty();
        }
    }

    String current() {
        return token.get().value();
    }

    boolean renewable() {
        return renewalEmail != null;
    }

    TokenStatus status() {
        return new TokenStatus(token.get().expiresAt(), clock.instant(), renewable());
    }

    /** Renews now, whatever the expiry. */
    synchronized TokenStatus renew() {
        if (renewalEmail == null) {
            throw new IllegalStateException("no renewal e-mail is configured for the NBC token");
        }
        String fresh = renewCall.apply(renewalEmail);
        Token next = new Token(fresh, expiry(fresh).orElse(null));
        token.set(next);
        lastWarning = null;
        LOG.info(
                "NBC token renewed through renew_token; it expires at {}",
                next.expiresAt() == null ? "an unknown time (not a JWT)" : next.expiresAt());
        return status();
    }

    /**
     * After NBC refused {@code rejected}: renews unless another thread already did, and answers
     * the token to retry with, or null when renewal is not configured.
     */
    synchronized String renewAfterRejection(String rejected) {
        if (renewalEmail == null) {
            return null;
        }
        if (!current().equals(rejected)) {
            return current();
        }
        LOG.warn("NBC refused the token as unauthorized; renewing it through renew_token");
        renew();
        return current();
    }

    /** Before each call: warns (daily) near expiry and renews ahead of time (hourly tries) when it can. */
    void beforeCall() {
        TokenStatus status = status();
        if (!status.expiringSoon()) {
            return;
        }
        synchronized (this) {
            Instant now = clock.instant();
            if (renewalEmail != null
                    && (lastProactiveAttempt == null
                            || !now.isBefore(lastProactiveAttempt.plus(RENEW_ATTEMPT_EVERY)))) {
                lastProactiveAttempt = now;
                try {
                    renew();
                    return;
                } catch (RuntimeException e) {
                    LOG.warn(
                            "renewing the NBC token ahead of its expiry failed; the current token is kept: {}",
                            e.getMessage());
                }
            }
            if (lastWarning == null || !now.isBefore(lastWarning.plus(WARN_EVERY))) {
                lastWarning = now;
                LOG.warn(
                        "the NBC token {} at {} ({} days left); {}",
                        status.expired() ? "expired" : "expires",
                        status.expiresAt(),
                        status.daysLeft().orElse(0),
                        renewalEmail == null
                                ? "request a new token from NBC and set BAKONGPAY_BAKONG_TOKEN, or configure a renewal e-mail"
                                : "automatic renewal has not succeeded yet");
            }
        }
    }
}
