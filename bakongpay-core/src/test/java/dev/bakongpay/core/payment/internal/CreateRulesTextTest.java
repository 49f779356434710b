package dev.bakongpay.core.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The create rules' text tidying, written without regular expressions, against the expressions it replaced. */
@DisplayName("CreateRules text tidying")
class CreateRulesTextTest {
    private static final String ALPHABET = "ab \t\n\r\u000B\f+().-0123456789\u00A0\u17D2";

    @Test
    @DisplayName("runs of two or more spaces or tabs become one space, as the regex [ \\t]{2,} did")
    void collapsesBlankRuns() {
        assertThat(CreateRules.collapseBlankRuns("Lucky  Minimart\t \tKampot")).isEqualTo("Lucky Minimart Kampot");
        assertThat(CreateRules.collapseBlankRuns("a b\tc")).isEqualTo("a b\tc");
        Random random = new Random(19);
        for (int i = 0; i < 20_000; i++) {
            String s = randomText(random);
            assertThat(CreateRules.collapseBlankRuns(s)).as(s).isEqualTo(s.replaceAll("[ \\t]{2,}", " "));
        }
    }

    @Test
    @DisplayName("a phone number loses + ( ) . - and ASCII white space, as the regex [+()\\s.\\-] did")
    void stripsPhonePunctuation() {
        assertThat(CreateRules.withoutPhonePunctuation("+855 (12) 345-678.")).isEqualTo("85512345678");
        Random random = new Random(20);
        for (int i = 0; i < 20_000; i++) {
            String s = randomText(random);
            assertThat(CreateRules.withoutPhonePunctuation(s)).as(s).isEqualTo(s.replaceAll("[+()\\s.\\-]", ""));
        }
    }

    private static String randomText(Random random) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return b.toString();
    }
}
