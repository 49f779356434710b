package dev.bakongpay.jaxrs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bakongpay.core.payment.NetworkAnswer;
import dev.bakongpay.core.payment.PaymentException;
import dev.bakongpay.core.payment.PaymentNetwork;
import dev.bakongpay.spi.UpstreamPayment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Bakong Open API's md5 calls over HTTP, enough to run the endpoints against the simulator
 * in tests. Production wires core's Bakong client to {@link PaymentNetwork} instead.
 */
final class SimulatorNetwork implements PaymentNetwork {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration timeout;

    SimulatorNetwork(URI base, String token, Duration timeout) {
        this.base = base;
        this.token = token;
        this.timeout = timeout;
    }

    @Override
    public NetworkAnswer check(String md5) {
        JsonNode r = post("/v1/check_transaction_by_md5", "{\"md5\":\"" + md5 + "\"}");
        return answer(r.path("responseCode").asInt(1), r.path("errorCode").asInt(0), r.path("responseMessage").asText(), r.path("data"));
    }

    @Override
    public Map<String, NetworkAnswer> checkAll(List<String> md5s) {
        JsonNode r;
        try {
            r = post("/v1/check_transaction_by_md5_list", JSON.writeValueAsString(md5s));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, NetworkAnswer> out = new LinkedHashMap<>();
        for (JsonNode item : r.path("data")) {
            String status = item.path("status").asText();
            NetworkAnswer a = switch (status) {
                case "SUCCESS" -> NetworkAnswer.paid(payment(item.path("data")));
                case "FAILED" -> NetworkAnswer.failed(item.path("message").asText());
                default -> NetworkAnswer.notFound();
            };
            out.put(item.path("md5").asText(), a);
        }
        return out;
    }

    private static NetworkAnswer answer(int responseCode, int errorCode, String message, JsonNode data) {
        if (responseCode == 0) return NetworkAnswer.paid(payment(data));
        return errorCode == 3 ? NetworkAnswer.failed(message) : NetworkAnswer.notFound();
    }

    private static UpstreamPayment payment(JsonNode d) {
        return new UpstreamPayment(d.path("hash").asText().toLowerCase(Locale.ROOT), text(d, "fromAccountId"),
                text(d, "toAccountId"), d.path("amount").decimalValue(), d.path("currency").asText(),
                d.hasNonNull("acknowledgedDateMs") ? Instant.ofEpochMilli(d.path("acknowledgedDateMs").asLong()) : null,
                text(d, "externalRef"), text(d, "instructionRef"));
    }

    private static String text(JsonNode d, String f) {
        return d.hasNonNull(f) ? d.get(f).asText() : null;
    }

    private JsonNode post(String path, String body) {
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() >= 500) throw new PaymentException.NetworkUnavailable("Bakong answered HTTP " + res.statusCode(), null);
            return JSON.readTree(res.body());
        } catch (HttpTimeoutException e) {
            throw new PaymentException.NetworkTimeout("Bakong did not answer within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new PaymentException.NetworkUnavailable("Bakong could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PaymentException.NetworkUnavailable("interrupted", e);
        }
    }
}
