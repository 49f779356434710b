package dev.bakongpay.server.web;

import dev.bakongpay.jaxrs.internal.RequestIdFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.slf4j.MDC;

/**
 * Puts the request id into the SLF4J MDC ({@code requestId}) before anything of the request runs,
 * the API, the checkout page and {@code /health} alike, and takes it out after the last line. The
 * id is the one the API answers in {@code X-Request-Id} and {@code requestId}: the request goes on
 * carrying it as its {@code X-Request-Id}, so the JAX-RS {@link RequestIdFilter} picks the same.
 */
public final class RequestIdServletFilter extends HttpFilter {
    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String given = request.getHeader(RequestIdFilter.HEADER);
        String id = RequestIdFilter.idFor(given);
        MDC.put(RequestIdFilter.MDC_KEY, id);
        try {
            chain.doFilter(id.equals(given) ? request : new WithRequestId(request, id), response);
        } finally {
            MDC.remove(RequestIdFilter.MDC_KEY);
        }
    }

    /** The request as if the client had sent {@code X-Request-Id: id}. */
    private static final class WithRequestId extends HttpServletRequestWrapper {
        private final String id;

        WithRequestId(HttpServletRequest request, String id) {
            super(request);
            this.id = id;
        }

        @Override
        public String getHeader(String name) {
            return RequestIdFilter.HEADER.equalsIgnoreCase(name) ? id : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return RequestIdFilter.HEADER.equalsIgnoreCase(name)
                    ? Collections.enumeration(java.util.List.of(id))
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            java.util.List<String> names = Collections.list(super.getHeaderNames());
            if (names.stream().noneMatch(RequestIdFilter.HEADER::equalsIgnoreCase)) names.add(RequestIdFilter.HEADER);
            return Collections.enumeration(names);
        }
    }
}
