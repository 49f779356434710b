package dev.bakongpay.checkout.internal;

import dev.bakongpay.checkout.CheckoutSource;
import dev.bakongpay.checkout.CheckoutView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets at most one {@link CheckoutSource#refresh} per transaction through per window, however many
 * tabs poll it; other calls get the plain {@link CheckoutSource#find}, which is a store read. So a
 * page left open costs NBC at most one question per window, on every node.
 */
public final class RefreshThrottle {
    /** Past this many tracked ids, stale entries are swept so memory stays bounded. */
    private static final int SWEEP_ABOVE = 10_000;
    /** Past this many fresh entries (a flood of ids), calls just read: no upstream call, no memory. */
    private static final int TRACK_AT_MOST = 50_000;

    private final CheckoutSource source;
    private final Clock clock;
    private final Duration window;
    private final Map<UUID, Instant> lastRefresh = new ConcurrentHashMap<>();
    private volatile Instant lastSweep;

    public RefreshThrottle(CheckoutSource source, Clock clock, Duration window) {
        this.source = source;
        this.clock = clock;
        this.window = window;
    }

    public CheckoutSource source() {
        return source;
    }

    /** The freshest view this call may have: refreshed if the window allows, else read. */
    public Optional<CheckoutView> current(UUID id) {
        Instant now = clock.instant();
        if (lastRefresh.size() > SWEEP_ABOVE) {
            Instant swept = lastSweep;
            if (swept == null || !now.isBefore(swept.plus(window))) { // at most one O(n) sweep per window
                lastSweep = now;
                lastRefresh.values().removeIf(t -> !now.isBefore(t.plus(window)));
            }
            if (lastRefresh.size() > TRACK_AT_MOST) return source.find(id);
        }
        boolean[] due = new boolean[1];
        lastRefresh.compute(id, (k, last) -> {
            if (last != null && now.isBefore(last.plus(window))) return last;
            due[0] = true;
            return now;
        });
        // final and unknown ids stay throttled too: an expired one may still turn late-paid, and a
        // script polling any id must not turn into one upstream call per request
        return due[0] ? source.refresh(id) : source.find(id);
    }
}
