package dev.bakongpay.jaxrs;

import dev.bakongpay.jaxrs.internal.AccessFilter;
import dev.bakongpay.jaxrs.internal.BodyLimit;
import dev.bakongpay.jaxrs.internal.EdgeFilter;
import dev.bakongpay.jaxrs.internal.ErrorMapper;
import dev.bakongpay.jaxrs.internal.Json;
import dev.bakongpay.jaxrs.internal.RequestIdFilter;
import dev.bakongpay.jaxrs.internal.RequestMetricsFilter;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * BakongPay's REST API as a JAX-RS application, mounted at {@code /api/v1}: the five endpoints,
 * the OpenAPI document, API-key and rate-limit filters, request ids, the body size limit, one
 * error format, and Jackson for JSON. Plain Jakarta REST: register it in Jersey, RESTEasy or any
 * other runtime.
 *
 * <pre>{@code
 * // Jersey on a servlet container, for example:
 * ServletHolder api = new ServletHolder(new ServletContainer(ResourceConfig.forApplication(
 *         new BakongPayApplication(runtime))));
 * context.addServlet(api, "/api/v1/*");
 * }</pre>
 *
 * <p>A container that instantiates applications itself uses the no-argument constructor, which
 * finds the runtime through a {@link BakongPayRuntimeProvider} service.
 */
@ApplicationPath("/api/v1")
public class BakongPayApplication extends Application {
    private final BakongPayRuntime runtime;

    public BakongPayApplication(BakongPayRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    /** For containers that create the application: the runtime comes from a {@link BakongPayRuntimeProvider}. */
    public BakongPayApplication() {
        this(discover());
    }

    public BakongPayRuntime runtime() {
        return runtime;
    }

    @Override
    public Set<Object> getSingletons() {
        Set<Object> s = new LinkedHashSet<>();
        s.add(new PaymentResource(runtime));
        s.add(new QrImageResource(runtime));
        s.add(new OpenApiResource());
        s.add(new RequestIdFilter());
        s.add(new EdgeFilter());
        s.add(new AccessFilter(runtime));
        s.add(new RequestMetricsFilter(
                runtime.meterRegistry(), PaymentResource.class, QrImageResource.class, OpenApiResource.class));
        s.add(new BodyLimit(runtime.maxBodyBytes()));
        s.add(new ErrorMapper());
        s.add(new ErrorMapper.OfJson());
        s.add(Json.provider());
        return s;
    }

    /** Keeps the runtime's own JSON providers out of the way ({@link Json#RUNTIME_PROPERTIES}). */
    @Override
    public Map<String, Object> getProperties() {
        return Json.RUNTIME_PROPERTIES;
    }

    private static BakongPayRuntime discover() {
        Iterator<BakongPayRuntimeProvider> it =
                ServiceLoader.load(BakongPayRuntimeProvider.class).iterator();
        if (!it.hasNext()) {
            throw new IllegalStateException(
                    "BakongPayApplication needs a BakongPayRuntime: construct it with one, or list a "
                            + "BakongPayRuntimeProvider in META-INF/services/dev.bakongpay.jaxrs.BakongPayRuntimeProvider");
        }
        return it.next().runtime();
    }
}
