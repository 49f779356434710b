package dev.bakongpay.adapters.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bakongpay.core.json.JsonMappers;
import dev.bakongpay.core.payment.view.PaymentEventView;
import dev.bakongpay.spi.PaymentEvent;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.WebhookEvent;
import java.time.Instant;

/**
 * The webhook body of a status change. The same change always gives the same bytes (its time is
 * the transition's, not the recording's), so the listener and the sweep record identical events:
 * <pre>{@code
 * {"id": "<transactionId>:SUCCESS", "type": "payment.succeeded", "created": 1764489600,
 *  "data": {"transactionId": "…", "md5": "…", "status": "SUCCESS", "previousStatus": "PENDING",
 *           "amount": 25.00, "currency": "USD", "mode": "TEST", …,
 *           "transaction": {"hash": "…", "from": "payer@abaa", "to": "shop@aclb", "amount": 25.00, "currency": "USD", "timestamp": 1764489600000}}}
 * }</pre>
 * The body is core's {@link PaymentEventView}: its fields are derived as the API's check answers
 * derive theirs ({@code /check/md5}, {@code /check/transaction}), and its {@code transaction}
 * block is the same {@code TransferView} record, here with Bakong's {@code externalRef} and
 * {@code instructionRef} when known.
 */
public final class WebhookEvents {
    /** The shared settings, as the API writes: amounts as written ({@code 25.00}, never {@code 2.5E+1}), absent fields left out. */
    private static final ObjectMapper JSON = JsonMappers.standard();

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
        try {
            return new WebhookEvent(
                    id,
                    t.id(),
                    t.merchantId(),
                    type,
                    JSON.writeValueAsString(PaymentEventView.of(id, type, t, previous, at)),
                    at);
        } catch (JsonProcessingException e) { // records of strings, numbers and booleans always serialise
            throw new IllegalStateException("webhook body of " + id + " could not be written", e);
        }
    }
}
