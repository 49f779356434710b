package dev.bakongpay.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bakongpay.core.payment.Amounts;
import dev.bakongpay.core.payment.PaymentCheck;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.UpstreamPayment;
import dev.bakongpay.spi.WebhookEvent;
import dev.bakongpay.spi.testkit.Fixtures;
import dev.bakongpay.testsupport.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The webhook body is core's {@code PaymentEventView} now; its bytes are those the hand-built
 * map gave before (kept below as the oracle), so receivers and recorded events see no change.
 */
@DisplayName("Webhook bodies keep their bytes")
class WebhookBodyBytesTest {
    private final MutableClock clock = new MutableClock();

    @Test
    @DisplayName(
            "paid, paid late without references, failed with and without a payment, KHR, expired, no metadata: byte for byte as before")
    void sameBytes() throws Exception {
        Transaction plain = Fixtures.pendingBuilder("m-shop", clock)
                .description("Order \"42\"\n")
                .build();
        Transaction bare = Fixtures.pendingBuilder("m-shop", clock)
                .description(null)
                .attributes(Map.of())
                .build();
        Transaction khr = Fixtures.pendingBuilder("m-shop", clock)
                .currency("KHR")
                .amount(new BigDecimal("4000.000"))
                .build();
        UpstreamPayment p = Fixtures.payment(clock);
        UpstreamPayment noRefs = new UpstreamPayment(
                p.hash(), p.fromAccountId(), p.toAccountId(), new BigDecimal("9.5"), "USD", null, null, null);
        clock.advance(Duration.ofMillis(5_123));
        Instant at = clock.instant();
        List<Transaction> changed = List.of(
                plain.apply(StatusTransition.paid(plain.id(), PaymentStatus.PENDING, p, false, at)),
                bare.apply(StatusTransition.paid(bare.id(), PaymentStatus.EXPIRED, noRefs, true, at)),
                plain.apply(StatusTransition.failed(plain.id(), noRefs, "amount_mismatch: paid 9.50, asked 25.00", at)),
                khr.apply(StatusTransition.failed(khr.id(), null, "upstream_failed: declined", at)),
                khr.apply(StatusTransition.expired(khr.id(), at)),
                bare.apply(StatusTransition.expired(bare.id(), at)));
        for (Transaction t : changed) {
            WebhookEvent e = WebhookEvents.of(t, PaymentStatus.PENDING, at);
            assertThat(e.payload()).as(t.status() + " " + t.currency()).isEqualTo(before(t, PaymentStatus.PENDING, at));
        }
    }

    // ---- the body as WebhookEvents built it before the typed views (the oracle) ----

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static String before(Transaction t, PaymentStatus previous, Instant at) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", WebhookEvent.idOf(t.id(), t.status()));
        body.put("type", WebhookEvents.type(t.status()));
        body.put("created", at.getEpochSecond());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transactionId", t.id().toString());
        m.put("md5", t.md5());
        m.put("status", t.status().name());
        m.put("previousStatus", previous.name());
        m.put("amount", Amounts.forDisplay(t.amount(), t.currency()));
        m.put("currency", t.currency());
        m.put("mode", t.mode().name());
        m.put("merchantName", t.merchantName());
        m.put("bakongId", t.bakongId());
        if (t.description() != null) m.put("description", t.description());
        m.put("createdAt", iso(t.createdAt()));
        m.put("expiresAt", iso(t.expiresAt()));
        m.put("updatedAt", iso(t.updatedAt()));
        if (t.status() == PaymentStatus.SUCCESS) m.put("late", t.late());
        if (t.status() == PaymentStatus.FAILED && t.statusReason() != null) {
            m.put("failureReason", PaymentCheck.failureCode(t));
            m.put("failureMessage", t.statusReason());
        }
        UpstreamPayment p = t.payment();
        if (p != null) {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put("hash", p.hash());
            block.put("from", p.fromAccountId());
            block.put("to", p.toAccountId());
            block.put("amount", Amounts.forDisplay(p.amount(), p.currency()));
            block.put("currency", p.currency());
            Instant paidAt = p.acknowledgedAt() != null ? p.acknowledgedAt() : t.updatedAt();
            block.put("timestamp", paidAt.toEpochMilli());
            if (p.externalRef() != null) block.put("externalRef", p.externalRef());
            if (p.instructionRef() != null) block.put("instructionRef", p.instructionRef());
            m.put("transaction", block);
        }
        if (!t.attributes().isEmpty()) m.put("metadata", new TreeMap<>(t.attributes()));
        body.put("data", m);
        return JSON.writeValueAsString(body);
    }

    private static String iso(Instant i) {
        return i.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
