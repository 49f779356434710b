package dev.bakongpay.simulator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bakongpay.simulator.internal.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The control API from Java: pay or fail KHQRs as the customer, inspect what NBC holds, inject
 * faults, and count the Open API calls a gateway made. Works against an in-process simulator
 * ({@link BakongSimulator#control()}) and a standalone one ({@link #connect(URI)}) alike.
 * Refusals throw {@link SimulatorException} with the simulator's status, code and message.
 */
public final class SimulatorControl {

    private final URI baseUrl;
    private final String controlToken;
    private final HttpClient http;

    private SimulatorControl(URI baseUrl, String controlToken) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.controlToken = controlToken == null || controlToken.isBlank() ? null : controlToken.trim();
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static SimulatorControl connect(URI baseUrl) {
        return new SimulatorControl(baseUrl, null);
    }

    /** For a simulator started with a control token ({@code BAKONG_SIMULATOR_CONTROL_TOKEN}); null for none. */
    public static SimulatorControl connect(URI baseUrl, String controlToken) {
        return new SimulatorControl(baseUrl, controlToken);
    }

    /** Pays a KHQR string for its full amount. */
    public SimulatedPayment pay(String qr) {
        return pay(qr, PaymentOptions.defaults());
    }

    public SimulatedPayment pay(String qr, PaymentOptions options) {
        return settle("qr", qr, options);
    }

    /** Pays by md5 alone; the simulator must have seen the QR (paid, submitted or deep-linked). */
    public SimulatedPayment payMd5(String md5) {
        return payMd5(md5, PaymentOptions.defaults());
    }

    public SimulatedPayment payMd5(String md5, PaymentOptions options) {
        return settle("md5", md5, options);
    }

    /** Pays the QR shown in a picture (PNG, JPEG...), which the simulator decodes. */
    public SimulatedPayment payImage(byte[] image) {
        return payImage(image, PaymentOptions.defaults());
    }

    public SimulatedPayment payImage(byte[] image, PaymentOptions options) {
        StringBuilder query = new StringBuilder("?status=").append(options.status());
        if (options.fromAccountId() != null) {
            query.append("&fromAccountId=")
                    .append(java.net.URLEncoder.encode(
                            options.fromAccountId(), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (options.amount() != null) {
            query.append("&amount=").append(options.amount().toPlainString());
        }
        if (options.currency() != null) {
            query.append("&currency=").append(options.currency());
        }
        if (options.toAccountId() != null) {
            query.append("&toAccountId=")
                    .append(java.net.URLEncoder.encode(options.toAccountId(), java.nio.charset.StandardCharsets.UTF_8));
        }
        query.append("&delayMs=").append(options.delay().toMillis());
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/simulator/payments" + query))
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(image))
                .build();
        return read(send(request), SimulatedPayment.class);
    }

    /** Makes the payment of a seen KHQR fail: NBC then answers "Transaction failed." for its md5. */
    public SimulatedPayment fail(String md5) {
        return payMd5(md5, PaymentOptions.defaults().failed());
    }

    /** Tells the simulator about a KHQR without paying it, so that it can later be paid by md5; returns its md5. */
    public String submitQr(String qr) {
        return send("POST", "/simulator/qrs", Map.of("qr", qr)).path("md5").asText();
    }

    public List<SimulatedPayment> transactions() {
        return read(send("GET", "/simulator/transactions", null), new TypeReference<>() {});
    }

    public void clearTransactions() {
        send("DELETE", "/simulator/transactions", null);
    }

    /** Forgets payments, QRs, accounts, issued tokens, faults and call counts. */
    public void reset() {
        send("POST", "/simulator/reset", Map.of());
    }

    /** Makes {@code check_bakong_account} find this account. */
    public void registerAccount(String accountId) {
        send("POST", "/simulator/accounts", Map.of("accountId", accountId));
    }

    /** Puts a fault in force; returns its id for {@link #removeFault}. */
    public String injectFault(Fault fault) {
        return send("POST", "/simulator/faults", fault).path("id").asText();
    }

    public void removeFault(String id) {
        send("DELETE", "/simulator/faults/" + id, null);
    }

    public void clearFaults() {
        send("DELETE", "/simulator/faults", null);
    }

    /** Calls received on an Open API path such as {@code /v1/check_transaction_by_md5}, answered or not. */
    public long callCount(String path) {
        return send("GET", "/simulator/stats", null).path("calls").path(path).asLong(0);
    }

    /** How often this md5 was asked about, in single and in list calls. */
    public long md5CheckCount(String md5) {
        return send("GET", "/simulator/stats", null).path("md5Checks").path(md5).asLong(0);
    }

    public void resetStats() {
        send("DELETE", "/simulator/stats", null);
    }

    private SimulatedPayment settle(String keyName, String key, PaymentOptions options) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put(keyName, Objects.requireNonNull(key, keyName));
        order.put("fromAccountId", options.fromAccountId());
        order.put("amount", options.amount());
        order.put("currency", options.currency());
        order.put("toAccountId", options.toAccountId());
        order.put("delayMs", options.delay().toMillis());
        order.put("status", options.status());
        return read(send("POST", "/simulator/payments", order), SimulatedPayment.class);
    }

    private JsonNode send(String method, String path, Object body) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new SimulatorException("the control request could not be written", e);
        }
        return send(HttpRequest.newBuilder(baseUrl.resolve(path))
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build());
    }

    /** The {@code data} of a successful answer; a refusal throws with the simulator's own message. */
    private JsonNode send(HttpRequest request) {
        HttpResponse<byte[]> response;
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(request, (n, v) -> true).timeout(Duration.ofSeconds(30));
        if (controlToken != null) {
            builder.header("Authorization", "Bearer " + controlToken);
        }
        HttpRequest built = builder.build();
        try {
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (!closedBeforeAnswering(e)) throw e;
                // a kept-alive connection the simulator had just closed: the request got no answer
                // byte, and the JDK retries only GETs by itself, so once more on a fresh connection
                response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            }
        } catch (IOException e) {
            throw new SimulatorException("the Bakong simulator at " + baseUrl + " could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulatorException("interrupted while calling the Bakong simulator", e);
        }
        JsonNode answer;
        try {
            answer = Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new SimulatorException(
                    response.statusCode(), null, "the simulator answered no JSON (HTTP " + response.statusCode() + ")");
        }
        if (response.statusCode() >= 300
                || answer == null
                || answer.path("responseCode").asInt(1) != 0) {
            Integer errorCode = answer == null || answer.path("errorCode").isNull()
                    ? null
                    : answer.path("errorCode").asInt();
            String message =
                    answer == null ? "" : answer.path("responseMessage").asText();
            throw new SimulatorException(response.statusCode(), errorCode, message);
        }
        return answer.path("data");
    }

    private static boolean closedBeforeAnswering(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (t instanceof java.io.EOFException
                    || (message != null
                            && (message.contains("received no bytes") || message.contains("Broken pipe")))) {
                return true;
            }
        }
        return false;
    }

    private static <T> T read(JsonNode data, Class<T> type) {
        return Json.MAPPER.convertValue(data, type);
    }

    private static <T> T read(JsonNode data, TypeReference<T> type) {
        return Json.MAPPER.convertValue(data, type);
    }
}
