package dev.bakongpay.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bakongpay.benchmarks.load.HttpClientConnection.HttpAnswer;
import dev.bakongpay.core.json.JsonMappers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The transactions that check, bulk and mixed runs poll: created through the server before the
 * clock starts. With {@code --check-final} each is then paid in the simulator by its QR string
 * and checked through the server until it reports SUCCESS, so the measured checks ask about final
 * transactions, which a gateway can answer from its store without asking NBC.
 */
final class TransactionPool {

    private static final ObjectMapper JSON = JsonMappers.standard();
    private static final int SETUP_THREADS = 8;
    private static final long FINAL_WAIT_MILLIS = 30_000;

    /** What setup achieved, shown in the report. */
    record Summary(List<String> md5s, int created, int paid, int finalOnCheck, String lastProblem) {
        String describe() {
            return "pool: " + created + " created"
                    + (paid >= 0
                            ? ", " + paid + " paid in the simulator, " + finalOnCheck
                                    + " SUCCESS when checked through the server"
                            : "");
        }
    }

    private record Created(String md5, String qrString) {}

    private TransactionPool() {}

    static Summary build(
            LoadOptions options,
            RequestBodies bodies,
            Supplier<HttpClientConnection> server,
            Supplier<HttpClientConnection> simulator,
            PrintStream log)
            throws InterruptedException {
        log.println("setup: creating " + options.poolSize() + " transactions...");
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Created> created = Collections.synchronizedList(new ArrayList<>());
        StringBuffer lastProblem = new StringBuffer();
        // setup may fail at most this often before we give up, so a wrong key stops quickly
        int failureBudget = Math.max(10, options.poolSize() / 10);
        runParallel(options, () -> {
            try (HttpClientConnection connection = server.get()) {
                for (int i = next.getAndIncrement();
                        i < options.poolSize() && failures.get() < failureBudget;
                        i = next.getAndIncrement()) {
                    try {
                        HttpAnswer answer =
                                connection.exchange("POST", Scenario.Operation.CREATE.path, bodies.create(-1, i));
                        JsonNode data = answer.status() == 200
                                ? JSON.readTree(answer.body()).path("data")
                                : null;
                        if (data == null
                                || !data.path("md5").isTextual()
                                || !data.path("qrString").isTextual()) {
                            failures.incrementAndGet();
                            note(
                                    lastProblem,
                                    "create -> HTTP " + answer.status() + " " + Worker.preview(answer.body()));
                        } else {
                            created.add(new Created(
                                    data.get("md5").asText(),
                                    data.get("qrString").asText()));
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                        note(lastProblem, "create -> " + e);
                    }
                }
            }
        });
        if (created.size() < Math.max(RequestBodies.BULK_SIZE, options.poolSize() - failureBudget)) {
            throw new IllegalStateException("setup failed: only " + created.size() + " of " + options.poolSize()
                    + " transactions created; last problem: " + lastProblem);
        }
        List<String> md5s = created.stream().map(Created::md5).toList();
        if (!options.checkFinal()) {
            return new Summary(md5s, created.size(), -1, -1, lastProblem.toString());
        }
        log.println("setup: paying them in the simulator at " + options.simulatorUrl() + "...");
        AtomicInteger paid = new AtomicInteger();
        AtomicInteger cursor = new AtomicInteger();
        runParallel(options, () -> {
            try (HttpClientConnection sim = simulator.get()) {
                for (int i = cursor.getAndIncrement(); i < created.size(); i = cursor.getAndIncrement()) {
                    try {
                        byte[] pay = JSON.writeValueAsBytes(
                                java.util.Map.of("qr", created.get(i).qrString()));
                        HttpAnswer payment = sim.exchange("POST", "/simulator/payments", pay);
                        // 409: already settled, e.g. by an earlier run against the same simulator
                        if (payment.status() == 201 || payment.status() == 200 || payment.status() == 409) {
                            paid.incrementAndGet();
                        } else {
                            note(
                                    lastProblem,
                                    "simulator payment -> HTTP " + payment.status() + " "
                                            + Worker.preview(payment.body()));
                        }
                    } catch (IOException e) {
                        note(lastProblem, "simulator payment -> " + e);
                    }
                }
            }
        });
        int success = checkUntilFinal(options, created, server, lastProblem, log);
        return new Summary(md5s, created.size(), paid.get(), success, lastProblem.toString());
    }

    /**
     * Checks every paid transaction through the server until it reports SUCCESS. A server may
     * space out its calls to NBC for one md5, so one check is not always enough; rounds repeat
     * every half second for at most {@link #FINAL_WAIT_MILLIS}, then the run goes on with what
     * is final and says how many.
     */
    private static int checkUntilFinal(
            LoadOptions options,
            List<Created> created,
            Supplier<HttpClientConnection> server,
            StringBuffer lastProblem,
            PrintStream log)
            throws InterruptedException {
        List<Created> pending = new ArrayList<>(created);
        long deadline = System.nanoTime() + FINAL_WAIT_MILLIS * 1_000_000L;
        int rounds = 0;
        while (!pending.isEmpty()) {
            List<Created> stillPending = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger cursor = new AtomicInteger();
            List<Created> round = pending;
            runParallel(options, () -> {
                try (HttpClientConnection connection = server.get()) {
                    for (int i = cursor.getAndIncrement(); i < round.size(); i = cursor.getAndIncrement()) {
                        Created transaction = round.get(i);
                        try {
                            HttpAnswer check = connection.exchange(
                                    "POST",
                                    Scenario.Operation.CHECK_MD5.path,
                                    ("{\"md5\":\"" + transaction.md5() + "\"}").getBytes(StandardCharsets.UTF_8));
                            String status = check.status() == 200
                                    ? JSON.readTree(check.body())
                                            .path("data")
                                            .path("status")
                                            .asText("")
                                    : "";
                            if (!status.equals("SUCCESS")) {
                                stillPending.add(transaction);
                                note(
                                        lastProblem,
                                        "check after paying -> HTTP " + check.status() + " "
                                                + Worker.preview(check.body()));
                            }
                        } catch (IOException e) {
                            stillPending.add(transaction);
                            note(lastProblem, "check after paying -> " + e);
                        }
                    }
                }
            });
            pending = stillPending;
            rounds++;
            if (pending.isEmpty() || System.nanoTime() - deadline >= 0) {
                break;
            }
            Thread.sleep(500);
        }
        log.println("setup: " + (created.size() - pending.size()) + " of " + created.size() + " SUCCESS after " + rounds
                + " round(s) of checks");
        return created.size() - pending.size();
    }

    private static void note(StringBuffer lastProblem, String problem) {
        synchronized (lastProblem) {
            lastProblem.setLength(0);
            lastProblem.append(problem);
        }
    }

    private static void runParallel(LoadOptions options, Runnable task) throws InterruptedException {
        int threads = Math.min(SETUP_THREADS, options.connections());
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(task));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("setup failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
