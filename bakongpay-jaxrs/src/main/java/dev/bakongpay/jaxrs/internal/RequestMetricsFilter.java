package dev.bakongpay.jaxrs.internal;

import dev.bakongpay.core.metrics.TimerSeries;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code bakongpay.http.requests}: every answer of the API, timed, tagged with its method, its
 * route template (from the resources' {@code @Path}s, never the raw path, so an attacker's
 * made-up URLs all count as {@code unmatched}) and its status. It runs before any other filter,
 * so refusals of the key or rate-limit filters are counted under the route they were aimed at.
 */
@Provider
@PreMatching
@Priority(1)
public final class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String STARTED = "bakongpay.metrics.started";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "OPTIONS");

    private final MeterRegistry registry;
    private final List<Route> routes = new ArrayList<>();
    private final TimerSeries timers;
    /** Routes without parameters by their path, with and without the leading slash. */
    private final Map<String, String> exact = new HashMap<>();

    /** A route template and the paths it matches. */
    private record Route(String template, Pattern pattern) {}

    public RequestMetricsFilter(MeterRegistry registry, Class<?>... resources) {
        this.registry = registry;
        this.timers = new TimerSeries(
                registry,
                () -> Timer.builder("bakongpay.http.requests")
                        .description("Answers of the REST API by method, route template and status"),
                "method",
                "endpoint",
                "status");
        for (Class<?> resource : resources) {
            Path base = resource.getAnnotation(Path.class);
            for (Method m : resource.getMethods()) {
                if (!isResourceMethod(m)) continue;
                Path sub = m.getAnnotation(Path.class);
                String template = join(base == null ? "" : base.value(), sub == null ? "" : sub.value());
                if (routes.stream().noneMatch(r -> r.template().equals(template))) {
                    routes.add(new Route(template, Pattern.compile(regex(template))));
                    if (!template.contains("{")) {
                        exact.put(template, template);
                        exact.put(template.substring(1), template);
                    }
                }
            }
        }
    }

    private static boolean isResourceMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            if (a.annotationType().isAnnotationPresent(HttpMethod.class)) return true;
        }
        return false;
    }

    private static String join(String base, String sub) {
        String t = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return t.length() > 1 && t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }

    /** {@code /payments/{id}} → {@code /payments/[^/]+} (a parameter is one segment). */
    private static String regex(String template) {
        StringBuilder out = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            out.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return out + "/?";
    }

    /** The route template {@code path} (relative to the application) matches, or {@code unmatched}. */
    String endpoint(String path) {
        String literal = exact.get(path); // most paths are one of the literal routes, as the client spelt them
        if (literal != null) return literal;
        String p = path.startsWith("/") ? path : "/" + path;
        for (Route r : routes) {
            if (r.pattern().matcher(p).matches()) return r.template();
        }
        return "unmatched";
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, Timer.start(registry));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Timer.Sample sample)) return;
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "other";
        sample.stop(
                timers.timer(method, endpoint(request.getUriInfo().getPath()), Integer.toString(response.getStatus())));
    }
}
