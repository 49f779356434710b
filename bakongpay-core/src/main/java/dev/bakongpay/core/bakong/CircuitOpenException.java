package dev.bakongpay.core.bakong;

import java.time.Duration;
import java.util.Objects;

/**
 * Calls to NBC are suspended after repeated failures; nothing was sent. Thrown without a stack
 * trace: during an outage it is thrown for every request and the trace says nothing.
 */
public class CircuitOpenException extends UpstreamException {

    private final Duration retryAfter;

    public CircuitOpenException(Duration retryAfter) {
        super(
                "calls to NBC are suspended after repeated failures; next try in "
                        + Objects.requireNonNull(retryAfter, "retryAfter").toSeconds() + " s",
                false);
        this.retryAfter = retryAfter;
    }

    /** How long until a trial call is let through; zero when a trial call is already running. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
