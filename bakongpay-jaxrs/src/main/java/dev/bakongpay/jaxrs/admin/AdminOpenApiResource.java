package dev.bakongpay.jaxrs.admin;

import dev.bakongpay.jaxrs.OpenApiResource;
import jakarta.ws.rs.Path;

/**
 * {@code GET /admin/v1/openapi.json}: the OpenAPI 3.0 document of the admin API, written by hand
 * and checked against real answers in tests. Public, like the payment API's: it holds no secret.
 */
@Path("/openapi.json")
public final class AdminOpenApiResource extends OpenApiResource {
    static final String DOCUMENT = "/dev/bakongpay/jaxrs/admin-openapi.json";

    public AdminOpenApiResource() {
        super(DOCUMENT);
    }
}
