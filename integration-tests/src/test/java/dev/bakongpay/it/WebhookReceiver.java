package dev.bakongpay.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A shop's webhook endpoint on a free port: records every delivery and answers 200. */
final class WebhookReceiver implements AutoCloseable {
    record Delivery(String eventId, String signature, String body, long receivedAtMillis) {}

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/bakongpay", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            deliveries.add(new Delivery(
                    exchange.getRequestHeaders().getFirst("BakongPay-Event-Id"),
                    exchange.getRequestHeaders().getFirst("BakongPay-Signature"),
                    new String(body, StandardCharsets.UTF_8),
                    System.currentTimeMillis()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/bakongpay";
    }

    List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    /**
     * What the README tells a shop to do: {@code t=<unix>,v1=<hex>} where v1 is HMAC-SHA256 with
     * the secret over {@code "<t>.<body>"}, compared in constant time.
     */
    static boolean signatureValid(String header, String body, String secret) throws Exception {
        if (header == null) return false;
        String t = null;
        List<String> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length != 2) continue;
            if (kv[0].equals("t")) t = kv[1];
            if (kv[0].equals("v1")) v1.add(kv[1]);
        }
        if (t == null || v1.isEmpty()) return false;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String candidate : v1) {
            byte[] given;
            try {
                given = HexFormat.of().parseHex(candidate);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) return true;
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
