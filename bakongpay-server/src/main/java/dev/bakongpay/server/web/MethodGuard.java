package dev.bakongpay.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The methods of everything outside the API: {@code /health}, the checkout page and whatever
 * else the context answers (404s) serve GET and HEAD. TRACE (which a servlet would echo back,
 * headers and all), PUT, DELETE, POST… get 405 in the API's envelope with {@code Allow: GET,
 * HEAD, OPTIONS}; OPTIONS gets 204 with that {@code Allow}. The API under {@code /api/} is left
 * to JAX-RS, which knows each endpoint's methods.
 */
public final class MethodGuard extends HttpFilter {
    static final String ALLOW = "GET, HEAD, OPTIONS";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || isApi(request)) {
            chain.doFilter(request, response);
        } else if (method.equals("OPTIONS")) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            response.setHeader("Allow", ALLOW);
            response.setHeader("Cache-Control", "no-store");
        } else {
            ErrorBodies.send(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, ALLOW);
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }
}
