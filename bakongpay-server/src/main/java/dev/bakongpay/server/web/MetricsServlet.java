package dev.bakongpay.server.web;

import dev.bakongpay.core.admin.AdminToken;
import dev.bakongpay.jaxrs.internal.Json;
import dev.bakongpay.server.runtime.ServerMetrics;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /metrics}: every meter in Prometheus text, for the holder of the admin token
 * ({@code Authorization: Bearer <BAKONGPAY_ADMIN_TOKEN>}); anything else is a 401 in the API's
 * envelope. Installed only when an admin token is set (otherwise nothing is served at the path).
 */
public final class MetricsServlet extends HttpServlet {
    private final transient ServerMetrics metrics;
    private final transient AdminToken token;

    public MetricsServlet(ServerMetrics metrics, AdminToken token) {
        this.metrics = metrics;
        this.token = token;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String header = request.getHeader("Authorization");
        if (header == null || header.isBlank()) {
            refuse(
                    response,
                    "missing_admin_token",
                    "Send the admin token as 'Authorization: Bearer <BAKONGPAY_ADMIN_TOKEN>'");
            return;
        }
        if (!token.acceptsAuthorization(header)) {
            refuse(response, "invalid_admin_token", "This is not the admin token (API keys are not accepted here)");
            return;
        }
        byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(ServerMetrics.CONTENT_TYPE);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) response.getOutputStream().write(body);
    }

    private static void refuse(HttpServletResponse response, String code, String message) throws IOException {
        byte[] body = Json.MAPPER.writeValueAsBytes(Json.error(code, message, List.of()));
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"bakongpay-admin\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
