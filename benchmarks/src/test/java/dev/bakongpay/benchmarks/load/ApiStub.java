package dev.bakongpay.benchmarks.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny in-test stand-in for the BakongPay server and the simulator's payment call, answering in
 * the public API's JSON shapes. Create answers are chunked and the others carry a Content-Length,
 * so both body framings of the socket client are exercised.
 */
final class ApiStub implements AutoCloseable {

    static final String KEY = "bk_test_stub_enterprise";
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern QR = Pattern.compile("\"qr\"\\s*:\\s*\"000201([0-9a-f]{32})\"");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Set<String> paid = ConcurrentHashMap.newKeySet();
    /** The Idempotency-Key of every create that had one, and how many had none. */
    final Set<String> idempotencyKeys = ConcurrentHashMap.newKeySet();

    final AtomicLong createsWithoutKey = new AtomicLong();
    /** Every distinct body POSTed to /raw. */
    final Set<String> rawBodies = ConcurrentHashMap.newKeySet();

    final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    /** When above 0, every n-th single check is refused with 429 and Retry-After. */
    volatile int rateLimitEveryNthCheck;

    private final AtomicLong checks = new AtomicLong();
    /** How many checks of a paid md5 still answer PENDING, as from a server that polls NBC lazily. */
    volatile int pendingChecksAfterPayment;

    private final Map<String, AtomicLong> checksSincePaid = new ConcurrentHashMap<>();

    ApiStub() throws IOException {
        // without it the JDK server's separate header and body writes meet delayed ACKs: 40 ms a call
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.createContext("/api/v1/khqr/create", authorized(this::create));
        server.createContext("/api/v1/check/md5", authorized(this::checkMd5));
        server.createContext("/api/v1/check/bulk", authorized(this::checkBulk));
        server.createContext("/simulator/payments", this::pay);
        server.createContext("/raw", authorized(this::raw));
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long calls(String path) {
        return calls.getOrDefault(path, new AtomicLong()).get();
    }

    private HttpHandler authorized(HttpHandler handler) {
        return exchange -> {
            calls.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicLong())
                    .incrementAndGet();
            if (!("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"success\":false,\"error\":{\"code\":\"UNAUTHORIZED\"}}", false);
                return;
            }
            handler.handle(exchange);
        };
    }

    private void raw(HttpExchange exchange) throws IOException {
        rawBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        send(exchange, 200, "{\"ok\":true}", false);
    }

    private void create(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key == null) {
            createsWithoutKey.incrementAndGet();
        } else {
            idempotencyKeys.add(key);
        }
        String md5 = md5(exchange.getRequestBody().readAllBytes());
        created.add(md5);
        send(
                exchange,
                200,
                "{\"success\":true,\"data\":{\"transactionId\":\"" + java.util.UUID.randomUUID()
                        + "\",\"qrString\":\"000201" + md5 + "\",\"qrImage\":\"data:image/png;base64,"
                        + "A".repeat(3000) + "\",\"md5\":\"" + md5 + "\",\"deepLink\":\"bakong://pay?qr=x\","
                        + "\"checkoutUrl\":\"http://127.0.0.1/pay/x\",\"expiresAt\":\"2026-06-02T14:00:00Z\"}}",
                true);
    }

    private void checkMd5(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int every = rateLimitEveryNthCheck;
        if (every > 0 && checks.incrementAndGet() % every == 0) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, 429, "{\"success\":false,\"error\":{\"code\":\"RATE_LIMITED\"}}", false);
            return;
        }
        Matcher m = MD5.matcher(body);
        if (!m.find() || !created.contains(m.group())) {
            send(exchange, 404, "{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\"}}", false);
            return;
        }
        String md5 = m.group();
        boolean seenPaid = paid.contains(md5)
                && checksSincePaid.computeIfAbsent(md5, k -> new AtomicLong()).incrementAndGet()
                        > pendingChecksAfterPayment;
        send(
                exchange,
                200,
                "{\"success\":true,\"data\":{\"md5\":\"" + md5 + "\",\"status\":\"" + (seenPaid ? "SUCCESS" : "PENDING")
                        + "\"}}",
                false);
    }

    private void checkBulk(HttpExchange exchange) throws IOException {
        Matcher m = MD5.matcher(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        StringBuilder results = new StringBuilder();
        int total = 0;
        while (m.find()) {
            results.append(total++ == 0 ? "" : ",")
                    .append('"')
                    .append(m.group())
                    .append("\":{\"status\":\"")
                    .append(paid.contains(m.group()) ? "SUCCESS" : "PENDING")
                    .append("\"}");
        }
        send(
                exchange,
                total > 50 ? 422 : 200,
                "{\"success\":true,\"data\":{\"total\":" + total + ",\"results\":{" + results + "}}}",
                false);
    }

    private void pay(HttpExchange exchange) throws IOException {
        calls.computeIfAbsent("/simulator/payments", p -> new AtomicLong()).incrementAndGet();
        Matcher m = QR.matcher(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!m.find() || !created.contains(m.group(1))) {
            send(exchange, 422, "{\"responseCode\":1,\"responseMessage\":\"not a KHQR\"}", false);
        } else if (!paid.add(m.group(1))) {
            send(exchange, 409, "{\"responseCode\":1,\"responseMessage\":\"already settled\"}", false);
        } else {
            send(
                    exchange,
                    201,
                    "{\"responseCode\":0,\"data\":{\"md5\":\"" + m.group(1) + "\",\"status\":\"SUCCESS\"}}",
                    false);
        }
    }

    private static void send(HttpExchange exchange, int status, String json, boolean chunked) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
