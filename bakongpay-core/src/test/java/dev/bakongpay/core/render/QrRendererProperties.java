package dev.bakongpay.core.render;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

@Label("QrRenderer properties")
class QrRendererProperties {

    private final QrRenderer renderer = new QrRenderer();

    @Property(tries = 60)
    @Label("any ASCII or Khmer text reads back from PNG and SVG at any size")
    void roundTrip(@ForAll @StringLength(min = 1, max = 120) @CharRange(from = ' ', to = '~') @CharRange(from = '\u1780', to = '\u17FF') String text,
                   @ForAll @IntRange(min = 100, max = 2000) int size) {
        QrImageOptions options = QrImageOptions.ofSize(size);
        QrDecoding.Pixels png = QrDecoding.readPng(renderer.png(text, options));
        assertThat(png.width()).isEqualTo(size);
        assertThat(png.height()).isEqualTo(size);
        assertThat(QrDecoding.decode(png)).isEqualTo(text);
        assertThat(QrDecoding.decode(QrDecoding.rasterizeSvg(renderer.svg(text, options)))).isEqualTo(text);
    }
}
