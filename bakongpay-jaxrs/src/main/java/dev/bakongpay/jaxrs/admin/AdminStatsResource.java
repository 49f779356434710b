package dev.bakongpay.jaxrs.admin;

import dev.bakongpay.core.payment.view.Times;
import dev.bakongpay.spi.TransactionStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code GET /admin/v1/stats/payments-per-minute?hours=6}: how many payments were created in each
 * minute of the last hours, by their status now. Minutes without payments are left out.
 */
@Path("stats")
@Produces(MediaType.APPLICATION_JSON)
public class AdminStatsResource {
    static final int DEFAULT_HOURS = 6;
    private final AdminRuntime runtime;

    public AdminStatsResource(AdminRuntime runtime) {
        this.runtime = runtime;
    }

    /** One bar segment: {@code count} payments created in {@code minute} are {@code status} now. */
    public record MinuteCount(String minute, String status, long count) {}

    /** The window is [{@code from}, {@code to}): whole minutes, the current one included. */
    public record PerMinute(String from, String to, int hours, List<MinuteCount> counts) {}

    @GET
    @Path("payments-per-minute")
    public PerMinute paymentsPerMinute(@QueryParam("hours") String hours) {
        AdminParams p = new AdminParams();
        int h = p.number("hours", hours, 1, TransactionStore.MAX_COUNT_WINDOW_HOURS, DEFAULT_HOURS);
        p.check();
        Instant to = runtime.clock().instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant from = to.minus(Duration.ofHours(h));
        List<MinuteCount> counts = runtime.storage().transactions().countPerMinute(from, to).stream()
                .map(c -> new MinuteCount(Times.iso(c.minute()), c.status().name(), c.count()))
                .toList();
        return new PerMinute(Times.iso(from), Times.iso(to), h, counts);
    }
}
