package dev.bakongpay.core.payment;

import dev.bakongpay.spi.Transaction;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "is this md5 paid?".
 *
 * @param md5         the md5 asked about, lower-cased
 * @param transaction   the merchant's transaction after the check; null when the merchant created
 *                      no KHQR with this md5 (bulk answers report it as {@code NOT_FOUND})
 * @param upstreamError for a bulk check, the error code ({@code upstream_unavailable},
 *                      {@code upstream_timeout}) when Bakong could not give a usable answer about
 *                      this PENDING transaction, so it is reported as stored; null otherwise
 */
public record PaymentCheck(String md5, Transaction transaction, String upstreamError) {
    /** Status of an md5 the merchant never created. */
    public static final String NOT_FOUND = "NOT_FOUND";

    public PaymentCheck {
        Objects.requireNonNull(md5, "md5");
    }

    public PaymentCheck(String md5, Transaction transaction) {
        this(md5, transaction, null);
    }

    /** {@code PENDING}, {@code SUCCESS}, {@code FAILED}, {@code EXPIRED} or {@link #NOT_FOUND}. */
    public String status() {
        return transaction == null ? NOT_FOUND : transaction.status().name();
    }

    /** The code part of a FAILED transaction's reason ({@code amount_mismatch}, {@code upstream_failed}); null otherwise. */
    public static String failureCode(Transaction t) {
        String reason = t.statusReason();
        if (reason == null) return null;
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }

    public Optional<Transaction> found() {
        return Optional.ofNullable(transaction);
    }
}
