package dev.bakongpay.jaxrs.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Every number of a request body, read from its text in linear time and never computed in full.
 * A JSON number is only text until someone turns it into a value, and that is where
 * {@code 1e20000000} costs minutes and {@code 1e999999999} overflows: so the digits and the
 * exponent are judged first, as text, and each field gets a value of bounded size that every
 * range check judges as it would judge the number sent.
 * <ul>
 *   <li>Whole numbers ({@link Long}, {@link Integer}): a JSON integer; beyond the type's range it
 *       saturates to the type's minimum or maximum, which every field's range check refuses
 *       with its own message ({@code expiresInSeconds} "must be from 60 to 86400"). A fraction,
 *       exponent, string, boolean, array or object is a wrong type (422 {@code invalid_type}).</li>
 *   <li>Decimals ({@link BigDecimal}): a JSON number, kept exact when it has at most
 *       {@value #LIMIT} integer digits and {@value #LIMIT} decimals (after dropping trailing
 *       zeros, which cost nothing as text). Larger magnitudes become ±1E+{@value #LIMIT}, smaller
 *       ones ±1E-{@value #TINY_SCALE}, and more decimals are cut after the {@value #LIMIT}th with
 *       a final 1 appended: the sign, the integer part, the first decimals and "has more
 *       decimals than that" are kept, which is all an amount rule looks at.</li>
 * </ul>
 */
public final class BoundedNumbers {
    /** Integer digits and decimals kept exactly. */
    static final int LIMIT = 100;

    static final int TINY_SCALE = LIMIT + 1;
    private static final BigDecimal HUGE = BigDecimal.ONE.scaleByPowerOfTen(LIMIT);
    private static final BigDecimal TINY = BigDecimal.ONE.scaleByPowerOfTen(-TINY_SCALE);

    private BoundedNumbers() {}

    /** The deserializers for {@link BigDecimal}, {@link Long} and {@link Integer}. */
    public static SimpleModule module() {
        SimpleModule m = new SimpleModule("bounded-numbers");
        m.addDeserializer(BigDecimal.class, new Decimal());
        m.addDeserializer(Long.class, new Whole<>(Long.class, Long.MIN_VALUE, Long.MAX_VALUE));
        m.addDeserializer(Integer.class, new Whole<>(Integer.class, Integer.MIN_VALUE, Integer.MAX_VALUE));
        return m;
    }

    /**
     * {@code text}, a JSON integer ({@code -?(0|[1-9][0-9]*)}), clamped to {@code [min, max]}.
     * Linear in the text; never parses more than 19 digits.
     */
    static long whole(String text, long min, long max) {
        boolean negative = text.startsWith("-");
        int start = negative ? 1 : 0;
        int digits = text.length() - start;
        long v;
        try {
            v = digits > 19 ? (negative ? Long.MIN_VALUE : Long.MAX_VALUE) : Long.parseLong(text);
        } catch (NumberFormatException e) { // 19 digits beyond the range of a long
            v = negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return Math.max(min, Math.min(max, v));
    }

    /** {@code text}, a JSON number, as a decimal of bounded size (see the class comment). */
    static BigDecimal decimal(String text) {
        int n = text.length();
        int i = 0;
        boolean negative = text.charAt(0) == '-';
        if (negative) i++;
        int intStart = i;
        while (i < n && isDigit(text.charAt(i))) i++;
        int intEnd = i;
        int fracStart = i;
        int fracEnd = i;
        if (i < n && text.charAt(i) == '.') {
            fracStart = ++i;
            while (i < n && isDigit(text.charAt(i))) i++;
            fracEnd = i;
        }
        long exponent = 0;
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) expNegative = text.charAt(i++) == '-';
            while (i < n && text.charAt(i) == '0') i++; // leading zeros of the exponent
            // more than 12 digits: far beyond any limit, and keeps the sums below in a long
            exponent = n - i > 12 ? 1_000_000_000_000L : (i < n ? Long.parseLong(text.substring(i)) : 0);
            if (expNegative) exponent = -exponent;
        }
        // significant digits: integer and fraction digits without leading and trailing zeros
        StringBuilder digits = new StringBuilder(Math.min(n, 2 * LIMIT + 2));
        int first = -1;
        int last = -1; // positions in the concatenated digit string
        int total = (intEnd - intStart) + (fracEnd - fracStart);
        for (int k = 0; k < total; k++) {
            char c = k < intEnd - intStart
                    ? text.charAt(intStart + k)
                    : text.charAt(fracStart + k - (intEnd - intStart));
            if (c != '0') {
                if (first < 0) first = k;
                last = k;
            }
        }
        if (first < 0) return BigDecimal.ZERO;
        // value = 0.d1d2… × 10^point, where point counts the digits before the decimal point
        long point = (long) (intEnd - intStart) - first + exponent; // integer digits of the value
        long significant = (long) last - first + 1;
        long scale = significant - point; // decimals of the value
        if (point > LIMIT) return negative ? HUGE.negate() : HUGE;
        if (point < -LIMIT) return negative ? TINY.negate() : TINY;
        long keep = significant;
        boolean cut = false;
        if (scale > LIMIT) { // more decimals than kept: cut, and append a 1 to say "more"
            keep = significant - (scale - LIMIT);
            cut = true;
            scale = LIMIT + 1;
        }
        for (long k = first; k < first + keep; k++) {
            int idx = (int) k;
            digits.append(
                    idx < intEnd - intStart
                            ? text.charAt(intStart + idx)
                            : text.charAt(fracStart + idx - (intEnd - intStart)));
        }
        if (cut) digits.append('1');
        if (digits.length() == 0) digits.append('0');
        BigDecimal v = new BigDecimal(new BigInteger(digits.toString()), (int) scale);
        return negative ? v.negate() : v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static final class Decimal extends StdScalarDeserializer<BigDecimal> {
        Decimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) return decimal(p.getText());
            return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
        }
    }

    private static final class Whole<T extends Number> extends StdScalarDeserializer<T> {
        private final Class<T> type;
        private final long min;
        private final long max;

        Whole(Class<T> type, long min, long max) {
            super(type);
            this.type = type;
            this.min = min;
            this.max = max;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) return type.cast(ctxt.handleUnexpectedToken(type, p));
            long v = whole(p.getText(), min, max);
            return type == Integer.class ? type.cast((int) v) : type.cast(v);
        }
    }
}
