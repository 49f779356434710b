import java.lang.annotation.Annotation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Compares one JMH benchmark method of two builds inside one JVM: each build's benchmarks.jar is
 * loaded by a class loader of its own, and batches of A and B alternate (A B B A ...), each timed
 * in this thread's CPU time. A machine whose speed drifts by a third within minutes (ours does)
 * moves both sides alike, so the paired ratio stays readable where two separate JVMs disagree.
 *
 * <p>{@code java benchmarks/cpu/CpuTimeAB.java before/benchmarks.jar after/benchmarks.jar
 * dev.bakongpay.benchmarks.khqr.KhqrBenchmark 5 40 100 encodeValidatedPayload encodeAndMd5}
 * (jar A, jar B, class, warm-up CPU seconds per side, rounds, CPU milliseconds per batch, methods).
 * Prints per method: µs of CPU per call for A and B (mean ± standard deviation over the rounds),
 * and B/A as the mean of the per-round ratios with a 95 % interval.
 */
public class CpuTimeAB {
    static int sink;

    public static void main(String[] args) throws Throwable {
        if (args.length < 7) {
            System.err.println("usage: CpuTimeAB.java JAR_A JAR_B CLASS WARMUP_S ROUNDS BATCH_MS METHOD...");
            System.exit(2);
        }
        Object a = benchmark(Path.of(args[0]), args[2]);
        Object b = benchmark(Path.of(args[1]), args[2]);
        double warmup = Double.parseDouble(args[3]);
        int rounds = Integer.parseInt(args[4]);
        long batchNanos = Long.parseLong(args[5]) * 1_000_000L;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.println("method  A_us  sdA  B_us  sdB  B/A  95%low  95%high");
        for (String name : Arrays.copyOfRange(args, 6, args.length)) {
            Method ma = a.getClass().getMethod(name);
            Method mb = b.getClass().getMethod(name);
            run(a, ma, mx, (long) (warmup * 1e9));
            run(b, mb, mx, (long) (warmup * 1e9));
            double[] ta = new double[rounds];
            double[] tb = new double[rounds];
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                if (r % 2 == 0) { // A B, then B A: neither side always runs first
                    ta[r] = run(a, ma, mx, batchNanos);
                    tb[r] = run(b, mb, mx, batchNanos);
                } else {
                    tb[r] = run(b, mb, mx, batchNanos);
                    ta[r] = run(a, ma, mx, batchNanos);
                }
                ratio[r] = tb[r] / ta[r];
            }
            double mr = mean(ratio);
            double half = 1.96 * sd(ratio) / Math.sqrt(rounds);
            System.out.printf(
                    "%s  %.3f  %.3f  %.3f  %.3f  %.3f  %.3f  %.3f%n",
                    name, mean(ta) / 1000, sd(ta) / 1000, mean(tb) / 1000, sd(tb) / 1000, mr, mr - half, mr + half);
        }
        if (sink == 42) System.out.println();
    }

    /** The benchmark class from its own jar, its {@code @Setup} methods run. */
    static Object benchmark(Path jar, String className) throws Exception {
        URL[] urls = {jar.toUri().toURL()};
        ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
        Class<?> type = Class.forName(className, true, loader);
        Object bench = type.getDeclaredConstructor().newInstance();
        for (Method m : type.getMethods()) {
            for (Annotation an : m.getAnnotations()) {
                if (an.annotationType().getName().equals("org.openjdk.jmh.annotations.Setup")) m.invoke(bench);
            }
        }
        return bench;
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    static double sd(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
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
