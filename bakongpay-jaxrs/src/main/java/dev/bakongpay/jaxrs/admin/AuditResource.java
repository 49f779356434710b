package dev.bakongpay.jaxrs.admin;

import dev.bakongpay.jaxrs.internal.ApiException;
import dev.bakongpay.jaxrs.internal.Json;
import dev.bakongpay.spi.AdminAuditStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** {@code GET /admin/v1/audit?limit=50}: the operators' changes, newest first. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {
    static final int DEFAULT_LIMIT = 50;

    private final AdminRuntime runtime;

    public AuditResource(AdminRuntime runtime) {
        this.runtime = runtime;
    }

    @GET
    public Map<String, Object> list(@QueryParam("limit") String limit) {
        int n = limit(limit);
        return Map.of(
                "entries",
                runtime.storage().audit().list(n).stream()
                        .map(AdminViews::audit)
                        .toList());
    }

    /** Judged by its text: 1 to {@value AdminAuditStore#MAX_LIST} digits' worth, no sign, no fraction. */
    private static int limit(String text) {
        if (text == null) return DEFAULT_LIMIT;
        if (text.length() <= 4 && text.chars().allMatch(c -> c >= '0' && c <= '9') && !text.isEmpty()) {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= AdminAuditStore.MAX_LIST) return n;
        }
        String message = "must be a whole number from 1 to " + AdminAuditStore.MAX_LIST;
        throw new ApiException(
                422,
                "validation_failed",
                "limit: " + message,
                List.of(Json.detail("limit", "out_of_range", message)),
                Map.of());
    }
}
