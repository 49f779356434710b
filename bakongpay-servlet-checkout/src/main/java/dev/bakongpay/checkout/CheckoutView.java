package dev.bakongpay.checkout;

import dev.bakongpay.checkout.internal.Links;
import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.core.khqr.KhqrException;
import dev.bakongpay.core.payment.PaymentCheck;
import dev.bakongpay.core.payment.PaymentReconciler;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the checkout page shows of one transaction: nothing secret, nothing the shopper should not
 * see (no md5, no merchant id, no payer). Links are checked here, once, so that no source can hand
 * the page a {@code javascript:} return URL: an unsafe one becomes null.
 *
 * @param transactionId     the id in the page's URL
 * @param merchantName      shop name as in the QR
 * @param merchantNameKhmer shop name in Khmer, nullable
 * @param amount            amount to pay
 * @param currency          {@code USD} or {@code KHR}
 * @param status            status to show; a pending transaction past its expiry shows EXPIRED
 * @param expiresAt         end of the countdown
 * @param qrString          the KHQR payload the image encodes
 * @param deepLink          link that opens a Bakong app on a phone; nullable; only {@code bakong:} or http(s)
 * @param returnUrl         the shop's page to go back to once paid; nullable; only http(s)
 * @param description       order reference, nullable
 * @param late              paid after the expiry
 * @param mismatch          for a FAILED transaction that failed because a payment did not match it,
 *                          what did not: {@code amount}, {@code currency} or {@code account}; else null.
 *                          Money moved then, so the page must not tell the shopper to simply pay again.
 * @param lateUntil         until when a late payment may still turn an EXPIRED transaction SUCCESS
 *                          on its own (see {@link #DEFAULT_LATE_WINDOW}); null means
 *                          {@code expiresAt} + {@link #DEFAULT_LATE_WINDOW}
 */
public record CheckoutView(
        UUID transactionId,
        String merchantName,
        String merchantNameKhmer,
        BigDecimal amount,
        String currency,
        PaymentStatus status,
        Instant expiresAt,
        String qrString,
        String deepLink,
        String returnUrl,
        String description,
        boolean late,
        String mismatch,
        Instant lateUntil) {

    /** Transaction attribute holding the shop's return URL. */
    public static final String RETURN_URL = "returnUrl";
    /** Transaction attribute holding the shop's name in Khmer. */
    public static final String MERCHANT_NAME_KHMER = "merchantNameKhmer";
    /** Transaction attribute holding a deep link made when the KHQR was created. */
    public static final String DEEP_LINK = "deepLink";
    /**
     * How long after its expiry an EXPIRED transaction is still watched for a late payment by
     * default: core's reconciler looks at an expired transaction again while its expiry lies
     * within its expired lookback, two leases (2 × 60 s with {@link PaymentReconciler}'s default
     * lease); the servlet says {@code final} for it only once this has passed. A deployment with a
     * longer lease passes its own lookback to {@link StoreCheckoutSource}.
     */
    public static final Duration DEFAULT_LATE_WINDOW =
            PaymentReconciler.claim("checkout", PaymentReconciler.DEFAULT_LEASE).expiredLookback();

    private static final Map<String, String> MISMATCH_BY_CODE =
            Map.of("amount_mismatch", "amount", "currency_mismatch", "currency", "account_mismatch", "account");

    public CheckoutView {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(merchantName, "merchantName");
        Objects.requireNonNull(amount, "amount");
        if (!"USD".equals(currency) && !"KHR".equals(currency)) {
            throw new IllegalArgumentException("currency was '" + currency + "' but it must be USD or KHR");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(qrString, "qrString");
        merchantNameKhmer = blankToNull(merchantNameKhmer);
        description = blankToNull(description);
        deepLink = Links.deepLinkOrNull(deepLink);
        returnUrl = Links.webUrlOrNull(returnUrl);
        if (mismatch != null && !MISMATCH_BY_CODE.containsValue(mismatch)) {
            throw new IllegalArgumentException(
                    "mismatch was '" + mismatch + "' but it must be amount, currency, account or null");
        }
        if (mismatch != null && status != PaymentStatus.FAILED) {
            throw new IllegalArgumentException("mismatch is for FAILED transactions, this one is " + status);
        }
        if (lateUntil == null) lateUntil = expiresAt.plus(DEFAULT_LATE_WINDOW);
    }

    /** A view without a mismatch, watched for a late payment for {@link #DEFAULT_LATE_WINDOW} after its expiry. */
    public CheckoutView(
            UUID transactionId,
            String merchantName,
            String merchantNameKhmer,
            BigDecimal amount,
            String currency,
            PaymentStatus status,
            Instant expiresAt,
            String qrString,
            String deepLink,
            String returnUrl,
            String description,
            boolean late) {
        this(
                transactionId,
                merchantName,
                merchantNameKhmer,
                amount,
                currency,
                status,
                expiresAt,
                qrString,
                deepLink,
                returnUrl,
                description,
                late,
                null,
                null);
    }

    /**
     * The view of {@code t} at {@code now}. The Khmer name comes from the attribute
     * {@value #MERCHANT_NAME_KHMER}, else from the QR's alternate-language name; the deep link
     * from {@value #DEEP_LINK}, else {@code bakong://pay?qr=…} as the create endpoint answers.
     */
    public static CheckoutView from(Transaction t, Instant now) {
        return from(t, now, DEFAULT_LATE_WINDOW);
    }

    /**
     * As {@link #from(Transaction, Instant)}, watched for a late payment until {@code lateWindow}
     * after the expiry; the mismatch comes from the failure reason's code ({@code amount_mismatch}…).
     */
    public static CheckoutView from(Transaction t, Instant now, Duration lateWindow) {
        if (lateWindow.isNegative()) throw new IllegalArgumentException("lateWindow must not be negative");
        PaymentStatus status = t.status() == PaymentStatus.PENDING && !now.isBefore(t.expiresAt())
                ? PaymentStatus.EXPIRED // reconciliation may not have run yet; the shopper must not pay a dead QR
                : t.status();
        String khmer = t.attributes().get(MERCHANT_NAME_KHMER);
        if (khmer == null) khmer = alternateName(t.qrString());
        String deepLink = t.attributes()
                .getOrDefault(DEEP_LINK, "bakong://pay?qr=" + URLEncoder.encode(t.qrString(), StandardCharsets.UTF_8));
        return new CheckoutView(
                t.id(),
                t.merchantName(),
                khmer,
                t.amount(),
                t.currency(),
                status,
                t.expiresAt(),
                t.qrString(),
                deepLink,
                t.attributes().get(RETURN_URL),
                t.description(),
                t.late(),
                status == PaymentStatus.FAILED && t.statusReason() != null
                        ? MISMATCH_BY_CODE.get(PaymentCheck.failureCode(t))
                        : null,
                t.expiresAt().plus(lateWindow));
    }

    /**
     * Whether nothing will change this status by itself any more, so the page may stop watching:
     * paid or failed; expired only from {@link #lateUntil()} on, because until then a payment made
     * in the last seconds may still be confirmed late (a shop's own check may record one later
     * still; a reload then shows it).
     */
    public boolean isFinal(Instant now) {
        return switch (status) {
            case SUCCESS, FAILED -> true;
            case EXPIRED -> !now.isBefore(lateUntil);
            default -> false;
        };
    }

    /** The amount's digits as shown: USD {@code 1,234.50}, KHR whole riel {@code 10,000}. */
    public String amountDigits() {
        DecimalFormat f = new DecimalFormat(
                "KHR".equals(currency) ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(amount);
    }

    /** The amount with its symbol: {@code $1,234.50} or {@code 10,000 ៛}. */
    public String formattedAmount() {
        return "KHR".equals(currency) ? amountDigits() + " \u17DB" : "$" + amountDigits();
    }

    /** The currency sign of the KHQR card's badge: {@code $} or {@code ៛}. */
    public String currencySymbol() {
        return "KHR".equals(currency) ? "\u17DB" : "$";
    }

    private static String alternateName(String qr) {
        try {
            return Khqr.decode(qr).merchantNameAlternateLanguage();
        } catch (KhqrException | IllegalArgumentException e) {
            return null; // a legacy or foreign QR: the page simply has no Khmer name
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
