package dev.bakongpay.core.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as people read them: USD with cents ({@code 25.00}), KHR in whole riel. */
public final class Amounts {
    private Amounts() {}

    /**
     * {@code amount} at its currency's usual scale when that loses nothing (Bakong reports
     * {@code 25} for $25.00); otherwise unchanged, so no digit is ever hidden. Judged by size
     * first: an amount of more than 40 digits or integer digits (say {@code 1E+100000} from a
     * misbehaving upstream) is returned as it is, without arithmetic.
     */
    public static BigDecimal forDisplay(BigDecimal amount, String currency) {
        int scale = "KHR".equals(currency) ? 0 : 2;
        if (amount.precision() > 40 || (long) amount.precision() - amount.scale() > 40 || amount.scale() > 40) {
            return amount;
        }
        BigDecimal plain = amount.stripTrailingZeros();
        return plain.scale() <= scale ? plain.setScale(scale, RoundingMode.UNNECESSARY) : amount;
    }
}
