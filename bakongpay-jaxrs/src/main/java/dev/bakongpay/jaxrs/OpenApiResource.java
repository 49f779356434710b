package dev.bakongpay.jaxrs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.0 document of the five endpoints, written by hand
 * (it is the contract, so it is reviewed like code) and checked against real answers in tests.
 * Public: no API key needed to read it.
 */
@Path("/openapi.json")
public class OpenApiResource {
    static final String DOCUMENT = "/dev/bakongpay/jaxrs/openapi.json";
    private final byte[] document;

    public OpenApiResource() {
        this(DOCUMENT);
    }

    /** Serves another bundled document the same way (the admin API's). */
    protected OpenApiResource(String resource) {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the JAR");
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
