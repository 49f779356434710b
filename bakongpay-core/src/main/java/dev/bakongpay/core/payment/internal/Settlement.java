package dev.bakongpay.core.payment.internal;

import dev.bakongpay.core.payment.Amounts;
import dev.bakongpay.core.payment.NetworkAnswer;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.UpstreamPayment;
import java.time.Instant;
import java.util.Optional;

/**
 * The status rules: what a network answer does to a transaction. A payment counts only if it is
 * what was asked for (amount, currency, receiving account); a payment after {@code expiresAt}
 * is money received, so it is a late SUCCESS, never silently EXPIRED.
 */
public final class Settlement {
    private Settlement() {}

    /** The transition {@code answer} calls for at {@code now}, or empty when nothing changes. */
    public static Optional<StatusTransition> decide(Transaction t, NetworkAnswer answer, Instant now) {
        PaymentStatus from = t.status();
        if (from != PaymentStatus.PENDING && from != PaymentStatus.EXPIRED) return Optional.empty();
        switch (answer.outcome()) {
            case PAID -> {
                UpstreamPayment p = answer.payment();
                String mismatch = mismatch(t, p);
                if (mismatch == null) {
                    Instant paidAt = p.acknowledgedAt() != null ? p.acknowledgedAt() : now;
                    return Optional.of(StatusTransition.paid(t.id(), from, p, paidAt.isAfter(t.expiresAt()), now));
                }
                // an EXPIRED transaction cannot fail any more; a wrong payment leaves it expired
                return from == PaymentStatus.PENDING
                        ? Optional.of(StatusTransition.failed(t.id(), p, mismatch, now)) : Optional.empty();
            }
            case FAILED -> {
                String msg = answer.message() == null ? "Bakong reported the payment failed" : answer.message();
                return from == PaymentStatus.PENDING
                        ? Optional.of(StatusTransition.failed(t.id(), answer.payment(), cut("upstream_failed: " + msg), now))
                        : Optional.empty();
            }
            default -> {
                return from == PaymentStatus.PENDING && !now.isBefore(t.expiresAt())
                        ? Optional.of(StatusTransition.expired(t.id(), now)) : Optional.empty();
            }
        }
    }

    /** Why {@code p} is not the payment {@code t} asked for, as {@code code: detail}; null when it is. */
    static String mismatch(Transaction t, UpstreamPayment p) {
        if (!t.currency().equals(p.currency())) {
            return "currency_mismatch: paid " + show(p.amount(), p.currency()) + " " + p.currency() + ", expected "
                    + show(t.amount(), t.currency()) + " " + t.currency();
        }
        if (p.amount().compareTo(t.amount()) != 0) {
            return "amount_mismatch: paid " + show(p.amount(), p.currency()) + " " + p.currency() + ", expected "
                    + show(t.amount(), t.currency()) + " " + t.currency();
        }
        if (p.toAccountId() == null || !p.toAccountId().equalsIgnoreCase(t.bakongId())) {
            return cut("account_mismatch: paid to " + p.toAccountId() + ", expected " + t.bakongId());
        }
        return null;
    }

    private static String show(java.math.BigDecimal amount, String currency) {
        return Amounts.forDisplay(amount, currency).toPlainString();
    }

    private static String cut(String s) {
        return s.length() <= 512 ? s : s.substring(0, 512);
    }
}
