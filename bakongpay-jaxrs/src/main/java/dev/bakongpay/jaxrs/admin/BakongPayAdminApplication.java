package dev.bakongpay.jaxrs.admin;

import dev.bakongpay.jaxrs.internal.EdgeFilter;
import dev.bakongpay.jaxrs.internal.ErrorMapper;
import dev.bakongpay.jaxrs.internal.Json;
import dev.bakongpay.jaxrs.internal.RequestIdFilter;
import jakarta.ws.rs.core.Application;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The operator's API, mounted at {@code /admin/v1}: behind the admin token only, with the payment
 * API's request ids, edge rules, error envelope and JSON. A host mounts it only when an admin token
 * is configured. Deliberately not annotated {@code @ApplicationPath}: a container that scans for
 * it (Jersey's initializer on Tomcat) would mount it by itself, without its runtime (a 500 on every
 * call) and even on a server with no admin token.
 */
public class BakongPayAdminApplication extends Application {
    private final AdminRuntime runtime;

    public BakongPayAdminApplication(AdminRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    public AdminRuntime runtime() {
        return runtime;
    }

    @Override
    public Set<Object> getSingletons() {
        Set<Object> s = new LinkedHashSet<>();
        // resources: one per admin capability (keys, payments, webhooks), added here
        s.add(new ApiKeysResource(runtime));
        s.add(new AuditResource(runtime));
        s.add(new AdminOpenApiResource());
        s.add(new dev.bakongpay.jaxrs.internal.BodyLimit(AdminViews.MAX_BODY_BYTES));
        s.add(new AdminPaymentsResource(runtime));
        s.add(new AdminWebhooksResource(runtime));
        s.add(new AdminStatsResource(runtime));
        s.add(new RequestIdFilter());
        s.add(new EdgeFilter());
        s.add(new AdminAccessFilter(runtime));
        s.add(new ErrorMapper("/admin/v1/openapi.json"));
        s.add(new ErrorMapper.OfJson());
        s.add(Json.provider());
        return s;
    }

    /** Keeps the runtime's own JSON providers out of the way ({@link Json#RUNTIME_PROPERTIES}). */
    @Override
    public Map<String, Object> getProperties() {
        return Json.RUNTIME_PROPERTIES;
    }
}
