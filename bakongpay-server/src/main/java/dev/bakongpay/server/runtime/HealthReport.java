package dev.bakongpay.server.runtime;

import dev.bakongpay.core.bakong.BakongClient;
import dev.bakongpay.spi.PaymentMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code GET /health} answers: UP only when the store answered a query just now.
 *
 * @param up       whether the store answered
 * @param problem  why not, else null
 * @param store    the store adapter's id
 * @param limiter  the rate limiter's id
 * @param upstream per mode ("live", "test"): url, what it is, whether a token is set, days until it expires,
 *                 the circuit breaker's state
 * @param webhooks the webhook outbox ({@code pending}, {@code dead} deliveries) when webhooks are on, else null
 */
public record HealthReport(
        boolean up,
        String problem,
        String store,
        String limiter,
        Map<String, Map<String, Object>> upstream,
        Map<String, Object> webhooks) {

    static HealthReport of(
            String problem,
            String store,
            String limiter,
            Map<PaymentMode, BakongEndpoint> networks,
            Map<PaymentMode, BakongClient> clients,
            Map<String, Object> webhooks) {
        return new HealthReport(problem == null, problem, store, limiter, upstream(networks, clients), webhooks);
    }

    /** Per mode: url, what it is, whether a token is set, days until it expires, the circuit breaker's state. */
    static Map<String, Map<String, Object>> upstream(
            Map<PaymentMode, BakongEndpoint> networks, Map<PaymentMode, BakongClient> clients) {
        Map<String, Map<String, Object>> upstream = new LinkedHashMap<>();
        for (BakongEndpoint n : networks.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("url", n.baseUrl().toString());
            entry.put("kind", n.description());
            entry.put("token", n.token() == null ? "missing" : "set");
            BakongClient client = clients.get(n.mode());
            if (client != null) {
                client.tokenStatus().daysLeft().ifPresent(d -> entry.put("tokenDaysLeft", d));
                entry.put("circuit", client.circuitState().name());
            }
            upstream.put(n.mode().name().toLowerCase(Locale.ROOT), entry);
        }
        return upstream;
    }

    /**
     * The JSON body: {@code status}, {@code store}, {@code limiter}, {@code upstream}, {@code webhooks}
     * when they are on, and {@code problem} when DOWN.
     */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("store", store);
        body.put("limiter", limiter);
        body.put("upstream", upstream);
        if (webhooks != null) body.put("webhooks", webhooks);
        if (problem != null) body.put("problem", problem);
        return body;
    }
}
