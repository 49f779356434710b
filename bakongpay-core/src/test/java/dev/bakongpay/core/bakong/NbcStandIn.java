package dev.bakongpay.core.bakong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in for NBC's Bakong Open API on the JDK's HttpServer: answers per path, counts every
 * request, and can hold answers until a latch opens (for timeouts and single-flight tests).
 */
final class NbcStandIn implements AutoCloseable {

    static {
        // the JDK server writes headers and body apart; without TCP_NODELAY every answer waits ~40 ms for a delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    record Request(String path, String uri, String authorization, String body) {}

    record Reply(int status, String body) {}

    static final String NOT_FOUND =
            "{\"data\":null,\"errorCode\":1,\"responseCode\":1,\"responseMessage\":\"Transaction could not be found. Please check and try again.\"}";
    static final String FAILED =
            "{\"data\":null,\"errorCode\":3,\"responseCode\":1,\"responseMessage\":\"Transaction failed.\"}";
    static final String UNAUTHORIZED =
            "{\"data\":null,\"errorCode\":6,\"responseCode\":1,\"responseMessage\":\"Unauthorized.\"}";
    static final String TRANSACTION = "{\"hash\":\"9bc29426b5e55f171b0e137478d04eb8b8b3a757e0eb2040561ba4f9f052db95\","
            + "\"fromAccountId\":\"abaakhppxxx@abaa\",\"toAccountId\":\"chanvuthy_leap3@aclb\",\"currency\":\"KHR\",\"amount\":4400,"
            + "\"description\":null,\"createdDateMs\":1756366775000,\"acknowledgedDateMs\":1756366777000,\"trackingStatus\":null,"
            + "\"receiverBank\":null,\"receiverBankAccount\":null,\"instructionRef\":null,\"externalRef\":\"100FT35340355905\"}";
    static final String FOUND =
            "{\"responseCode\":0,\"responseMessage\":\"Success\",\"errorCode\":null,\"data\":" + TRANSACTION + "}";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Function<Request, Reply>> handlers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> maxActive = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Released at close, so that a held answer never outlives its test. */
    final CountDownLatch release = new CountDownLatch(1);

    NbcStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int port() {
        return server.getAddress().getPort();
    }

    NbcStandIn on(String path, Function<Request, Reply> handler) {
        handlers.put(path, handler);
        return this;
    }

    NbcStandIn answer(String path, int status, String body) {
        return on(path, r -> new Reply(status, body));
    }

    int count(String path) {
        return counts.getOrDefault(path, new AtomicInteger()).get();
    }

    int maxConcurrent(String path) {
        return maxActive.getOrDefault(path, new AtomicInteger()).get();
    }

    /** Waits for the latch (bounded), as a slow NBC would. */
    static void hold(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(
                path,
                exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                body);
        requests.add(request);
        counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        int now = active.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        maxActive.computeIfAbsent(path, p -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        try {
            Function<Request, Reply> handler = handlers.get(path);
            Reply reply = handler == null ? new Reply(404, "<html>no such path</html>") : handler.apply(request);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client gave up (timeout): nothing to answer
        } finally {
            active.get(path).decrementAndGet();
            exchange.close();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
