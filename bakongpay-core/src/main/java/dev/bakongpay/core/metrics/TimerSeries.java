package dev.bakongpay.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The timers of one metric, each registered once per set of tag values: building and registering a
 * timer on every event cost more than the timing on the request path. Give it tags with few values
 * (methods, route templates, statuses): it keeps one timer per combination seen.
 */
public final class TimerSeries {
    private final MeterRegistry registry;
    private final Supplier<Timer.Builder> builder;
    private final List<String> keys;
    private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

    /** {@code builder} makes a fresh builder of the metric (name, description, histogram); {@code keys} name its tags. */
    public TimerSeries(MeterRegistry registry, Supplier<Timer.Builder> builder, String... keys) {
        this.registry = registry;
        this.builder = builder;
        this.keys = List.of(keys);
    }

    /** The timer tagged with {@code values}, in the order of the keys. */
    public Timer timer(String... values) {
        if (values.length != keys.size()) {
            throw new IllegalArgumentException("expected " + keys.size() + " tag values, got " + values.length);
        }
        List<String> series = List.of(values);
        Timer t = timers.get(series);
        return t != null ? t : timers.computeIfAbsent(series, this::register);
    }

    private Timer register(List<String> values) {
        Tags tags = Tags.empty();
        for (int i = 0; i < keys.size(); i++) tags = tags.and(keys.get(i), values.get(i));
        return builder.get().tags(tags).register(registry);
    }
}
