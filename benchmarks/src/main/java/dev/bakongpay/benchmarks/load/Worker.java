package dev.bakongpay.benchmarks.load;

import dev.bakongpay.benchmarks.load.HttpClientConnection.HttpAnswer;
import dev.bakongpay.benchmarks.load.Scenario.Operation;
import java.io.IOException;
import java.net.ConnectException;
import java.util.EnumMap;
import java.util.Map;

/**
 * A closed-loop client: sends one request, waits for the whole answer, sends the next. With N
 * workers exactly N requests are in flight, so "64 connections" means 64 concurrent requests and
 * the latencies are service times at that concurrency (a closed loop does not model arrivals that
 * keep coming while the server stalls; see the README).
 */
final class Worker implements Runnable {

    private static final long CONNECT_BACKOFF_MILLIS = 50;

    private final int id;
    private final HttpClientConnection connection;
    private final Scenario scenario;
    private final RequestBodies bodies;
    private final RunControl control;
    private final boolean idempotencyKeys;
    private final Map<Operation, OperationStats> stats = new EnumMap<>(Operation.class);
    volatile String lastFailure;

    Worker(
            int id,
            HttpClientConnection connection,
            Scenario scenario,
            RequestBodies bodies,
            RunControl control,
            boolean idempotencyKeys) {
        this.idempotencyKeys = idempotencyKeys;
        this.id = id;
        this.connection = connection;
        this.scenario = scenario;
        this.bodies = bodies;
        this.control = control;
        for (Operation operation : Operation.values()) {
            stats.put(operation, new OperationStats());
        }
    }

    @Override
    public void run() {
        // workers start at different points of the scenario's cycle, so a mixed run has its creates
        // spread out instead of all 64 at once
        long n = id;
        try {
            while (control.mayStart()) {
                Operation operation = scenario.operation(n);
                byte[] body = bodies.body(operation, id, n);
                String key = idempotencyKeys && operation == Operation.CREATE ? bodies.idempotencyKey(id, n) : null;
                n++;
                long start = System.nanoTime();
                try {
                    String path = operation == Operation.RAW ? bodies.rawPath() : operation.path;
                    HttpAnswer answer = connection.exchange("POST", path, body, key);
                    long elapsed = System.nanoTime() - start;
                    if (start - control.measureStartNanos >= 0) {
                        stats.get(operation).record(answer.status(), elapsed);
                    }
                    if (answer.status() < 200 || answer.status() >= 300) {
                        lastFailure = operation.label + " -> HTTP " + answer.status() + " " + preview(answer.body());
                        control.countError();
                    }
                } catch (IOException e) {
                    long elapsed = System.nanoTime() - start;
                    if (start - control.measureStartNanos >= 0) {
                        stats.get(operation).recordIoError(elapsed);
                    }
                    lastFailure = operation.label + " -> " + e;
                    control.countError();
                    if (e instanceof ConnectException) {
                        // nothing listening: pause so a dead server is not hammered in a tight loop
                        Thread.sleep(CONNECT_BACKOFF_MILLIS);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connection.close();
        }
    }

    Map<Operation, OperationStats> stats() {
        return stats;
    }

    static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.UTF_8);
        return text.replaceAll("\\s+", " ");
    }
}
