package dev.bakongpay.jaxrs.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /admin/v1/openapi.json}: the OpenAPI 3.0 document of the admin API, written by hand
 * and checked against real answers in tests. Public, like the payment API's: it holds no secret.
 */
@Path("/openapi.json")
public final class AdminOpenApiResource {
    static final String DOCUMENT = "/dev/bakongpay/jaxrs/admin-openapi.json";
    private final byte[] document;

    public AdminOpenApiResource() {
        try (InputStream in = AdminOpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) throw new IllegalStateException(DOCUMENT + " is missing from the JAR");
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response document() {
        return Response.ok(document, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
