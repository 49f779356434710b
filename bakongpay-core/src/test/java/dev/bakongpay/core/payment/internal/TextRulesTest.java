package dev.bakongpay.core.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.core.payment.FieldError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("TextRules")
class TextRulesTest {

    @ParameterizedTest(name = "U+{0} → {1}")
    @CsvSource({
        "0000,invalid_characters",
        "0007,invalid_characters",
        "0009,invalid_characters",
        "000A,invalid_characters",
        "001B,invalid_characters",
        "007F,invalid_characters",
        "0080,invalid_characters",
        "0085,invalid_characters",
        "009F,invalid_characters",
        "2028,invalid_characters",
        "2029,invalid_characters",
        "202A,bidi_control",
        "202B,bidi_control",
        "202C,bidi_control",
        "202D,bidi_control",
        "202E,bidi_control",
        "2066,bidi_control",
        "2067,bidi_control",
        "2068,bidi_control",
        "2069,bidi_control",
        "D800,unpaired_surrogate",
        "DBFF,unpaired_surrogate",
        "DC00,unpaired_surrogate",
        "DFFF,unpaired_surrogate",
    })
    @DisplayName("refuses a forbidden character inside visible text, naming the rule and the character")
    void forbidden(String hex, String code) {
        char c = (char) Integer.parseInt(hex, 16);
        FieldError e = TextRules.check("merchantName", "Shop" + c + "A");
        assertThat(e).isNotNull();
        assertThat(e.field()).isEqualTo("merchantName");
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.message()).contains("U+" + hex).contains("character 5");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "\u200B",
                "\u200B\u200C\u200D",
                "\u2060",
                "\uFEFF",
                "\u00AD",
                "\u00A0",
                "\u3000 \u2003",
                "\u3164",
                "\u115F\u1160",
                "\u17B4\u17B5",
                "\uFE0F",
                "\u034F",
                "\u180E",
                "\u200E\u200F",
                "\u2800",
                "\uDB40\uDC41\uDB40\uDC7F"
            })
    @DisplayName("refuses a value of invisible characters only")
    void invisibleOnly(String value) {
        FieldError e = TextRules.check("storeLabel", value);
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo("invisible_only");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "FINN SHOP",
                "ហាងហ្វីន",
                "ហាង\u200Bហ្វីន",
                "Café Ñoño Straße",
                "Pho 😀",
                "👩\u200D💻",
                "\u200B😀",
                "A\u00ADB",
                "מסעדה",
                "مطعم",
                "店",
                "\u0301"
            })
    @DisplayName("accepts any script, emoji (surrogate pairs) and invisible characters inside visible text")
    void accepted(String value) {
        assertThat(TextRules.check("merchantName", value)).isNull();
    }

    @Test
    @DisplayName("the first problem wins: an unpaired surrogate before a control character")
    void firstProblem() {
        assertThat(TextRules.check("f", "a\uD800\u0007").code()).isEqualTo("unpaired_surrogate");
        assertThat(TextRules.check("f", "a\u0007\uD800").code()).isEqualTo("invalid_characters");
        assertThat(TextRules.check("f", "\uDC00\uD800").code()).isEqualTo("unpaired_surrogate"); // reversed pair
    }
}
