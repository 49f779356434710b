package dev.bakongpay.core.payment;

import dev.bakongpay.core.config.BakongPayConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The knobs of the payment rules.
 *
 * @param defaultExpiry   QR lifetime when a request names none (900 s)
 * @param minExpiry       shortest lifetime a request may ask (60 s)
 * @param maxExpiry       longest lifetime a request may ask (24 h)
 * @param publicUrl       base of {@code checkoutUrl}: {@code <publicUrl>/pay/<transactionId>}
 * @param pendingCacheTtl how long a "not paid yet" answer is reused for the same md5, so a poll
 *                        storm costs NBC one call; zero turns the cache off. The cache is the
 *                        Bakong client's ({@code BakongClientConfig.Builder#pendingCacheTtl}, which
 *                        the server sets from the same setting); {@link PaymentService} keeps none
 */
public record PaymentSettings(
        Duration defaultExpiry, Duration minExpiry, Duration maxExpiry, URI publicUrl, Duration pendingCacheTtl) {

    public PaymentSettings {
        Objects.requireNonNull(defaultExpiry, "defaultExpiry");
        Objects.requireNonNull(minExpiry, "minExpiry");
        Objects.requireNonNull(maxExpiry, "maxExpiry");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(pendingCacheTtl, "pendingCacheTtl");
        if (minExpiry.isNegative() || minExpiry.isZero())
            throw new IllegalArgumentException("minExpiry must be positive");
        if (defaultExpiry.compareTo(minExpiry) < 0 || defaultExpiry.compareTo(maxExpiry) > 0) {
            throw new IllegalArgumentException("defaultExpiry must lie within minExpiry and maxExpiry");
        }
        if (pendingCacheTtl.isNegative()) throw new IllegalArgumentException("pendingCacheTtl must not be negative");
        String s = publicUrl.toString();
        if (s.endsWith("/")) publicUrl = URI.create(s.substring(0, s.length() - 1));
    }

    public static PaymentSettings from(BakongPayConfig config) {
        return new PaymentSettings(
                config.defaultExpiry(),
                BakongPayConfig.MIN_EXPIRY,
                config.maxExpiry(),
                config.publicUrl(),
                config.pendingCacheTtl());
    }

    /** The defaults of {@link BakongPayConfig#defaults()}. */
    public static PaymentSettings defaults() {
        return from(BakongPayConfig.defaults());
    }
}
