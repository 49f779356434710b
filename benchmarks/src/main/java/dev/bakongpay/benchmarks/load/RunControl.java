package dev.bakongpay.benchmarks.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bounds every worker obeys: the end time, the request cap and the error cap. The first bound
 * hit stops all workers and is named in the report.
 */
final class RunControl {

    final long measureStartNanos;
    final long endNanos;
    private final long maxRequests;
    private final long maxErrors;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    private volatile long stoppedAtNanos;

    RunControl(long startNanos, long warmupNanos, long durationNanos, long maxRequests, long maxErrors) {
        this.measureStartNanos = startNanos + warmupNanos;
        this.endNanos = measureStartNanos + durationNanos;
        this.maxRequests = maxRequests;
        this.maxErrors = maxErrors;
    }

    /** Whether a worker may start one more request; claims it against the request cap. */
    boolean mayStart() {
        if (stopReason.get() != null) {
            return false;
        }
        long now = System.nanoTime();
        if (now - endNanos >= 0) {
            stop("duration reached", now);
            return false;
        }
        if (started.incrementAndGet() > maxRequests) {
            stop("--max-requests reached", now);
            return false;
        }
        return true;
    }

    void countError() {
        if (errors.incrementAndGet() >= maxErrors) {
            stop("--max-errors reached", System.nanoTime());
        }
    }

    private void stop(String reason, long now) {
        if (stopReason.compareAndSet(null, reason)) {
            stoppedAtNanos = now;
        }
    }

    String stopReason() {
        return stopReason.get() == null ? "not stopped" : stopReason.get();
    }

    /** Seconds between the end of warm-up and the stop (0 if the run stopped during warm-up). */
    double measuredSeconds() {
        long stop = stopReason.get() == null ? System.nanoTime() : stoppedAtNanos;
        return Math.max(0, stop - measureStartNanos) / 1e9;
    }
}
