package dev.bakongpay.server.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The server's one meter registry, in Prometheus's format, with the JVM's and the process's
 * meters bound ({@code jvm.*}, {@code process.*}, {@code system.*}). Every component records into
 * it; {@code /metrics} and the management port print {@link #scrape()}.
 */
public final class ServerMetrics implements AutoCloseable {
    /** The content type of {@link #scrape()}: Prometheus text format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Records the size of each group commit of the JDBC store ({@code bakongpay.store.write.batch}). */
    public java.util.function.IntConsumer writeBatchSizes() {
        io.micrometer.core.instrument.DistributionSummary summary =
                io.micrometer.core.instrument.DistributionSummary.builder("bakongpay.store.write.batch")
                        .baseUnit("writes")
                        .description(
                                "Writes per group commit of the JDBC store (a create's insert and idempotency writes share commits)")
                        .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64)
                        .register(registry);
        return summary::record;
    }

    /** Every meter in Prometheus text. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
