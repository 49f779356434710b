package dev.bakongpay.core.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.core.payment.PaymentException;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** md5s and hashes are checked by a loop; it accepts exactly 32 (64) hex digits of either case. */
@DisplayName("Check rules: md5 and hash formats")
class CheckRulesTest {
    private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");
    /** The edges of each hex range, their neighbours, and non-ASCII digits and letters. */
    private static final String ALPHABET = "09afAF/:`g@G \u0661\uff10\uff41";

    @Test
    @DisplayName("an md5 is accepted exactly when it is 32 hex digits (after trimming), and comes back in lower case")
    void md5MatchesItsPattern() {
        Random random = new Random(32);
        for (int i = 0; i < 20_000; i++) {
            String md5 = randomHex(random, 30 + random.nextInt(5));
            boolean valid = MD5.matcher(md5.strip()).matches();
            if (valid) {
                assertThat(CheckRules.md5(md5, "md5")).isEqualTo(md5.strip().toLowerCase(Locale.ROOT));
            } else if (!md5.isBlank()) {
                assertThatThrownBy(() -> CheckRules.md5(md5, "md5"))
                        .as(md5)
                        .isInstanceOf(PaymentException.Invalid.class);
            }
        }
        assertThat(CheckRules.md5(" " + "A".repeat(32) + " ", "md5")).isEqualTo("a".repeat(32));
    }

    @Test
    @DisplayName("a hash is accepted exactly when it is 64 hex digits")
    void hashMatchesItsPattern() {
        Random random = new Random(64);
        for (int i = 0; i < 20_000; i++) {
            String hash = randomHex(random, 62 + random.nextInt(5));
            if (HASH.matcher(hash).matches()) {
                assertThat(CheckRules.hash(hash, "query")).isEqualTo(hash.toLowerCase(Locale.ROOT));
            } else {
                assertThatThrownBy(() -> CheckRules.hash(hash, "query"))
                        .as(hash)
                        .isInstanceOf(PaymentException.Invalid.class);
            }
        }
    }

    @Test
    @DisplayName("a bulk list reports each malformed md5 by its index")
    void bulkListReportsEachBadEntry() {
        assertThatThrownBy(() -> CheckRules.md5List(List.of("a".repeat(32), "g".repeat(32), "a".repeat(31)), 50))
                .isInstanceOfSatisfying(
                        PaymentException.Invalid.class,
                        e -> assertThat(e.details())
                                .extracting(dev.bakongpay.core.payment.FieldError::field)
                                .containsExactly("md5s[1]", "md5s[2]"));
        assertThat(CheckRules.md5List(List.of("A".repeat(32), "a".repeat(32)), 50))
                .containsExactly("a".repeat(32));
    }

    private static String randomHex(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(
                    random.nextInt(8) == 0
                            ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                            : "0123456789abcdefABCDEF".charAt(random.nextInt(22)));
        }
        return random.nextInt(10) == 0 ? " " + s + " " : s.toString();
    }
}
