package dev.bakongpay.core.bakong.internal;

import java.time.Duration;

/**
 * The end of one upstream operation's time budget, on the monotonic {@link System#nanoTime()}
 * (never the configurable Clock: a test clock that stands still must not make calls endless).
 * Every attempt, backoff and wait of the operation is capped by {@link #remaining()}.
 */
final class Deadline {

    private final long endNanos;
    private final Duration budget;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    static Deadline after(Duration budget) {
        return new Deadline(budget);
    }

    /** Time left, never negative. */
    Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** The whole budget, for messages. */
    Duration budget() {
        return budget;
    }
}
