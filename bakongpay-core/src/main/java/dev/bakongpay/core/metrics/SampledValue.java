package dev.bakongpay.core.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from a store at most once per {@code maxAge}, for gauges: however often scrapers
 * ask (several Prometheus servers, a dashboard refresh storm), the store answers one query per
 * period. A failing read keeps the last value (or null) and is logged at debug: a gauge must not
 * fail a scrape.
 *
 * @param <T> what is sampled
 */
public final class SampledValue<T> {
    private static final Logger LOG = LoggerFactory.getLogger(SampledValue.class);

    private final Supplier<T> read;
    private final Duration maxAge;
    private final Clock clock;
    private T value;
    private Instant readAt;

    public SampledValue(Supplier<T> read, Duration maxAge, Clock clock) {
        this.read = Objects.requireNonNull(read, "read");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The last sample, read again first when older than {@code maxAge}; null when no read has succeeded. */
    public synchronized T get() {
        Instant now = clock.instant();
        if (readAt == null || !now.isBefore(readAt.plus(maxAge))) {
            readAt = now; // a failing read is not retried before maxAge either
            try {
                value = read.get();
            } catch (RuntimeException e) {
                LOG.debug("metrics sample failed; keeping the last value: {}", e.toString());
            }
        }
        return value;
    }
}
