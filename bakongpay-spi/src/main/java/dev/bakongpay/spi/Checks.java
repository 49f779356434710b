package dev.bakongpay.spi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/** Constructor checks shared by the value types of this package. */
final class Checks {
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private Checks() {}

    static String text(String value, String name, int maxLength) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isBlank()) throw new IllegalArgumentException(name + " must not be blank");
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters");
        }
        return value;
    }

    static String optionalText(String value, String name, int maxLength) {
        return value == null ? null : text(value, name, maxLength);
    }

    static String md5(String value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (!MD5.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " was '" + value + "' but it must be 32 lowercase hex digits");
        }
        return value;
    }

    static String sha256(String value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (!HASH.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " was '" + value + "' but it must be 64 lowercase hex digits");
        }
        return value;
    }

    static String currency(String value, String name) {
        if (!"USD".equals(value) && !"KHR".equals(value)) {
            throw new IllegalArgumentException(name + " was '" + value + "' but it must be USD or KHR");
        }
        return value;
    }

    /** Amounts are positive with at most 6 decimals, so every adapter can keep them exactly. */
    static BigDecimal amount(BigDecimal value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.signum() <= 0) throw new IllegalArgumentException(name + " must be positive, was " + value);
        if (value.scale() < 0 || value.scale() > 6) {
            throw new IllegalArgumentException(name + " must have 0 to 6 decimals, was " + value.toPlainString());
        }
        if (value.precision() - value.scale() > 18) {
            throw new IllegalArgumentException(name + " is too large: " + value.toPlainString());
        }
        return value;
    }

    /** Stores keep microseconds (PostgreSQL's precision); truncating here keeps every adapter equal. */
    static Instant instant(Instant value, String name) {
        return Objects.requireNonNull(value, name + " must not be null").truncatedTo(ChronoUnit.MICROS);
    }

    static Instant optionalInstant(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MICROS);
    }
}
