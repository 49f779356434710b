package dev.bakongpay.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.jaxrs.internal.RequestIdFilter;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The API-key and request-id formats are checked by loops on every request; they accept exactly
 * what their documented patterns accept, edge characters and lengths included.
 */
@DisplayName("API-key and request-id formats")
class TokenFormatsTest {
    private static final Pattern KEY = Pattern.compile("bk_(live|test)_[A-Za-z0-9_-]{1,200}");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    /** Every character class edge, a few that must be refused, and a non-ASCII letter and digit. */
    private static final String ALPHABET = "azAZ09_-.:/ @`[{\u00e9\u0661\u00a0\t";

    @Test
    @DisplayName("an API key is bk_live_ or bk_test_ and 1 to 200 of [A-Za-z0-9_-]")
    void apiKeysMatchTheirPattern() {
        Random random = new Random(19);
        for (int i = 0; i < 20_000; i++) {
            String prefix = i % 3 == 0 ? "bk_live_" : i % 3 == 1 ? "bk_test_" : "bk_" + randomText(random, 5);
            String key = prefix + randomText(random, random.nextInt(4) == 0 ? 205 : 12);
            assertThat(ApiKeys.wellFormed(key))
                    .as(key)
                    .isEqualTo(KEY.matcher(key).matches());
        }
        assertThat(ApiKeys.wellFormed("bk_test_" + "a".repeat(200))).isTrue();
        assertThat(ApiKeys.wellFormed("bk_test_" + "a".repeat(201))).isFalse();
        assertThat(ApiKeys.wellFormed("bk_lives_x")).isFalse();
        assertThat(ApiKeys.wellFormed(null)).isFalse();
    }

    @Test
    @DisplayName("a caller's X-Request-Id is kept only when it is 1 to 128 of [A-Za-z0-9._:-]")
    void requestIdsMatchTheirPattern() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String id = randomText(random, random.nextInt(4) == 0 ? 131 : 8);
            assertThat(RequestIdFilter.idFor(id).equals(id))
                    .as(id)
                    .isEqualTo(REQUEST_ID.matcher(id).matches());
        }
        assertThat(RequestIdFilter.idFor("a".repeat(128))).isEqualTo("a".repeat(128));
        assertThat(RequestIdFilter.idFor("a".repeat(129))).isNotEqualTo("a".repeat(129));
        assertThat(RequestIdFilter.idFor("")).isNotEmpty();
    }

    private static String randomText(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(random.nextInt(3) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length())) : 'k');
        }
        return s.toString();
    }
}
