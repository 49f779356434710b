package dev.bakongpay.server.web;

import dev.bakongpay.jaxrs.internal.RequestIdFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;

/**
 * Puts the request id into the SLF4J MDC ({@code requestId}) before anything of the request runs,
 * the API, the checkout page and {@code /health} alike, and takes it out after the last line. The
 * id is the one the API answers in {@code X-Request-Id} and {@code requestId}: it is handed to the
 * JAX-RS {@link RequestIdFilter} in the request attribute {@link RequestIdFilter#ASSIGNED_ATTRIBUTE}
 * (a wrapper adding the header cost every request a copy of its header names).
 */
public final class RequestIdServletFilter extends HttpFilter {
    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = RequestIdFilter.idFor(request.getHeader(RequestIdFilter.HEADER));
        request.setAttribute(RequestIdFilter.ASSIGNED_ATTRIBUTE, id);
        MDC.put(RequestIdFilter.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestIdFilter.MDC_KEY);
        }
    }
}
