package dev.bakongpay.jaxrs.internal;

import dev.bakongpay.core.payment.Merchant;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The authenticated merchant, handed to resources through the portable {@link SecurityContext}. */
public record MerchantSecurityContext(Merchant merchant, boolean secure) implements SecurityContext {

    /** The merchant of an authenticated request; the access filter guarantees there is one. */
    public static Merchant merchantOf(SecurityContext sc) {
        if (sc instanceof MerchantSecurityContext m) return m.merchant();
        if (sc != null && sc.getUserPrincipal() instanceof MerchantPrincipal p) return p.merchant();
        throw new ApiException(401, "missing_api_key", "This endpoint needs an API key");
    }

    @Override
    public Principal getUserPrincipal() {
        return new MerchantPrincipal(merchant);
    }

    @Override
    public boolean isUserInRole(String role) {
        return merchant.plan().name().equalsIgnoreCase(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }

    /** The merchant as a {@link Principal}; its name is the merchant id. */
    public record MerchantPrincipal(Merchant merchant) implements Principal {
        @Override
        public String getName() {
            return merchant.id();
        }
    }
}
