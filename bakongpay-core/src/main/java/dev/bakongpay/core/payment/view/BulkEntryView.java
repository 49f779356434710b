package dev.bakongpay.core.payment.view;

import dev.bakongpay.core.payment.PaymentCheck;
import dev.bakongpay.spi.PaymentStatus;

/**
 * One entry of {@code /check/bulk}'s results: the status, {@code late} when it was paid late,
 * the failure code when it failed, and {@code upstreamError} when Bakong gave no usable answer
 * about this pending md5 (the status is then as stored).
 */
public record BulkEntryView(String status, Boolean late, String failureReason, String upstreamError) {

    public static BulkEntryView of(PaymentCheck c) {
        Boolean late = c.found().filter(t -> t.late()).map(t -> Boolean.TRUE).orElse(null);
        String failure = c.found()
                .filter(t -> t.status() == PaymentStatus.FAILED)
                .map(PaymentCheck::failureCode)
                .orElse(null);
        return new BulkEntryView(c.status(), late, failure, c.upstreamError());
    }
}
