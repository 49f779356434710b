package dev.bakongpay.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.Locale;

/** What the recording components share: the registry that records nothing, and the shape of latency timers. */
public final class Meters {
    private Meters() {}

    /**
     * A registry that records nothing: an empty composite, whose meters forward to no registry. The
     * default of every builder, so a library user without metrics pays a method call per event.
     */
    public static MeterRegistry none() {
        return new CompositeMeterRegistry();
    }

    /** Whether {@code registry} records anywhere (a composite with no children does not). */
    public static boolean records(MeterRegistry registry) {
        return !(registry instanceof CompositeMeterRegistry c)
                || !c.getRegistries().isEmpty();
    }

    /**
     * A latency timer with a percentile histogram between 1 ms and 30 s, so Prometheus can compute
     * any quantile across nodes with a bounded number of buckets.
     */
    public static Timer.Builder latency(String name, String description) {
        return Timer.builder(name)
                .description(description)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30));
    }

    /** A tag value in the lower case Micrometer's conventions ask for ({@code PENDING} → {@code pending}). */
    public static String tag(Enum<?> value) {
        return value == null ? "none" : value.name().toLowerCase(Locale.ROOT);
    }
}
