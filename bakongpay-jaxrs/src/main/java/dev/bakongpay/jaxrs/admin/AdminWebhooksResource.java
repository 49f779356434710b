package dev.bakongpay.jaxrs.admin;

import dev.bakongpay.jaxrs.internal.ApiException;
import dev.bakongpay.spi.AdminAuditEntry;
import dev.bakongpay.spi.WebhookDelivery;
import dev.bakongpay.spi.WebhookDeliveryQuery;
import dev.bakongpay.spi.WebhookDeliveryState;
import dev.bakongpay.spi.WebhookDeliveryStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /admin/v1/webhooks?state=&limit=}: the outbox, newest event first;
 * {@code POST /admin/v1/webhooks/{eventId}/redeliver}: send a failed delivery again now.
 */
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class AdminWebhooksResource {
    private final AdminRuntime runtime;

    public AdminWebhooksResource(AdminRuntime runtime) {
        this.runtime = runtime;
    }

    /** What the listing can be narrowed to: a state, or FAILED (dead, or pending after a failed attempt). */
    enum Filter {
        PENDING,
        FAILED,
        DEAD,
        DELIVERED
    }

    public record Listing(List<AdminWebhookView> webhooks) {}

    /** {@code action}: {@code redelivered} (it was DEAD: attempts start again) or {@code retrying} (it was waiting after a failure). */
    public record Redelivered(String action, AdminWebhookView webhook) {}

    @GET
    public Listing list(@QueryParam("state") String state, @QueryParam("limit") String limit) {
        AdminParams p = new AdminParams();
        Filter filter = p.oneOf("state", state, Filter.class);
        int n = p.number("limit", limit, 1, 200, AdminPaymentsResource.DEFAULT_LIMIT);
        p.check();
        WebhookDeliveryQuery query = filter == null
                ? WebhookDeliveryQuery.inState(null, n)
                : filter == Filter.FAILED
                        ? WebhookDeliveryQuery.failed(n)
                        : WebhookDeliveryQuery.inState(WebhookDeliveryState.valueOf(filter.name()), n);
        Instant now = runtime.clock().instant();
        return new Listing(runtime.storage().webhooks().list(query).stream()
                .map(d -> AdminWebhookView.of(d, now))
                .toList());
    }

    /**
     * A DEAD delivery goes back to PENDING with its attempts reset (the store's {@code redeliver});
     * a PENDING one waiting after a failed attempt becomes due now ({@code retryNow}). Either way
     * the dispatcher sends it on its next round, and the audit trail records who asked
     * ({@code webhook.redeliver}). Anything else is a 409 saying why.
     */
    @POST
    @Path("{eventId}/redeliver")
    public Redelivered redeliver(@PathParam("eventId") String eventId, @Context SecurityContext security) {
        WebhookDeliveryStore store = runtime.storage().webhooks();
        String action;
        if (store.redeliver(eventId)) action = "redelivered";
        else if (store.retryNow(eventId)) action = "retrying";
        else action = null;
        WebhookDelivery d = store.find(eventId)
                .orElseThrow(
                        () -> new ApiException(404, "not_found", "No webhook delivery has the event id " + eventId));
        if (action == null) {
            String why = d.state() == WebhookDeliveryState.DELIVERED
                    ? "it was delivered already"
                    : d.attempts() == 0
                            ? "it has not failed: its first attempt is still to come"
                            : "a node is sending it right now";
            throw new ApiException(409, "not_redeliverable", "Webhook " + eventId + " cannot be redelivered: " + why);
        }
        runtime.storage()
                .audit()
                .append(new AdminAuditEntry(
                        runtime.clock().instant(),
                        AdminSecurityContext.actorOf(security),
                        "webhook.redeliver",
                        null,
                        "event " + eventId + " (" + action + ")"));
        return new Redelivered(action, AdminWebhookView.of(d, runtime.clock().instant()));
    }
}
