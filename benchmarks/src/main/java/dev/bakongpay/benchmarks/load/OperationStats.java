package dev.bakongpay.benchmarks.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Recorded outcomes of one operation: a latency histogram (microseconds, 3 significant digits,
 * up to one minute) and counts by HTTP status, plus I/O failures (refused, reset, timed out, bad
 * answer) that have no status. One per worker and operation, so no recording path is shared
 * between threads; {@link #add} merges them after the run.
 */
final class OperationStats {

    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(1);

    final Histogram latencyMicros = new Histogram(HIGHEST_MICROS, 3);
    final long[] byStatus = new long[600];
    long ioErrors;

    void record(int status, long nanos) {
        latencyMicros.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000)));
        if (status >= 0 && status < byStatus.length) {
            byStatus[status]++;
        }
    }

    void recordIoError(long nanos) {
        latencyMicros.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000)));
        ioErrors++;
    }

    void add(OperationStats other) {
        latencyMicros.add(other.latencyMicros);
        for (int i = 0; i < byStatus.length; i++) {
            byStatus[i] += other.byStatus[i];
        }
        ioErrors += other.ioErrors;
    }

    long requests() {
        return latencyMicros.getTotalCount();
    }

    long successes() {
        long ok = 0;
        for (int i = 200; i < 300; i++) {
            ok += byStatus[i];
        }
        return ok;
    }

    long failures() {
        return requests() - successes();
    }

    /** Status code to count, in code order, with "io" for failures without a status. */
    Map<String, Long> statusCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < byStatus.length; i++) {
            if (byStatus[i] > 0) {
                counts.put(Integer.toString(i), byStatus[i]);
            }
        }
        if (ioErrors > 0) {
            counts.put("io", ioErrors);
        }
        return counts;
    }

    /** Latency at {@code percentile} (0..100) in milliseconds. */
    double millisAt(double percentile) {
        return requests() == 0 ? 0 : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return requests() == 0 ? 0 : latencyMicros.getMaxValue() / 1000.0;
    }
}
