package dev.bakongpay.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bakongpay.jaxrs.internal.Json;
import dev.bakongpay.server.runtime.HealthReport;
import dev.bakongpay.server.runtime.ServerRuntime;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /health}: 200 {@code {"status":"UP",…}} when the store answers a query now, else 503
 * with {@code "status":"DOWN"} and the reason, so a load balancer takes the node out of rotation.
 */
public final class HealthServlet extends HttpServlet {
    /** The API's mapper (one JSON configuration: {@code JsonMappers}). */
    private static final ObjectMapper JSON = Json.MAPPER;

    private final transient ServerRuntime runtime;

    public HealthServlet(ServerRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HealthReport report = runtime.health();
        response.setStatus(report.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), report.body());
    }
}
