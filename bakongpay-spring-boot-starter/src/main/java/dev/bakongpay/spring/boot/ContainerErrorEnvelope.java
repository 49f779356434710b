package dev.bakongpay.spring.boot;

import dev.bakongpay.jaxrs.internal.HttpErrors;
import dev.bakongpay.jaxrs.internal.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * On the API's path: an error the servlet layer answers by itself, before BakongPay's application
 * sees the request (a {@code Content-Type} that does not parse, say), gets BakongPay's envelope
 * instead of the container's HTML error page. What the application answers passes untouched.
 */
final class ContainerErrorEnvelope extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status, String ignored) throws IOException {
                sendError(status);
            }

            @Override
            public void sendError(int status) throws IOException {
                if (isCommitted()) {
                    super.sendError(status);
                    return;
                }
                resetBuffer();
                setStatus(status);
                setContentType("application/json");
                setCharacterEncoding("UTF-8");
                setHeader("Cache-Control", "no-store");
                getOutputStream()
                        .write(Json.MAPPER.writeValueAsBytes(HttpErrors.body(status, HttpErrors.message(status))));
                flushBuffer();
            }
        });
    }
}
