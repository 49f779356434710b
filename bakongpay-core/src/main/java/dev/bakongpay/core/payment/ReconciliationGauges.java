package dev.bakongpay.core.payment;

import dev.bakongpay.core.metrics.SampledValue;
import dev.bakongpay.spi.ReconciliationBacklog;
import dev.bakongpay.spi.TransactionStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Two gauges of the work reconciliation has not done yet, read from the store
 * ({@link TransactionStore#reconciliationBacklog}) at most once per {@link #SAMPLE_EVERY}, however
 * often they are scraped:
 * {@code bakongpay.reconciliation.backlog} (PENDING transactions due for a check) and
 * {@code bakongpay.reconciliation.lag} (how long the longest-waiting one has been due). NaN when the
 * store cannot tell or has not answered yet.
 *
 * <pre>{@code
 * ReconciliationGauges.register(registry, storage.transactions(), clock);
 * }</pre>
 */
public final class ReconciliationGauges {
    /** How old a sample may be: one store query per this period at most. */
    public static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);

    private ReconciliationGauges() {}

    public static void register(MeterRegistry registry, TransactionStore store, Clock clock) {
        Objects.requireNonNull(store, "store");
        SampledValue<ReconciliationBacklog> sample =
                new SampledValue<>(() -> store.reconciliationBacklog(clock.instant()), SAMPLE_EVERY, clock);
        Gauge.builder("bakongpay.reconciliation.backlog", sample, s -> {
                    ReconciliationBacklog b = s.get();
                    return b == null ? Double.NaN : b.due();
                })
                .description("PENDING transactions due for a reconciliation check (never leased, or lease over)")
                .strongReference(true)
                .register(registry);
        TimeGauge.builder("bakongpay.reconciliation.lag", sample, TimeUnit.SECONDS, s -> {
                    ReconciliationBacklog b = s.get();
                    if (b == null) return Double.NaN;
                    if (b.oldestDueSince() == null) return 0;
                    return Math.max(
                            0,
                            Duration.between(b.oldestDueSince(), clock.instant())
                                            .toMillis()
                                    / 1000.0);
                })
                .description("How long the longest-waiting due transaction has waited for reconciliation")
                .strongReference(true)
                .register(registry);
    }
}
