package dev.bakongpay.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The methods of {@code /health} and the checkout page: GET and HEAD. TRACE (which a servlet
 * would echo back, cookies and all), PUT, DELETE, POST… get 405 in the API's envelope with
 * {@code Allow: GET, HEAD, OPTIONS}; OPTIONS gets 204 with that {@code Allow}. The API is left to
 * JAX-RS, which knows each endpoint's methods, and the paths of a web application that carries
 * BakongPay are left to it.
 */
public final class MethodGuard extends HttpFilter {
    static final String ALLOW = "GET, HEAD, OPTIONS";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            chain.doFilter(request, response);
        } else if (method.equals("OPTIONS")) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            response.setHeader("Allow", ALLOW);
            response.setHeader("Cache-Control", "no-store");
        } else {
            ErrorBodies.send(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, ALLOW);
        }
    }
}
