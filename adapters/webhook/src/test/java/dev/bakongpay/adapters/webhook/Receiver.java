package dev.bakongpay.adapters.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A shop's webhook endpoint on a free port (the JDK's HttpServer): records requests, answers as told. */
final class Receiver implements AutoCloseable {
    /** One request as received. */
    record Hit(String eventId, String signature, String contentType, String body) {}

    private final HttpServer server;
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private volatile int defaultStatus = 200;
    private volatile long delayMillis;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var h = exchange.getRequestHeaders();
            hits.add(new Hit(
                    h.getFirst("BakongPay-Event-Id"),
                    h.getFirst("BakongPay-Signature"),
                    h.getFirst("Content-Type"),
                    new String(body, StandardCharsets.UTF_8)));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis); // a slow shop: the dispatcher's timeout is under test
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Integer next = answers.poll();
            exchange.sendResponseHeaders(next != null ? next : defaultStatus, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks");
    }

    /** Answers these statuses to the next requests, then {@link #always(int)}'s. */
    Receiver thenAnswer(Integer... statuses) {
        answers.addAll(List.of(statuses));
        return this;
    }

    Receiver always(int status) {
        defaultStatus = status;
        return this;
    }

    Receiver delay(long millis) {
        delayMillis = millis;
        return this;
    }

    List<Hit> hits() {
        return new ArrayList<>(hits);
    }

    Map<String, Long> countsByEventId() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        hits.forEach(h -> counts.merge(h.eventId(), 1L, Long::sum));
        return counts;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
