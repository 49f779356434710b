package dev.bakongpay.benchmarks.load;

import dev.bakongpay.benchmarks.load.Scenario.Operation;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of one run: per operation, requests, throughput, latency percentiles and status
 * counts, as a table for people and as one JSON line per operation for scripts and the README.
 */
public final class LoadReport {

    private final LoadOptions options;
    private final double measuredSeconds;
    private final String stopReason;
    private final String setup;
    private final String lastFailure;
    private final Map<Operation, OperationStats> byOperation = new EnumMap<>(Operation.class);

    LoadReport(
            LoadOptions options,
            double measuredSeconds,
            String stopReason,
            String setup,
            String lastFailure,
            List<Worker> workers) {
        this.options = options;
        this.measuredSeconds = measuredSeconds;
        this.stopReason = stopReason;
        this.setup = setup;
        this.lastFailure = lastFailure;
        for (Worker worker : workers) {
            worker.stats()
                    .forEach((operation, stats) -> byOperation
                            .computeIfAbsent(operation, o -> new OperationStats())
                            .add(stats));
        }
        byOperation.values().removeIf(stats -> stats.requests() == 0);
    }

    /** Operations that were measured, in a stable order. */
    public List<String> operations() {
        return byOperation.keySet().stream().map(Operation::label).toList();
    }

    public long requests(String operation) {
        return stats(operation).requests();
    }

    public long failures(String operation) {
        return stats(operation).failures();
    }

    public Map<String, Long> statusCounts(String operation) {
        return stats(operation).statusCounts();
    }

    public double requestsPerSecond(String operation) {
        return measuredSeconds <= 0 ? 0 : stats(operation).requests() / measuredSeconds;
    }

    /** Latency in milliseconds at a percentile between 0 and 100. */
    public double percentileMillis(String operation, double percentile) {
        return stats(operation).millisAt(percentile);
    }

    public double maxMillis(String operation) {
        return stats(operation).maxMillis();
    }

    public double measuredSeconds() {
        return measuredSeconds;
    }

    public String stopReason() {
        return stopReason;
    }

    private OperationStats stats(String label) {
        return byOperation.entrySet().stream()
                .filter(e -> e.getKey().label.equals(label))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseGet(OperationStats::new);
    }

    /** A fixed-width table, then any hints about failures. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "scenario %s%s%s, %d connections, %s client, %.1f s measured after %.1f s warm-up (%s)%n",
                options.scenario().name().toLowerCase(Locale.ROOT),
                options.idempotencyKeys() ? " (creates with Idempotency-Key)" : "",
                options.identicalBodies() ? " (identical create bodies)" : "",
                options.connections(),
                options.client().name().toLowerCase(Locale.ROOT),
                measuredSeconds,
                options.warmup().toMillis() / 1000.0,
                stopReason));
        if (setup != null) {
            out.append(setup).append(System.lineSeparator());
        }
        out.append(String.format(
                Locale.ROOT,
                "%-11s %10s %10s %8s %8s %8s %9s  %s%n",
                "operation",
                "requests",
                "req/s",
                "p50 ms",
                "p90 ms",
                "p99 ms",
                "max ms",
                "statuses"));
        for (Map.Entry<Operation, OperationStats> entry : byOperation.entrySet()) {
            String label = entry.getKey().label;
            OperationStats stats = entry.getValue();
            out.append(String.format(
                    Locale.ROOT,
                    "%-11s %10d %10.1f %8.2f %8.2f %8.2f %9.2f  %s%n",
                    label,
                    stats.requests(),
                    requestsPerSecond(label),
                    stats.millisAt(50),
                    stats.millisAt(90),
                    stats.millisAt(99),
                    stats.maxMillis(),
                    statusText(stats.statusCounts())));
        }
        if (byOperation.isEmpty()) {
            out.append("(no request finished after the warm-up)").append(System.lineSeparator());
        }
        if (byOperation.values().stream().anyMatch(s -> s.byStatus[429] > 0)) {
            out.append("hint: 429s mean the key's rate limit is in the way; start the server with an"
                            + " ENTERPRISE key and a high limit (see benchmarks/load/README.md)")
                    .append(System.lineSeparator());
        }
        if (lastFailure != null) {
            out.append("last failure: ").append(lastFailure).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** One JSON object per line and operation; keys are stable for scripts. */
    public String jsonLines() {
        return byOperation.entrySet().stream()
                .map(entry -> {
                    String label = entry.getKey().label;
                    OperationStats stats = entry.getValue();
                    String statuses = stats.statusCounts().entrySet().stream()
                            .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                            .collect(Collectors.joining(",", "{", "}"));
                    return String.format(
                            Locale.ROOT,
                            "{\"tool\":\"bakongpay-load\",\"scenario\":\"%s\",\"operation\":\"%s\",\"client\":\"%s\","
                                    + "\"connections\":%d,\"seconds\":%.3f,\"requests\":%d,\"reqPerSec\":%.1f,"
                                    + "\"p50Ms\":%.3f,\"p90Ms\":%.3f,\"p99Ms\":%.3f,\"maxMs\":%.3f,\"failures\":%d,"
                                    + "\"statuses\":%s,\"stop\":\"%s\",\"idempotencyKeys\":%b,\"identicalBodies\":%b}",
                            options.scenario().name().toLowerCase(Locale.ROOT),
                            label,
                            options.client().name().toLowerCase(Locale.ROOT),
                            options.connections(),
                            measuredSeconds,
                            stats.requests(),
                            requestsPerSecond(label),
                            stats.millisAt(50),
                            stats.millisAt(90),
                            stats.millisAt(99),
                            stats.maxMillis(),
                            stats.failures(),
                            statuses,
                            stopReason,
                            options.idempotencyKeys(),
                            options.identicalBodies());
                })
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private static String statusText(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
