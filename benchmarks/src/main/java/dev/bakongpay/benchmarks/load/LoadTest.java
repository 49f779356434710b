package dev.bakongpay.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * HTTP load generator for a running BakongPay server: closed-loop workers drive create, check or
 * bulk (or a mix) for a bounded time and report throughput and latency percentiles.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.bakongpay.benchmarks.load.LoadTest \
 *     --url http://127.0.0.1:8080 --key bk_test_load... --scenario check --check-final</pre>
 *
 * Exit status: 0 when the run completed with at least one success, 1 when setup failed or every
 * request failed, 2 for bad options.
 */
public final class LoadTest {

    private LoadTest() {}

    public static void main(String[] args) throws InterruptedException {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.poolOut() != null) {
            try {
                writePool(options, System.err);
                System.exit(0);
            } catch (IllegalStateException e) {
                System.err.println(e.getMessage());
                System.exit(1);
            }
            return;
        }
        LoadReport report;
        try {
            report = run(options, System.err);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        System.out.print(report.table());
        System.out.println(report.jsonLines());
        boolean anySuccess = report.operations().stream().anyMatch(op -> report.requests(op) > report.failures(op));
        System.exit(anySuccess ? 0 : 1);
    }

    /**
     * {@code --pool-out}: builds the pool as a check run would, writes its md5s to the file and
     * drives no load, so that another client can check the same final-status payments.
     *
     * @throws IllegalStateException when the pool could not be built or the file written
     */
    static void writePool(LoadOptions options, PrintStream log) throws InterruptedException {
        Supplier<HttpClientConnection> server = () -> connect(options, options.url(), options.apiKey(), null);
        Supplier<HttpClientConnection> simulator = () -> connect(options, options.simulatorUrl(), null, null);
        RequestBodies bodies = new RequestBodies(
                options.bakongId(), List.of(), options.identicalBodies(), options.rawPath(), options.rawBody());
        TransactionPool.Summary pool = TransactionPool.build(options, bodies, server, simulator, log);
        log.println("setup: " + pool.describe());
        try {
            Files.write(options.poolOut(), pool.md5s());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write --pool-out " + options.poolOut() + ": " + e.getMessage());
        }
        log.println("setup: " + pool.md5s().size() + " md5s written to " + options.poolOut());
    }

    /**
     * Runs setup (the pool) and the measured load; progress goes to {@code log}.
     *
     * @throws IllegalStateException when setup could not create the pool
     */
    public static LoadReport run(LoadOptions options, PrintStream log) throws InterruptedException {
        HttpClient shared = options.client() == LoadOptions.ClientKind.JDK
                ? JdkHttpConnection.newSharedClient(options.timeout())
                : null;
        Supplier<HttpClientConnection> server = () -> connect(options, options.url(), options.apiKey(), shared);
        Supplier<HttpClientConnection> simulator = () -> connect(options, options.simulatorUrl(), null, shared);

        RequestBodies bodies = new RequestBodies(
                options.bakongId(), List.of(), options.identicalBodies(), options.rawPath(), options.rawBody());
        String setup = null;
        if (options.scenario().needsPool() && options.md5File() != null) {
            List<String> md5s = readMd5s(options.md5File());
            setup = "pool: " + md5s.size() + " md5s from " + options.md5File();
            log.println("setup: " + setup);
            bodies = new RequestBodies(options.bakongId(), md5s, options.identicalBodies());
        } else if (options.scenario().needsPool()) {
            TransactionPool.Summary pool = TransactionPool.build(options, bodies, server, simulator, log);
            setup = pool.describe();
            log.println("setup: " + setup);
            bodies = new RequestBodies(
                    options.bakongId(), pool.md5s(), options.identicalBodies(), options.rawPath(), options.rawBody());
        }

        long start = System.nanoTime();
        RunControl control = new RunControl(
                start,
                options.warmup().toNanos(),
                options.duration().toNanos(),
                options.maxRequests(),
                options.maxErrors());
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < options.connections(); i++) {
            Worker worker = new Worker(i, server.get(), options.scenario(), bodies, control, options.idempotencyKeys());
            workers.add(worker);
            Thread thread = new Thread(worker, "load-worker-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        log.printf(
                java.util.Locale.ROOT,
                "load: %s, %d connections, %.1f s warm-up, then %.1f s measured%n",
                options.scenario().name().toLowerCase(java.util.Locale.ROOT),
                options.connections(),
                options.warmup().toMillis() / 1000.0,
                options.duration().toMillis() / 1000.0);
        threads.forEach(Thread::start);
        // a worker stuck in a request is freed by its socket timeout; wait that long past the end
        long joinDeadline = control.endNanos + options.timeout().toNanos() + 5_000_000_000L;
        for (Thread thread : threads) {
            long left = joinDeadline - System.nanoTime();
            if (left > 0) {
                thread.join(Math.max(1, left / 1_000_000));
            }
            if (thread.isAlive()) {
                log.println("warning: " + thread.getName() + " did not finish in time; its numbers are left out");
            }
        }
        String lastFailure = workers.stream()
                .map(w -> w.lastFailure)
                .filter(f -> f != null)
                .reduce((a, b) -> b)
                .orElse(null);
        List<Worker> finished = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            if (!threads.get(i).isAlive()) {
                finished.add(workers.get(i));
            }
        }
        return new LoadReport(options, control.measuredSeconds(), control.stopReason(), setup, lastFailure, finished);
    }

    /**
     * The md5s of a {@code --md5-file}, e.g. of rows a store was filled with (StoreAtScale).
     *
     * @throws IllegalStateException when the file cannot be read or holds fewer than a bulk batch
     */
    static List<String> readMd5s(Path file) {
        List<String> md5s;
        try (var lines = Files.lines(file)) {
            md5s = lines.map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalStateException("setup failed: cannot read --md5-file " + file + ": " + e.getMessage());
        }
        for (String md5 : md5s) {
            if (!md5.matches("[0-9a-f]{32}")) {
                throw new IllegalStateException(
                        "setup failed: --md5-file " + file + " holds '" + md5 + "', not 32 lowercase hex digits");
            }
        }
        if (md5s.size() < RequestBodies.BULK_SIZE) {
            throw new IllegalStateException("setup failed: --md5-file " + file + " holds " + md5s.size()
                    + " md5s; bulk needs at least " + RequestBodies.BULK_SIZE);
        }
        return md5s;
    }

    private static HttpClientConnection connect(LoadOptions options, URI base, String key, HttpClient shared) {
        if (shared != null) {
            return new JdkHttpConnection(shared, base, key, options.timeout());
        }
        return new SocketHttpConnection(
                base.getHost(), base.getPort() == -1 ? 80 : base.getPort(), key, options.timeout());
    }
}
