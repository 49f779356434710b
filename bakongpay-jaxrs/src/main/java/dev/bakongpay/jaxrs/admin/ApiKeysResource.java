package dev.bakongpay.jaxrs.admin;

import dev.bakongpay.core.admin.ApiKeyAdmin;
import dev.bakongpay.jaxrs.internal.ApiException;
import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.ApiKeyStore;
import dev.bakongpay.spi.Plan;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /admin/v1/keys}: issue, list, show, revoke, rotate and re-plan API keys. The full key is
 * in one answer only, the {@code key} field of the one that issued it; every change is audited
 * with the caller's admin credential. The rules are core's {@link ApiKeyAdmin}.
 */
@Path("/keys")
@Produces(MediaType.APPLICATION_JSON)
public final class ApiKeysResource {
    private static final Pattern ID = Pattern.compile("key_[0-9a-z]{1,40}");

    private final AdminRuntime runtime;

    public ApiKeysResource(AdminRuntime runtime) {
        this.runtime = runtime;
    }

    /** {@code POST /keys} body. */
    public record CreateBody(String plan, String label, String mode, String merchantId) {}

    /** {@code POST /keys/{id}/rotate} body; may be absent. */
    public record RotateBody(Long graceSeconds) {}

    /** {@code POST /keys/{id}/plan} body. */
    public record PlanBody(String plan) {}

    @GET
    public Map<String, Object> list() {
        ApiKeyAdmin admin = runtime.apiKeys();
        return Map.of(
                "keys",
                admin.list(ApiKeyStore.MAX_LIST).stream()
                        .map(r -> AdminViews.key(r, runtime.clock()))
                        .toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateBody body, @Context SecurityContext security) {
        CreateBody b = body != null ? body : new CreateBody(null, null, null, null);
        Plan plan = ApiKeyAdmin.plan(b.plan(), "plan");
        ApiKeyAdmin.Issued issued = runtime.apiKeys()
                .create(
                        plan,
                        b.label(),
                        ApiKeyAdmin.mode(b.mode(), "mode"),
                        b.merchantId(),
                        AdminSecurityContext.actorOf(security));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", issued.key());
        out.put("apiKey", AdminViews.key(issued.record(), runtime.clock()));
        return Response.status(201).entity(out).build();
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> show(@PathParam("id") String id) {
        return one(runtime.apiKeys().find(checked(id)).orElseThrow(() -> notFound(id)));
    }

    @POST
    @Path("/{id}/revoke")
    public Map<String, Object> revoke(@PathParam("id") String id, @Context SecurityContext security) {
        String actor = AdminSecurityContext.actorOf(security);
        return one(runtime.apiKeys().revoke(checked(id), actor).orElseThrow(() -> notFound(id)));
    }

    /** A rotation with no body at all ({@code curl -X POST}): the default grace period. */
    @POST
    @Path("/{id}/rotate")
    @Consumes(MediaType.WILDCARD)
    public Response rotateWithoutBody(
            @PathParam("id") String id,
            @Context jakarta.ws.rs.core.HttpHeaders headers,
            @Context SecurityContext security) {
        if (headers.getLength() > 0 || headers.getHeaderString("Transfer-Encoding") != null) {
            throw new ApiException(415, "unsupported_media_type", "Send the body as application/json");
        }
        return rotate(id, null, security);
    }

    @POST
    @Path("/{id}/rotate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rotate(@PathParam("id") String id, RotateBody body, @Context SecurityContext security) {
        String actor = AdminSecurityContext.actorOf(security);
        Duration grace =
                body == null || body.graceSeconds() == null ? ApiKeyAdmin.DEFAULT_GRACE : graceOf(body.graceSeconds());
        ApiKeyAdmin.Rotated rotated;
        try {
            rotated = runtime.apiKeys().rotate(checked(id), grace, actor).orElseThrow(() -> notFound(id));
        } catch (ApiKeyAdmin.NotRotatable e) {
            throw new ApiException(409, "api_key_not_rotatable", e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("key", rotated.key());
        out.put("apiKey", AdminViews.key(rotated.current(), runtime.clock()));
        out.put("previous", AdminViews.key(rotated.previous(), runtime.clock()));
        return Response.status(201).entity(out).build();
    }

    @POST
    @Path("/{id}/plan")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> plan(@PathParam("id") String id, PlanBody body, @Context SecurityContext security) {
        String actor = AdminSecurityContext.actorOf(security);
        Plan plan = ApiKeyAdmin.plan(body == null ? null : body.plan(), "plan");
        return one(runtime.apiKeys().changePlan(checked(id), plan, actor).orElseThrow(() -> notFound(id)));
    }

    private static Duration graceOf(long seconds) {
        Duration grace = Duration.ofSeconds(seconds);
        ApiKeyAdmin.checkGrace(grace);
        return grace;
    }

    private Map<String, Object> one(ApiKeyRecord r) {
        return Map.of("apiKey", AdminViews.key(r, runtime.clock()));
    }

    /** An id that cannot exist is simply not found: the path's text is never echoed. */
    private static String checked(String id) {
        if (id == null || !ID.matcher(id).matches()) throw notFound(null);
        return id;
    }

    private static ApiException notFound(String id) {
        return new ApiException(
                404,
                "api_key_not_found",
                id == null ? "No API key has this id" : "No API key has the id " + id,
                List.of(),
                Map.of());
    }
}
