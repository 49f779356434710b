package dev.bakongpay.simulator.internal;

import dev.bakongpay.simulator.Fault;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults in force and, per Open API call, what they do to it. Latencies add up; of the
 * faults that replace the answer (5xx, timeout, malformed body, expired token) the one injected
 * first wins. A call a fault applied to uses up one of its calls even when its 5xx share spared it.
 */
public final class FaultInjector {

    static final long DEFAULT_TIMEOUT_MS = 30_000;

    /** What to do to one call: wait {@code latencyMs}, then answer normally or as {@code outcome} says. */
    public record Plan(long latencyMs, Fault.Kind outcome, int status, long holdMs) {
        static final Plan NONE = new Plan(0, null, 0, 0);
    }

    private record Active(String id, Fault fault, AtomicInteger remaining, Long untilMs) {
        boolean over(long now) {
            return (untilMs != null && now >= untilMs) || (remaining != null && remaining.get() <= 0);
        }
    }

    private final Clock clock;
    private final List<Active> active = new CopyOnWriteArrayList<>();

    public FaultInjector(Clock clock) {
        this.clock = clock;
    }

    public String inject(Fault fault) {
        String id = UUID.randomUUID().toString();
        Long until = fault.windowMs() == null ? null : clock.millis() + fault.windowMs();
        AtomicInteger remaining = fault.calls() == null ? null : new AtomicInteger(fault.calls());
        active.add(new Active(id, fault, remaining, until));
        return id;
    }

    public boolean remove(String id) {
        return active.removeIf(a -> a.id().equals(id));
    }

    public void clear() {
        active.clear();
    }

    public List<Map<String, Object>> describe() {
        long now = clock.millis();
        active.removeIf(a -> a.over(now));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Active a : active) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", a.id());
            view.put("fault", a.fault());
            view.put(
                    "remainingCalls",
                    a.remaining() == null ? null : a.remaining().get());
            view.put("untilMs", a.untilMs());
            out.add(view);
        }
        return out;
    }

    public Plan plan(String path) {
        if (active.isEmpty()) {
            return Plan.NONE;
        }
        long now = clock.millis();
        long latency = 0;
        Fault.Kind outcome = null;
        int status = 0;
        long hold = 0;
        for (Active a : active) {
            Fault fault = a.fault();
            if (a.over(now)) {
                active.remove(a);
                continue;
            }
            if (fault.path() != null && !fault.path().equals(path)) {
                continue;
            }
            if (a.remaining() != null && a.remaining().getAndUpdate(n -> n > 0 ? n - 1 : n) <= 0) {
                continue; // another call took its last use
            }
            switch (fault.kind()) {
                case LATENCY -> latency += fault.latencyMs() == null ? 0 : fault.latencyMs();
                case SERVER_ERROR -> {
                    double share = fault.share() == null ? 1.0 : fault.share();
                    if (outcome == null && ThreadLocalRandom.current().nextDouble() < share) {
                        outcome = Fault.Kind.SERVER_ERROR;
                        status = fault.status() == null ? 503 : fault.status();
                    }
                }
                case TIMEOUT -> {
                    if (outcome == null) {
                        outcome = Fault.Kind.TIMEOUT;
                        hold = fault.latencyMs() == null ? DEFAULT_TIMEOUT_MS : fault.latencyMs();
                    }
                }
                case MALFORMED_BODY, TOKEN_EXPIRED -> {
                    if (outcome == null) {
                        outcome = fault.kind();
                    }
                }
            }
        }
        return outcome == null && latency == 0 ? Plan.NONE : new Plan(latency, outcome, status, hold);
    }
}
