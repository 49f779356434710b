package dev.bakongpay.jaxrs.admin;

import dev.bakongpay.jaxrs.internal.ApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * Every admin request carries {@code Authorization: Bearer <admin token>}; anything else is a 401
 * in the error envelope before any resource runs. API keys are never accepted here. The resources
 * read the caller's credential id (for audit records) from {@link #CREDENTIAL_PROPERTY}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AdminAccessFilter implements ContainerRequestFilter {
    /** Request property holding the {@link dev.bakongpay.core.admin.AdminToken#credentialId()} of the caller. */
    public static final String CREDENTIAL_PROPERTY = "bakongpay.adminCredential";

    private static final String PUBLIC_PATH = "openapi.json";

    private final AdminRuntime runtime;

    public AdminAccessFilter(AdminRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals(PUBLIC_PATH) || path.equals("/" + PUBLIC_PATH)) return;
        String header = request.getHeaderString("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthorized(
                    "missing_admin_token", "Send the admin token as 'Authorization: Bearer <BAKONGPAY_ADMIN_TOKEN>'");
        }
        if (!runtime.token().acceptsAuthorization(header)) {
            throw unauthorized("invalid_admin_token", "This is not the admin token (API keys are not accepted here)");
        }
        request.setProperty(CREDENTIAL_PROPERTY, runtime.token().credentialId());
        request.setSecurityContext(new AdminSecurityContext(
                runtime.token().credentialId(),
                request.getSecurityContext() != null
                        && request.getSecurityContext().isSecure()));
    }

    private static ApiException unauthorized(String code, String message) {
        return new ApiException(
                401, code, message, List.of(), Map.of("WWW-Authenticate", "Bearer realm=\"bakongpay-admin\""));
    }
}
