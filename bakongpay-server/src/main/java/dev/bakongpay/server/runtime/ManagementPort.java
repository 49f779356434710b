package dev.bakongpay.server.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bakongpay.jaxrs.internal.HttpErrors;
import dev.bakongpay.jaxrs.internal.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management port ({@code BAKONGPAY_MANAGEMENT_PORT}): {@code GET /metrics} (Prometheus text)
 * and {@code GET /health} without any token, on a port of its own that the operator keeps off the
 * public network. On the JDK's HTTP server, so the executable JAR and the WAR open it the same way
 * and the container's own ports are left alone. One daemon thread: scrapes come a few times a minute.
 */
public final class ManagementPort implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementPort.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private ManagementPort(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds {@code host:port} (0 picks a free port) and serves at once. */
    public static ManagementPort start(String host, int port, ServerMetrics metrics, Supplier<HealthReport> health) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the management port " + host + ":" + port + " cannot be opened: " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bakongpay-management");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                answer(exchange, metrics, health);
            } catch (RuntimeException e) {
                LOG.warn(
                        "management port: answering {} failed",
                        exchange.getRequestURI().getPath(),
                        e);
            }
        });
        server.start();
        ManagementPort started = new ManagementPort(server, executor);
        LOG.info(
                "BakongPay management port: http://{}:{}/metrics and /health (no token: keep this port private)",
                host.contains(":") ? "[" + host + "]" : host,
                started.port());
        return started;
    }

    private static void answer(HttpExchange exchange, ServerMetrics metrics, Supplier<HealthReport> health)
            throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        boolean known = path.equals("/metrics") || path.equals("/health");
        if (!known) {
            send(exchange, 404, "application/json", error(404));
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, "application/json", error(405));
            return;
        }
        if (path.equals("/metrics")) {
            send(exchange, 200, ServerMetrics.CONTENT_TYPE, metrics.scrape().getBytes(StandardCharsets.UTF_8));
        } else {
            HealthReport report = health.get();
            send(exchange, report.up() ? 200 : 503, "application/json", Json.MAPPER.writeValueAsBytes(report.body()));
        }
    }

    private static byte[] error(int status) throws IOException {
        return Json.MAPPER.writeValueAsBytes(HttpErrors.body(status, HttpErrors.message(status)));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The port bound (the real one when 0 was asked). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
