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

    private final CheckoutSource source;
    private final Clock clock;
    private final Duration window;
    private final Map<UUID, Instant> lastRefresh = new ConcurrentHashMap<>();

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
        boolean[] due = new boolean[1];
        lastRefresh.compute(id, (k, last) -> {
            if (last != null && now.isBefore(last.plus(window))) return last;
            due[0] = true;
            return now;
        });
        if (lastRefresh.size() > SWEEP_ABOVE) {
            lastRefresh.values().removeIf(t -> !now.isBefore(t.plus(window)));
        }
        Optional<CheckoutView> view = due[0] ? source.refresh(id) : source.find(id);
        if (view.isEmpty() || view.get().isFinal()) lastRefresh.remove(id); // nothing more to watch
        return view;
    }
}
