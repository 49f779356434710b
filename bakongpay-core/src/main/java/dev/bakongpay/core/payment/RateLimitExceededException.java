package dev.bakongpay.core.payment;

import dev.bakongpay.core.BakongPayException;
import dev.bakongpay.spi.RateLimitDecision;
import java.util.Objects;

/** A key used up its plan's requests (HTTP 429). A normal refusal: no stack trace. */
public final class RateLimitExceededException extends BakongPayException {
    private final RateLimitDecision decision;

    public RateLimitExceededException(RateLimitDecision decision) {
        super(
                "Rate limit of " + decision.limit() + " requests exceeded; retry in " + decision.retryAfterSeconds()
                        + " s",
                false);
        this.decision = Objects.requireNonNull(decision, "decision");
        if (decision.allowed()) throw new IllegalArgumentException("decision must be a denial");
    }

    public RateLimitDecision decision() {
        return decision;
    }
}
