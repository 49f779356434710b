package dev.bakongpay.simulator;

import java.time.Duration;

/**
 * Trouble to inject into the Open API ({@code /v1/...}) answers, never into the control API.
 * A fault applies to every path, or to one with {@link #onPath}; for ever, for the next
 * {@link #forCalls N calls}, or for a {@link #forWindow time window} on the simulator's clock.
 *
 * @param kind      what goes wrong
 * @param latencyMs added latency (LATENCY), or how long the answer is held back (TIMEOUT)
 * @param share     the share of calls, 0..1, that fail (SERVER_ERROR)
 * @param status    the HTTP status of those failures (SERVER_ERROR), 500..599
 * @param path      e.g. {@code /v1/check_transaction_by_md5}; null for every Open API path
 * @param calls     how many matching calls it applies to; null for no limit
 * @param windowMs  how long it lasts from its injection; null for no limit
 */
public record Fault(
        Kind kind, Long latencyMs, Double share, Integer status, String path, Integer calls, Long windowMs) {

    public enum Kind {
        /** The answer is delayed by {@code latencyMs}. */
        LATENCY,
        /** A share of calls get a bare 5xx page, as a load balancer in front of NBC would send. */
        SERVER_ERROR,
        /** No answer for {@code latencyMs} (default 30 s), then an empty 504. */
        TIMEOUT,
        /** HTTP 200 with a body cut off in the middle of its JSON. */
        MALFORMED_BODY,
        /** NBC's unauthorized answer (HTTP 401, errorCode 6), as when the token has expired. */
        TOKEN_EXPIRED
    }

    public Fault {
        if (kind == null) {
            throw new IllegalArgumentException(
                    "kind is required: one of LATENCY, SERVER_ERROR, TIMEOUT, MALFORMED_BODY, TOKEN_EXPIRED");
        }
        if (latencyMs != null && (latencyMs < 0 || latencyMs > MAX_LATENCY_MS)) {
            throw new IllegalArgumentException(
                    "latencyMs was " + latencyMs + " but it must be from 0 to " + MAX_LATENCY_MS + " (an hour)");
        }
        if (share != null && (share < 0 || share > 1)) {
            throw new IllegalArgumentException("share was " + share + " but it must be between 0 and 1");
        }
        if (status != null && (status < 500 || status > 599)) {
            throw new IllegalArgumentException("status was " + status + " but it must be a 5xx status");
        }
        if (path != null && !path.startsWith("/v1/")) {
            throw new IllegalArgumentException(
                    "path was '" + path + "' but it must be an Open API path such as /v1/check_transaction_by_md5");
        }
        if (calls != null && calls < 1) {
            throw new IllegalArgumentException("calls was " + calls + " but it must be at least 1");
        }
        if (windowMs != null && (windowMs < 1 || windowMs > MAX_WINDOW_MS)) {
            throw new IllegalArgumentException(
                    "windowMs was " + windowMs + " but it must be from 1 to " + MAX_WINDOW_MS + " (a year)");
        }
    }

    /** Longest latency or hold: an hour (each delayed call holds a thread that long). */
    public static final long MAX_LATENCY_MS = 3_600_000L;
    /** Longest window: a year (a longer one overflowed the clock and ended at once). */
    public static final long MAX_WINDOW_MS = 365L * 24 * 3600 * 1000;

    public static Fault latency(Duration added) {
        return new Fault(Kind.LATENCY, added.toMillis(), null, null, null, null, null);
    }

    public static Fault serverErrors(double share) {
        return new Fault(Kind.SERVER_ERROR, null, share, 503, null, null, null);
    }

    public static Fault timeout(Duration heldFor) {
        return new Fault(Kind.TIMEOUT, heldFor.toMillis(), null, null, null, null, null);
    }

    public static Fault malformedBody() {
        return new Fault(Kind.MALFORMED_BODY, null, null, null, null, null, null);
    }

    public static Fault tokenExpired() {
        return new Fault(Kind.TOKEN_EXPIRED, null, null, null, null, null, null);
    }

    public Fault onPath(String openApiPath) {
        return new Fault(kind, latencyMs, share, status, openApiPath, calls, windowMs);
    }

    public Fault forCalls(int count) {
        return new Fault(kind, latencyMs, share, status, path, count, windowMs);
    }

    public Fault forWindow(Duration window) {
        return new Fault(kind, latencyMs, share, status, path, calls, window.toMillis());
    }

    public Fault withStatus(int httpStatus) {
        return new Fault(kind, latencyMs, share, httpStatus, path, calls, windowMs);
    }
}
