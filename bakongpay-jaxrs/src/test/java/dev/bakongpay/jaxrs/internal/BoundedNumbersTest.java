package dev.bakongpay.jaxrs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bakongpay.core.payment.CreatePaymentRequest;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("BoundedNumbers")
class BoundedNumbersTest {

    /** A random JSON number: sign, integer part, optional fraction and exponent, some trailing zeros. */
    static String number(Random r, int maxDigits, int maxExponent) {
        StringBuilder sb = new StringBuilder();
        if (r.nextBoolean()) sb.append('-');
        if (r.nextInt(4) == 0) sb.append('0');
        else {
            sb.append((char) ('1' + r.nextInt(9)));
            for (int i = r.nextInt(maxDigits); i > 0; i--) sb.append((char) ('0' + r.nextInt(10)));
        }
        if (r.nextBoolean()) {
            sb.append('.');
            for (int i = 1 + r.nextInt(maxDigits); i > 0; i--) sb.append((char) ('0' + r.nextInt(10)));
            for (int i = r.nextInt(4); i > 0; i--) sb.append('0');
        }
        if (r.nextBoolean())
            sb.append(r.nextBoolean() ? 'e' : 'E')
                    .append(r.nextBoolean() ? "-" : r.nextBoolean() ? "+" : "")
                    .append(r.nextInt(maxExponent + 1));
        return sb.toString();
    }

    @Test
    @DisplayName("within 100 integer digits and 100 decimals the value is exact (10,000 seeded random numbers)")
    void exact() {
        Random r = new Random(14);
        for (int i = 0; i < 10_000; i++) {
            String text = number(r, 40, 60);
            assertThat(BoundedNumbers.decimal(text)).as(text).isEqualByComparingTo(new BigDecimal(text));
        }
    }

    @Test
    @DisplayName(
            "beyond that, the sign, the integer part, the first 100 decimals and 'more decimals' are kept (seeded)")
    void saturated() {
        Random r = new Random(1414);
        BigDecimal huge = BigDecimal.ONE.scaleByPowerOfTen(100);
        for (int i = 0; i < 3_000; i++) {
            String text = number(r, 150, 400);
            BigDecimal exact = new BigDecimal(text);
            BigDecimal bounded = BoundedNumbers.decimal(text);
            assertThat(bounded.signum()).as(text).isEqualTo(exact.signum());
            assertThat(bounded.precision()).as(text).isLessThanOrEqualTo(202);
            assertThat(bounded.scale()).as(text).isBetween(-100, 101);
            if (exact.abs().compareTo(huge) >= 0) {
                assertThat(bounded.abs()).as(text).isEqualByComparingTo(huge);
            } else {
                // same integer part and first 100 decimals, and a non-zero digit beyond them iff the exact value has
                // one
                assertThat(bounded.setScale(100, java.math.RoundingMode.DOWN))
                        .as(text)
                        .isEqualByComparingTo(exact.setScale(100, java.math.RoundingMode.DOWN));
                assertThat(bounded.stripTrailingZeros().scale() > 100)
                        .as(text)
                        .isEqualTo(exact.signum() != 0
                                && exact.stripTrailingZeros().scale() > 100);
            }
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "1e20000000,1E+100",
        "-1e999999999,-1E+100",
        "1E+9999999999999999999999,1E+100",
        "1e-20000000,1E-101",
        "-1e-999999999,-1E-101",
        "0e999999999999,0",
        "-0.000,0",
        "2500e-2,25",
        "1.50e0,1.5"
    })
    @DisplayName("extreme exponents saturate; zeros and equal forms are exact")
    void extremes(String text, String expected) {
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> BoundedNumbers.decimal(text)))
                .isEqualByComparingTo(expected);
    }

    @Test
    @DisplayName("60,000-digit numbers are read in linear time")
    void long_() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(BoundedNumbers.decimal("9".repeat(60_000))).isEqualByComparingTo("1E+100");
            assertThat(BoundedNumbers.decimal("0." + "0".repeat(60_000) + "1")).isEqualByComparingTo("1E-101");
            assertThat(BoundedNumbers.decimal("1." + "0".repeat(60_000))).isEqualByComparingTo("1");
            assertThat(BoundedNumbers.decimal("1" + "0".repeat(60_000) + "e-60000"))
                    .isEqualByComparingTo("1");
            assertThat(BoundedNumbers.whole("9".repeat(60_000), Long.MIN_VALUE, Long.MAX_VALUE))
                    .isEqualTo(Long.MAX_VALUE);
        });
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "9223372036854775807,9223372036854775807",
        "9223372036854775808,9223372036854775807",
        "-9223372036854775808,-9223372036854775808",
        "-9223372036854775809,-9223372036854775808",
        "1000000000000000000,1000000000000000000",
        "99999999999999999999,9223372036854775807",
        "-0,0",
        "42,42"
    })
    @DisplayName("whole numbers saturate at the ends of a long")
    void whole(String text, long expected) {
        assertThat(BoundedNumbers.whole(text, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(expected);
    }

    @Test
    @DisplayName("every number a request body holds has a bounded reader (BigDecimal, Long or Integer)")
    void everyNumberField() {
        Set<Class<?>> bounded = Set.of(BigDecimal.class, Long.class, Integer.class);
        List<Class<?>> bodies = new ArrayList<>(List.of(Bodies.class.getDeclaredClasses()));
        bodies.add(CreatePaymentRequest.class); // /khqr/create binds core's request directly
        for (Class<?> body : bodies) {
            if (!body.isRecord()) continue;
            for (RecordComponent c : body.getRecordComponents()) {
                Class<?> t = c.getType();
                if (Number.class.isAssignableFrom(t) || (t.isPrimitive() && t != boolean.class)) {
                    assertThat(bounded)
                            .as(body.getSimpleName() + "." + c.getName())
                            .contains(t);
                }
            }
        }
    }
}
