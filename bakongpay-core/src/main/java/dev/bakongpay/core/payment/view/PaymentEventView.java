package dev.bakongpay.core.payment.view;

import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import java.time.Instant;

/**
 * A webhook body: {@code {"id", "type", "created", "data"}}, {@code created} in epoch seconds of
 * the status change.
 */
public record PaymentEventView(String id, String type, long created, PaymentEventData data) {

    /** The body of {@code t} reaching its current status from {@code previous} at {@code at}. */
    public static PaymentEventView of(String id, String type, Transaction t, PaymentStatus previous, Instant at) {
        return new PaymentEventView(id, type, at.getEpochSecond(), PaymentEventData.of(t, previous));
    }
}
