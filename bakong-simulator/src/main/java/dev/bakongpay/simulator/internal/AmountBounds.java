package dev.bakongpay.simulator.internal;

import java.math.BigDecimal;

/**
 * The amounts the simulator takes, judged by size (digits before and after the point) before any
 * arithmetic or printing: {@code 1e100000} is refused at once instead of being written out as a
 * hundred thousand digits. Wider than a KHQR amount (13 characters), so that a test can still make
 * NBC report an odd amount such as {@code 1e30}, {@code 1e-7} or {@code 9.989999999}.
 */
final class AmountBounds {

    /** Characters of an amount given as text, checked before it is parsed. */
    static final int MAX_TEXT_LENGTH = 64;

    static final int MAX_INTEGER_DIGITS = 32;
    static final int MAX_DECIMALS = 32;

    static final String RULE = "a positive number of at most " + MAX_INTEGER_DIGITS + " digits before the point and "
            + MAX_DECIMALS + " after it";

    private AmountBounds() {}

    /** Whether {@code value} fits; constant time whatever its exponent. */
    static boolean fits(BigDecimal value) {
        long integerDigits = (long) value.precision() - value.scale();
        return integerDigits <= MAX_INTEGER_DIGITS && value.scale() <= MAX_DECIMALS;
    }

    /** The amount in {@code raw}, or a refusal naming the field, the value (cut short) and the rule. */
    static BigDecimal parse(String field, String raw) {
        String text = raw.trim();
        if (text.length() > MAX_TEXT_LENGTH) {
            throw refused(field, raw);
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw refused(field, raw);
        }
        if (!fits(value)) {
            throw refused(field, raw);
        }
        return value;
    }

    static RefusedRequest refused(String field, String raw) {
        String shown = raw.length() > 40 ? raw.substring(0, 40) + "… (" + raw.length() + " characters)" : raw;
        return PaymentDesk.refuse(400, NbcAnswer.MISSING_FIELDS, field + " was '" + shown + "' but it must be " + RULE);
    }
}
