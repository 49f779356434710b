package dev.bakongpay.adapters.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.bakongpay.core.payment.Amounts;
import dev.bakongpay.core.payment.PaymentCheck;
import dev.bakongpay.spi.PaymentEvent;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.UpstreamPayment;
import dev.bakongpay.spi.WebhookEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The webhook body of a status change. The same change always gives the same bytes (its time is
 * the transition's, not the recording's), so the listener and the sweep record identical events:
 * <pre>{@code
 * {"id": "<transactionId>:SUCCESS", "type": "payment.succeeded", "created": 1764489600,
 *  "data": {"transactionId": "…", "md5": "…", "status": "SUCCESS", "previousStatus": "PENDING",
 *           "amount": 25.00, "currency": "USD", "mode": "TEST", …,
 *           "transaction": {"hash": "…", "from": "payer@abaa", "to": "shop@aclb", "amount": 25.00, "currency": "USD", "timestamp": 1764489600000}}}
 * }</pre>
 * Field names follow the API's check answer ({@code /check/md5}, {@code /check/transaction}).
 */
public final class WebhookEvents {
    /** Amounts as written ({@code 25.00}, never {@code 2.5E+1}), as the API writes them. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private WebhookEvents() {}

    /** The event type of a change to {@code status}: {@code payment.succeeded}, {@code payment.failed}, {@code payment.expired}. */
    public static String type(PaymentStatus status) {
        return switch (status) {
            case SUCCESS -> "payment.succeeded";
            case FAILED -> "payment.failed";
            case EXPIRED -> "payment.expired";
            case PENDING -> throw new IllegalArgumentException("a transaction never becomes PENDING");
        };
    }

    /** The event to record for a status change the listener heard. */
    public static WebhookEvent of(PaymentEvent e) {
        return of(e.transaction(), e.previous(), e.at());
    }

    /** The event of {@code t} reaching its current status from {@code previous} at {@code at}. */
    public static WebhookEvent of(Transaction t, PaymentStatus previous, Instant at) {
        String id = WebhookEvent.idOf(t.id(), t.status());
        String type = type(t.status());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("created", at.getEpochSecond());
        body.put("data", data(t, previous));
        try {
            return new WebhookEvent(id, t.id(), t.merchantId(), type, JSON.writeValueAsString(body), at);
        } catch (JsonProcessingException e) { // maps of strings, numbers and booleans always serialise
            throw new IllegalStateException("webhook body of " + id + " could not be written", e);
        }
    }

    private static Map<String, Object> data(Transaction t, PaymentStatus previous) {
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
        return m;
    }

    private static String iso(Instant i) {
        return i.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
