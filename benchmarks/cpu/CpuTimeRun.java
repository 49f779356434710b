import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs JMH benchmark methods in a plain loop (after their {@code @Setup}) and times them in this
 * thread's CPU time, which a saturated machine stretches far less than JMH's wall time. For
 * comparing two builds on shared cores, not a replacement for JMH: the reflective call is in the
 * figure (the same for both builds). A single-file program, so it runs against any benchmarks.jar,
 * an old commit's included:
 * {@code java -cp benchmarks/target/benchmarks.jar benchmarks/cpu/CpuTimeRun.java
 * dev.bakongpay.benchmarks.khqr.KhqrBenchmark 5 10 200 encodeAndMd5 decode}
 * (class, warm-up CPU seconds per method, batches, CPU milliseconds per batch, methods). Prints
 * per method: mean, standard deviation and fastest batch, in µs of CPU per call.
 */
public class CpuTimeRun {
    static int sink;

    public static void main(String[] args) throws Throwable {
        Class<?> type = Class.forName(args[0]);
        double warmup = Double.parseDouble(args[1]);
        int batches = Integer.parseInt(args[2]);
        long batchNanos = Long.parseLong(args[3]) * 1_000_000L;
        Object bench = type.getDeclaredConstructor().newInstance();
        for (Method m : type.getMethods()) {
            if (m.isAnnotationPresent(org.openjdk.jmh.annotations.Setup.class)) m.invoke(bench);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int a = 4; a < args.length; a++) {
            Method m = type.getMethod(args[a]);
            run(bench, m, mx, (long) (warmup * 1e9)); // warm-up, discarded
            List<Double> perOp = new ArrayList<>();
            for (int b = 0; b < batches; b++) perOp.add(run(bench, m, mx, batchNanos));
            double mean = perOp.stream().mapToDouble(d -> d).average().orElseThrow();
            double var = perOp.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / (perOp.size() - 1);
            double min = perOp.stream().mapToDouble(d -> d).min().orElseThrow();
            System.out.printf("%s %.3f %.3f %.3f%n", args[a], mean / 1000, Math.sqrt(var) / 1000, min / 1000);
        }
        if (sink == 42) System.out.println();
    }

    /** CPU ns per call, over calls until batchNanos of this thread's CPU time have passed. */
    static double run(Object bench, Method m, ThreadMXBean mx, long batchNanos) throws Exception {
        long start = mx.getCurrentThreadCpuTime();
        long calls = 0;
        long now;
        do {
            for (int i = 0; i < 1000; i++) sink += System.identityHashCode(m.invoke(bench));
            calls += 1000;
            now = mx.getCurrentThreadCpuTime();
        } while (now - start < batchNanos);
        return (double) (now - start) / calls;
    }
}
