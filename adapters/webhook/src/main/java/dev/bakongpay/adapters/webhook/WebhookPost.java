package dev.bakongpay.adapters.webhook;

import dev.bakongpay.core.metrics.Meters;
import dev.bakongpay.spi.WebhookDelivery;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One signed POST of a webhook event to the shop's URL, and what became of it: the HTTP half of
 * {@link WebhookDispatcher}, which decides what to send and records the outcome.
 */
final class WebhookPost {
    private final HttpClient http;
    private final URI url;
    private final String secret;
    private final Clock clock;
    private final Duration requestTimeout;
    private final MeterRegistry meters;

    WebhookPost(HttpClient http, URI url, String secret, Clock clock, Duration requestTimeout, MeterRegistry meters) {
        this.http = http;
        this.url = url;
        this.secret = secret;
        this.clock = clock;
        this.requestTimeout = requestTimeout;
        this.meters = meters;
    }

    CompletableFuture<HttpResponse<Void>> send(WebhookDelivery d) {
        byte[] body = d.event().payload().getBytes(StandardCharsets.UTF_8);
        long t = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "BakongPay-Webhooks/1")
                .header(WebhookSignature.EVENT_ID_HEADER, d.eventId())
                .header(
                        WebhookSignature.HEADER,
                        WebhookSignature.header(secret, t, d.event().payload()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        io.micrometer.core.instrument.Timer.Sample sample = io.micrometer.core.instrument.Timer.start(meters);
        try {
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((answer, failure) -> {
                        boolean delivered = answer != null && answer.statusCode() >= 200 && answer.statusCode() < 300;
                        sample.stop(
                                Meters.latency("bakongpay.webhook.deliveries", "Webhook POSTs to the shop, by outcome")
                                        .tag("outcome", delivered ? "delivered" : "failed")
                                        .register(meters));
                    });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Null when delivered, else why not. */
    String outcome(CompletableFuture<HttpResponse<Void>> send) {
        try {
            int status = send.get(requestTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS)
                    .statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (TimeoutException e) {
            send.cancel(true);
            return "timeout after " + requestTimeout.toMillis() + " ms";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) return "timeout after " + requestTimeout.toMillis() + " ms";
            return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send.cancel(true);
            return "interrupted";
        }
    }
}
