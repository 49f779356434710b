package dev.bakongpay.checkout;

import dev.bakongpay.checkout.internal.Links;
import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.core.khqr.KhqrException;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.util.Locale;
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
        boolean late) {

    /** Transaction attribute holding the shop's return URL. */
    public static final String RETURN_URL = "returnUrl";
    /** Transaction attribute holding the shop's name in Khmer. */
    public static final String MERCHANT_NAME_KHMER = "merchantNameKhmer";
    /** Transaction attribute holding a deep link made when the KHQR was created. */
    public static final String DEEP_LINK = "deepLink";

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
    }

    /**
     * The view of {@code t} at {@code now}. The Khmer name comes from the attribute
     * {@value #MERCHANT_NAME_KHMER}, else from the QR's alternate-language name; the deep link
     * from {@value #DEEP_LINK}, else {@code bakong://pay?qr=…} as the create endpoint answers.
     */
    public static CheckoutView from(Transaction t, Instant now) {
        PaymentStatus status = t.status() == PaymentStatus.PENDING && !now.isBefore(t.expiresAt())
                ? PaymentStatus.EXPIRED // reconciliation may not have run yet; the shopper must not pay a dead QR
                : t.status();
        String khmer = t.attributes().get(MERCHANT_NAME_KHMER);
        if (khmer == null) khmer = alternateName(t.qrString());
        String deepLink = t.attributes().getOrDefault(DEEP_LINK,
                "bakong://pay?qr=" + URLEncoder.encode(t.qrString(), StandardCharsets.UTF_8));
        return new CheckoutView(t.id(), t.merchantName(), khmer, t.amount(), t.currency(), status,
                t.expiresAt(), t.qrString(), deepLink, t.attributes().get(RETURN_URL), t.description(), t.late());
    }

    /** Whether the page may stop watching: paid, failed, or expired (a late payment then shows on reload). */
    public boolean isFinal() {
        return status != PaymentStatus.PENDING;
    }

    /** The amount's digits as shown: USD {@code 1,234.50}, KHR whole riel {@code 10,000}. */
    public String amountDigits() {
        DecimalFormat f = new DecimalFormat("KHR".equals(currency) ? "#,##0" : "#,##0.00",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
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
