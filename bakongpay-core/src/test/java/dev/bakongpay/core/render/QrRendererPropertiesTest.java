package dev.bakongpay.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.testsupport.SeededText;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("QrRenderer properties")
class QrRendererPropertiesTest {

    private final QrRenderer renderer = new QrRenderer();

    static LongStream seeds() {
        return SeededText.seeds(0x72656E64L, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("any ASCII or Khmer text reads back from PNG and SVG at any size")
    void roundTrip(long seed) {
        Random r = new Random(seed);
        String text = SeededText.of(r, 1, 120, ' ', '~', '\u1780', '\u17FF');
        int size = SeededText.length(r, 100, 2000);
        QrImageOptions options = QrImageOptions.ofSize(size);
        QrDecoding.Pixels png = QrDecoding.readPng(renderer.png(text, options));
        assertThat(png.width()).isEqualTo(size);
        assertThat(png.height()).isEqualTo(size);
        assertThat(QrDecoding.decode(png)).as("text %s at %d px", text, size).isEqualTo(text);
        assertThat(QrDecoding.decode(QrDecoding.rasterizeSvg(renderer.svg(text, options))))
                .isEqualTo(text);
    }
}
