package dev.bakongpay.jaxrs.admin;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The admin credential of a request, handed to resources through the portable
 * {@link SecurityContext} (the request property {@link AdminAccessFilter#CREDENTIAL_PROPERTY} is
 * not injectable into resources); its principal's name is the credential id.
 */
record AdminSecurityContext(String credentialId, boolean secure) implements SecurityContext {

    /** The credential id for audit records; the access filter guarantees there is one. */
    static String actorOf(SecurityContext sc) {
        if (sc != null && sc.getUserPrincipal() != null && "admin".equals(sc.getAuthenticationScheme())) {
            return sc.getUserPrincipal().getName();
        }
        if (sc instanceof AdminSecurityContext a) return a.credentialId();
        throw new dev.bakongpay.jaxrs.internal.ApiException(
                401, "missing_admin_token", "This endpoint needs the admin token");
    }

    @Override
    public Principal getUserPrincipal() {
        return () -> credentialId;
    }

    @Override
    public boolean isUserInRole(String role) {
        return "admin".equals(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "admin";
    }
}
