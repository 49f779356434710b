package dev.bakongpay.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.PaymentEventListener;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.WebhookDeliveryStore;
import dev.bakongpay.spi.memory.MemoryStorageProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Java snippets of this module's README, compiled and run. */
@DisplayName("README examples (webhook adapter)")
class ReadmeExamplesTest {
    private final String secret = "whsec_readme_example";

    @Test
    @DisplayName("wiring: the dispatcher on the store's outbox, the listener that wakes it")
    void wiring() {
        Storage storage = MemoryStorageProvider.create(Clock.systemUTC());
        WebhookDeliveryStore outbox = storage.webhooks();
        try (WebhookDispatcher dispatcher = WebhookDispatcher.builder(
                        outbox, URI.create("https://shop.example/hooks/bakongpay"), secret)
                .transactions(storage.transactions())
                .maxAttempts(8)
                .build()
                .start()) {
            PaymentEventListener listener = new WebhookEventListener(outbox, dispatcher::wake);
            assertThat(listener).isNotNull();
        }
    }

    @Test
    @DisplayName("verifying: the header and raw body as received")
    void verifying() {
        String rawBody = "{\"id\":\"e:SUCCESS\",\"type\":\"payment.succeeded\"}";
        Map<String, String> request = Map.of(
                "BakongPay-Signature",
                WebhookSignature.header(secret, Instant.now().getEpochSecond(), rawBody));

        boolean genuine = WebhookSignature.verify(secret, request.get("BakongPay-Signature"), rawBody, Instant.now());
        WebhookSignature.Result why = WebhookSignature.check(
                secret,
                request.get("BakongPay-Signature"),
                rawBody.getBytes(StandardCharsets.UTF_8),
                Instant.now(),
                Duration.ofMinutes(5));

        assertThat(genuine).isTrue();
        assertThat(why).isEqualTo(WebhookSignature.Result.VALID);
    }
}
