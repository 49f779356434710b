package dev.bakongpay.core.render;

import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.core.khqr.KhqrData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Objects;

/**
 * What NBC's KHQR card prints around the QR: the merchant's name (and its Khmer name), the amount
 * and the currency, whose mark sits in the QR's centre.
 *
 * @param merchantName      the name in the KHQR (tag 59)
 * @param merchantNameKhmer the alternate-language name (tag 64), nullable
 * @param amount            the amount as printed ({@code 1,234.50} for USD, {@code 10,000} for KHR); null for a static QR
 * @param currency          {@code USD} or {@code KHR}
 */
public record QrCard(String merchantName, String merchantNameKhmer, String amount, String currency) {

    public QrCard {
        Objects.requireNonNull(merchantName, "merchantName");
        if (!"USD".equals(currency) && !"KHR".equals(currency)) {
            throw new IllegalArgumentException("currency was '" + currency + "' but it must be USD or KHR");
        }
        if (merchantNameKhmer != null && merchantNameKhmer.isBlank()) merchantNameKhmer = null;
    }

    /** The card of a KHQR, from the KHQR's own fields (it must decode). */
    public static QrCard of(String khqr) {
        KhqrData d = Khqr.decode(khqr);
        String currency =
                "116".equals(d.transactionCurrency()) || "KHR".equals(d.transactionCurrency()) ? "KHR" : "USD";
        String amount = d.transactionAmount() == null || d.transactionAmount().isBlank()
                ? null
                : printed(new BigDecimal(d.transactionAmount()), currency);
        return new QrCard(
                d.merchantName() == null ? "" : d.merchantName(), d.merchantNameAlternateLanguage(), amount, currency);
    }

    /** USD with cents, KHR in whole riel, thousands grouped: as the checkout page prints amounts. */
    static String printed(BigDecimal amount, String currency) {
        DecimalFormat f = new DecimalFormat(
                "KHR".equals(currency) ? "#,##0" : "#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(amount);
    }

    /** The mark in the QR's centre: {@code $} or {@code ៛}. */
    public String currencyMark() {
        return "KHR".equals(currency) ? "\u17DB" : "$";
    }
}
