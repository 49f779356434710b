package dev.bakongpay.server.runtime;

import java.util.Map;

/**
 * What {@code GET /health/ready} answers: 200 when {@code ready}, else 503.
 *
 * @param ready whether the store and the rate limiter both answered in time
 * @param body  {@code status} (UP, DOWN), {@code store} and {@code limiter} (adapter, status, problem when
 *              DOWN) and {@code upstream}, NBC's state per mode as {@code /health} shows it, reported only
 */
public record Readiness(boolean ready, Map<String, Object> body) {
    public Readiness {
        body = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(body));
    }
}
