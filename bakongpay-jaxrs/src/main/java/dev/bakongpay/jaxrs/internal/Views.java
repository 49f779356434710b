package dev.bakongpay.jaxrs.internal;

import dev.bakongpay.core.payment.Amounts;
import dev.bakongpay.core.payment.PaymentCheck;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.UpstreamPayment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of the seed's responses, built from core's values. Absent values are left out. */
public final class Views {
    private Views() {}

    /** {@code /check/md5}: md5, status, and the seed's transaction block once there is a payment. */
    public static Map<String, Object> check(PaymentCheck c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("md5", c.md5());
        m.put("status", c.status());
        c.found().ifPresent(t -> outcome(m, t));
        return m;
    }

    /**
     * One entry of {@code /check/bulk}'s results: the status (and why, when it failed), and
     * {@code upstreamError} when Bakong gave no usable answer about this pending md5.
     */
    public static Map<String, Object> bulkEntry(PaymentCheck c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", c.status());
        c.found().ifPresent(t -> {
            if (t.late()) m.put("late", true);
            if (t.status() == PaymentStatus.FAILED) m.put("failureReason", PaymentCheck.failureCode(t));
        });
        if (c.upstreamError() != null) m.put("upstreamError", c.upstreamError()); // Bakong could not answer: status as stored
        return m;
    }

    /** {@code /check/transaction}: the stored transaction. */
    public static Map<String, Object> transaction(Transaction t, PaymentService payments) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transactionId", t.id().toString());
        m.put("md5", t.md5());
        m.put("status", t.status().name());
        m.put("amount", Amounts.forDisplay(t.amount(), t.currency()));
        m.put("currency", t.currency());
        m.put("merchantName", t.merchantName());
        m.put("bakongId", t.bakongId());
        if (t.description() != null) m.put("description", t.description());
        m.put("mode", t.mode().name());
        m.put("qrString", t.qrString());
        m.put("deepLink", PaymentService.deepLink(t.qrString()));
        m.put("checkoutUrl", payments.checkoutUrl(t).toString());
        m.put("createdAt", instant(t.createdAt()));
        m.put("expiresAt", instant(t.expiresAt()));
        m.put("updatedAt", instant(t.updatedAt()));
        outcome(m, t);
        if (!t.attributes().isEmpty()) m.put("metadata", new LinkedHashMap<>(new java.util.TreeMap<>(t.attributes())));
        return m;
    }

    /** Late flag, failure reason and the seed's {@code transaction} block (hash, from, to, amount, currency, timestamp). */
    private static void outcome(Map<String, Object> m, Transaction t) {
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
            Instant at = p.acknowledgedAt() != null ? p.acknowledgedAt() : t.updatedAt();
            block.put("timestamp", at.toEpochMilli());
            m.put("transaction", block);
        }
    }

    /** ISO-8601 UTC, millisecond precision at most ({@code 2026-06-02T14:00:00Z}). */
    public static String instant(Instant i) {
        return i.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
