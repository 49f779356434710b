package dev.bakongpay.core.payment.internal;

import dev.bakongpay.core.internal.PrintableText;
import dev.bakongpay.core.payment.Amounts;
import dev.bakongpay.core.payment.NetworkAnswer;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.UpstreamPayment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The status rules: what a network answer does to a transaction. A payment counts only if it is
 * what was asked for (amount, currency, receiving account); a payment after {@code expiresAt}
 * is money received, so it is a late SUCCESS, never silently EXPIRED. An answer that is not a
 * sane payment ({@link NetworkAnswer.Outcome#UNUSABLE}) changes nothing.
 */
public final class Settlement {
    /** Amounts shown in reasons in plain digits up to this many digits either side of the point, else in E notation. */
    private static final int PLAIN_DIGITS = 30;

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
                        ? Optional.of(StatusTransition.failed(t.id(), p, cut(mismatch), now))
                        : Optional.empty();
            }
            case MISMATCH -> { // a payment no transaction can match: never SUCCESS; recorded by its reason only
                return from == PaymentStatus.PENDING
                        ? Optional.of(StatusTransition.failed(
                                t.id(),
                                null,
                                cut(answer.message() + ", expected " + show(t.amount(), t.currency()) + " "
                                        + t.currency()),
                                now))
                        : Optional.empty();
            }
            case FAILED -> {
                String msg = answer.message() == null ? "Bakong reported the payment failed" : answer.message();
                return from == PaymentStatus.PENDING
                        ? Optional.of(
                                StatusTransition.failed(t.id(), answer.payment(), cut("upstream_failed: " + msg), now))
                        : Optional.empty();
            }
            case UNUSABLE -> {
                return Optional.empty(); // not an answer about the payment: it stays as it is and is asked again
            }
            default -> {
                return from == PaymentStatus.PENDING && !now.isBefore(t.expiresAt())
                        ? Optional.of(StatusTransition.expired(t.id(), now))
                        : Optional.empty();
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
            return "account_mismatch: paid to " + printable(p.toAccountId(), 128) + ", expected " + t.bakongId();
        }
        return null;
    }

    /**
     * An amount for a reason: at its currency's usual scale when that loses nothing, in plain
     * digits while it is at most {@value #PLAIN_DIGITS} digits either side of the point, else in E
     * notation, so an odd amount from upstream ({@code 1E+99}) is never expanded.
     */
    public static String show(BigDecimal amount, String currency) {
        int integerDigits = amount.precision() - amount.scale();
        if (integerDigits > PLAIN_DIGITS || amount.scale() > PLAIN_DIGITS) return amount.toString();
        return Amounts.forDisplay(amount, currency).toPlainString();
    }

    /** Upstream text for a reason (see {@link PrintableText}). */
    public static String printable(String s, int max) {
        return PrintableText.of(s, max);
    }

    private static String cut(String s) {
        if (s.length() <= 512) return s;
        int end = Character.isHighSurrogate(s.charAt(510)) ? 510 : 511;
        return s.substring(0, end) + "…";
    }
}
