package dev.bakongpay.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("QrImageOptions and QrColor")
class QrImageOptionsTest {

    @Nested
    @DisplayName("Colour parsing")
    class Parsing {

        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({"#000000,#000000", "#ffffff,#FFFFFF", "#1a2B3c,#1A2B3C", "#FFF,#FFFFFF", "#a1c,#AA11CC"})
        @DisplayName("reads #RRGGBB and #RGB in any case")
        void valid(String text, String hex) {
            assertThat(QrColor.parse(text, "foreground").hex()).isEqualTo(hex);
        }

        @ParameterizedTest(name = "''{0}''")
        @NullSource
        @ValueSource(strings = {"", "000000", "#00000", "#0000000", "#12345G", "black", "#12", " #000000"})
        @DisplayName("refuses anything else, naming the field and the value")
        void invalid(String text) {
            assertThatThrownBy(() -> QrColor.parse(text, "background"))
                    .isInstanceOfSatisfying(QrRenderException.class, e -> {
                        assertThat(e.field()).isEqualTo("background");
                        assertThat(e.problem()).isEqualTo(QrRenderException.Problem.INVALID_COLOR);
                    })
                    .hasMessage("background was '" + text + "' but it must be a hex colour like #000000 or #000");
        }
    }

    @Nested
    @DisplayName("Contrast")
    class Contrast {

        @Test
        @DisplayName("black on white has the WCAG maximum of 21:1 and grey #777 about 4.48:1")
        void ratios() {
            assertThat(QrColor.BLACK.contrastRatio(QrColor.WHITE)).isCloseTo(21.0, within(1e-9));
            assertThat(QrColor.parse("#777777", "f").contrastRatio(QrColor.WHITE))
                    .isCloseTo(4.48, within(0.01));
        }

        @ParameterizedTest(name = "{0} on {1}")
        @CsvSource({"#000000,#FFFFFF", "#777777,#FFFFFF", "#1A237E,#FFF8E1", "#000,#949494"})
        @DisplayName("pairs at or above 3:1 with the darker foreground are accepted")
        void accepted(String fg, String bg) {
            assertThat(QrImageOptions.of(300, fg, bg).size()).isEqualTo(300);
        }

        @ParameterizedTest(name = "{0} on {1}")
        @CsvSource({"#AAAAAA,#FFFFFF", "#FF0000,#FF4444", "#777777,#888888", "#000000,#000000"})
        @DisplayName("pairs below 3:1 are refused as low contrast")
        void lowContrast(String fg, String bg) {
            assertThatThrownBy(() -> QrImageOptions.of(300, fg, bg))
                    .isInstanceOfSatisfying(
                            QrRenderException.class,
                            e -> assertThat(e.problem()).isEqualTo(QrRenderException.Problem.LOW_CONTRAST))
                    .hasMessageContaining("at least 3.0:1");
        }

        @Test
        @DisplayName("a foreground lighter than the background is refused as inverted, even at 21:1")
        void inverted() {
            assertThatThrownBy(() -> QrImageOptions.of(300, "#FFFFFF", "#000000"))
                    .isInstanceOfSatisfying(QrRenderException.class, e -> {
                        assertThat(e.field()).isEqualTo("foreground");
                        assertThat(e.problem()).isEqualTo(QrRenderException.Problem.INVERTED_COLORS);
                    })
                    .hasMessageContaining("inverted");
        }
    }

    @Test
    @DisplayName("defaults are 300 px black on white")
    void defaults() {
        assertThat(QrImageOptions.defaults()).isEqualTo(new QrImageOptions(300, QrColor.BLACK, QrColor.WHITE));
    }
}
