package dev.bakongpay.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * 429: the key's plan allows no more requests now. Thrown once the client's own retries are spent, or
 * at once when the server asks for a longer wait than the client is allowed to sleep.
 */
public final class RateLimitException extends BakongPayException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    RateLimitException(String code, String message, List<Detail> details, String requestId, Duration retryAfter) {
        super(429, code, message, details, requestId);
        this.retryAfter = retryAfter;
    }

    /** The answer's {@code Retry-After}: how long until the key may call again. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
