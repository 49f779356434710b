package dev.bakongpay.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.jaxrs.internal.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The id is in the MDC for everything the request runs, and is the one JAX-RS will answer with. */
@DisplayName("the request id servlet filter")
class RequestIdServletFilterTest {
    /** A request with only this X-Request-Id header (or none), and attributes. */
    private static HttpServletRequest request(String requestId) {
        java.util.Map<String, Object> attributes = new java.util.HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(
                HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> "X-Request-Id".equalsIgnoreCase((String) args[0]) ? requestId : null;
                    case "getHeaderNames" ->
                        java.util.Collections.enumeration(
                                requestId == null ? java.util.List.of() : java.util.List.of("X-Request-Id"));
                    case "getHeaders" ->
                        java.util.Collections.enumeration(
                                requestId == null ? java.util.List.of() : java.util.List.of(requestId));
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    default -> null;
                });
    }

    private static final HttpServletResponse RESPONSE = (HttpServletResponse) Proxy.newProxyInstance(
            HttpServletResponse.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> null);

    /** {@code [MDC requestId, the id handed to JAX-RS]} while the chain runs. */
    private static String[] seenBy(HttpServletRequest request) throws Exception {
        AtomicReference<String[]> seen = new AtomicReference<>();
        new RequestIdServletFilter()
                .doFilter(
                        request,
                        RESPONSE,
                        (req, res) -> seen.set(new String[] {
                            MDC.get("requestId"), (String) req.getAttribute(RequestIdFilter.ASSIGNED_ATTRIBUTE)
                        }));
        return seen.get();
    }

    @Test
    @DisplayName("a sane X-Request-Id is the MDC's requestId while the request runs, and gone after")
    void callersId() throws Exception {
        assertThat(seenBy(request("order-42.retry:1"))).containsExactly("order-42.retry:1", "order-42.retry:1");
        assertThat(MDC.get("requestId")).isNull();
    }

    @Test
    @DisplayName("no id, or one that is not a sane token: a fresh one, which JAX-RS is handed as the request's id")
    void freshId() throws Exception {
        for (String given : new String[] {null, "two words", "x".repeat(200)}) {
            String[] seen = seenBy(request(given));
            assertThat(seen[0]).isNotBlank().isNotEqualTo(given).matches("[0-9a-f-]{36}");
            assertThat(seen[1]).isEqualTo(seen[0]);
            assertThat(MDC.get("requestId")).isNull();
        }
    }

    @Test
    @DisplayName("the MDC is cleared even when the request fails")
    void clearedOnFailure() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new RequestIdServletFilter().doFilter(request("failing-1"), RESPONSE, (req, res) -> {
                            throw new IllegalStateException("boom");
                        }))
                .hasMessage("boom");
        assertThat(MDC.get("requestId")).isNull();
    }
}
