package dev.bakongpay.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bakongpay.spi.PaymentEvent;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.UpstreamPayment;
import dev.bakongpay.spi.WebhookEvent;
import dev.bakongpay.spi.testkit.Fixtures;
import dev.bakongpay.testsupport.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Webhook bodies")
class WebhookEventsTest {
    private final MutableClock clock = new MutableClock();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    @DisplayName("a payment: id, type, created and the data the API's check answer shows, transaction block included")
    void succeeded() throws Exception {
        Transaction pending = Fixtures.pendingBuilder("m-shop", clock)
                .description("Order \"42\"\n")
                .build();
        UpstreamPayment p = Fixtures.payment(clock);
        clock.advance(Duration.ofSeconds(5));
        StatusTransition won = StatusTransition.paid(pending.id(), PaymentStatus.PENDING, p, false, clock.instant());
        WebhookEvent e = WebhookEvents.of(PaymentEvent.of(pending.apply(won), won));

        assertThat(e.eventId()).isEqualTo(pending.id() + ":SUCCESS");
        assertThat(e.type()).isEqualTo("payment.succeeded");
        JsonNode body = json.readTree(e.payload());
        assertThat(body.get("id").asText()).isEqualTo(e.eventId());
        assertThat(body.get("type").asText()).isEqualTo("payment.succeeded");
        assertThat(body.get("created").asLong()).isEqualTo(clock.instant().getEpochSecond());
        JsonNode data = body.get("data");
        assertThat(data.get("transactionId").asText()).isEqualTo(pending.id().toString());
        assertThat(data.get("md5").asText()).isEqualTo(pending.md5());
        assertThat(data.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(data.get("previousStatus").asText()).isEqualTo("PENDING");
        assertThat(e.payload()).contains("\"amount\":25.00,\"currency\":\"USD\",\"mode\":\"TEST\"");
        assertThat(data.get("currency").asText()).isEqualTo("USD");
        assertThat(data.get("mode").asText()).isEqualTo("TEST");
        assertThat(data.get("late").asBoolean()).isFalse();
        assertThat(data.get("description").asText()).isEqualTo("Order \"42\"\n");
        assertThat(data.at("/metadata/merchantNameKm").asText()).isEqualTo("ហាងកាហ្វេ");
        JsonNode tx = data.get("transaction");
        assertThat(tx.get("hash").asText()).isEqualTo(p.hash());
        assertThat(tx.get("from").asText()).isEqualTo("payer@abaa");
        assertThat(tx.get("to").asText()).isEqualTo("shop@aclb");
        assertThat(tx.get("currency").asText()).isEqualTo("USD");
        assertThat(tx.get("timestamp").asLong()).isEqualTo(p.acknowledgedAt().toEpochMilli());
    }

    @Test
    @DisplayName("failed and expired changes have their own types; failures say why; KHR shows whole riel")
    void failedAndExpired() throws Exception {
        Transaction khr = Fixtures.pendingBuilder("m-shop", clock)
                .currency("KHR")
                .amount(new BigDecimal("4000.000"))
                .build();
        StatusTransition fail = StatusTransition.failed(khr.id(), null, "upstream_failed: declined", clock.instant());
        JsonNode failed = json.readTree(
                WebhookEvents.of(PaymentEvent.of(khr.apply(fail), fail)).payload());
        assertThat(failed.get("type").asText()).isEqualTo("payment.failed");
        assertThat(failed.at("/data/failureReason").asText()).isEqualTo("upstream_failed");
        assertThat(failed.at("/data/failureMessage").asText()).isEqualTo("upstream_failed: declined");
        assertThat(failed.at("/data/amount").toString()).isEqualTo("4000"); // an integer in JSON: whole riel
        assertThat(failed.at("/data/transaction").isMissingNode()).isTrue();

        Transaction t = Fixtures.pending("m-shop", clock);
        StatusTransition exp = StatusTransition.expired(t.id(), clock.instant());
        WebhookEvent expired = WebhookEvents.of(PaymentEvent.of(t.apply(exp), exp));
        assertThat(expired.eventId()).endsWith(":EXPIRED");
        assertThat(json.readTree(expired.payload()).get("type").asText()).isEqualTo("payment.expired");
        assertThatThrownBy(() -> WebhookEvents.type(PaymentStatus.PENDING))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
