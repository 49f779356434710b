package dev.bakongpay.core.bakong.internal;

import dev.bakongpay.core.bakong.BakongClient.CircuitState;
import dev.bakongpay.core.metrics.Meters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The meters of one Bakong client: every attempt to call NBC ({@code bakongpay.upstream.requests},
 * by endpoint and outcome, with its latency) and the circuit breaker's state.
 */
final class UpstreamMeters {
    private final MeterRegistry registry;
    private final String upstream;

    UpstreamMeters(MeterRegistry registry, String upstream) {
        this.registry = registry;
        this.upstream = upstream;
    }

    /** One attempt: {@code path} is NBC's ({@code /v1/check_transaction_by_md5}), a fixed set, so the tag stays bounded. */
    void record(String path, String outcome, long nanos) {
        String endpoint = path.startsWith("/v1/") ? path.substring(4) : path;
        Meters.latency(
                        "bakongpay.upstream.requests",
                        "Calls to the Bakong Open API, each attempt, by endpoint and outcome")
                .tags("upstream", upstream, "endpoint", endpoint, "outcome", outcome)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** An HTTP answer's outcome tag; the envelope's own error codes are answers, so a 2xx is a success here. */
    static String outcome(int httpStatus) {
        if (httpStatus == 401) return "unauthorized";
        if (httpStatus >= 200 && httpStatus < 300) return "success";
        return httpStatus >= 500 ? "server_error" : "client_error";
    }

    /** One gauge per state, 1 for the current one and 0 for the others (the usual shape for an enum). */
    static void circuitGauges(MeterRegistry registry, String upstream, CircuitBreaker circuit) {
        for (CircuitState state : CircuitState.values()) {
            Gauge.builder("bakongpay.upstream.circuit.state", circuit, c -> c.state() == state ? 1 : 0)
                    .description("The circuit breaker in front of NBC: 1 for its current state")
                    .tags("upstream", upstream, "state", state.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }
}
