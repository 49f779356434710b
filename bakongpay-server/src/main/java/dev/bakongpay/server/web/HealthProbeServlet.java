package dev.bakongpay.server.web;

import dev.bakongpay.jaxrs.internal.Json;
import dev.bakongpay.server.runtime.Readiness;
import dev.bakongpay.server.runtime.ServerRuntime;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The probes of an orchestrator such as Kubernetes. {@code GET /health/live}: 200
 * {@code {"status":"UP"}} whenever the process serves HTTP, whatever the store does (a restart
 * would not mend a database). {@code GET /health/ready}: 200 when the store and the rate limiter
 * answer within 800 ms, else 503 with which one did not and why; NBC's state is in the body but
 * never makes the node unready.
 */
public final class HealthProbeServlet extends HttpServlet {
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    private final transient ServerRuntime runtime;
    private final boolean readiness;

    private HealthProbeServlet(ServerRuntime runtime, boolean readiness) {
        this.runtime = runtime;
        this.readiness = readiness;
    }

    static HealthProbeServlet live() {
        return new HealthProbeServlet(null, false);
    }

    static HealthProbeServlet ready(ServerRuntime runtime) {
        return new HealthProbeServlet(runtime, true);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = HttpServletResponse.SC_OK;
        Map<String, Object> body = Map.of("status", "UP");
        if (readiness) {
            Readiness ready = runtime.readiness();
            status = ready.ready() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            body = ready.body();
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        Json.MAPPER.writeValue(response.getOutputStream(), body);
    }
}
