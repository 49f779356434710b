package dev.bakongpay.core.bakong.internal;

import dev.bakongpay.core.bakong.BakongClient.CircuitState;
import dev.bakongpay.core.bakong.CircuitOpenException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closed → (threshold consecutive failures) → open → (open duration elapsed on the clock) →
 * half-open: one trial call; success closes, failure opens again. Time comes from the Clock so
 * tests move it instead of waiting.
 */
final class CircuitBreaker {

    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

    private final int threshold;
    private final Duration openDuration;
    private final Clock clock;
    private CircuitState state = CircuitState.CLOSED;
    private int failures;
    private Instant openedAt;
    private boolean trialRunning;

    CircuitBreaker(int threshold, Duration openDuration, Clock clock) {
        this.threshold = threshold;
        this.openDuration = openDuration;
        this.clock = clock;
    }

    /** Lets a call through or throws; a permitted half-open call must end in a record* call. */
    synchronized void acquire() {
        if (state == CircuitState.OPEN) {
            Duration left = Duration.between(clock.instant(), openedAt.plus(openDuration));
            if (!left.isNegative() && !left.isZero()) {
                throw new CircuitOpenException(left);
            }
            state = CircuitState.HALF_OPEN;
            trialRunning = false;
        }
        if (state == CircuitState.HALF_OPEN) {
            if (trialRunning) {
                throw new CircuitOpenException(Duration.ZERO);
            }
            trialRunning = true;
            LOG.info("Bakong circuit half-open: letting one trial call through to NBC");
        }
    }

    synchronized void recordSuccess() {
        if (state != CircuitState.CLOSED) {
            LOG.info("Bakong circuit closed: NBC answers again");
        }
        state = CircuitState.CLOSED;
        failures = 0;
        trialRunning = false;
    }

    synchronized void recordFailure() {
        failures++;
        if (state == CircuitState.HALF_OPEN || (state == CircuitState.CLOSED && failures >= threshold)) {
            state = CircuitState.OPEN;
            openedAt = clock.instant();
            trialRunning = false;
            LOG.warn(
                    "Bakong circuit open after {} consecutive failures: calls to NBC suspended for {} s",
                    failures,
                    openDuration.toSeconds());
        }
    }

    /** A call that ended without telling whether NBC works (e.g. interrupted): frees the trial slot. */
    synchronized void recordNeutral() {
        trialRunning = false;
    }

    synchronized CircuitState state() {
        if (state == CircuitState.OPEN && !clock.instant().isBefore(openedAt.plus(openDuration))) {
            return CircuitState.HALF_OPEN;
        }
        return state;
    }
}
