package dev.bakongpay.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.core.render.internal.ModuleGrid;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("QrRenderer")
class QrRendererTest {

    /** A dynamic KHQR the official SDK generated (shared/khqr vectors). */
    static final String KHQR =
            "00020101021229220018coffee.corner@abaa52045999530384054040.015802KH5919Lucky Minimart 24/76006Kampot62180102#10308Branch 2993400131795855370060011341017680157536304FFA3";
    /** A KHQR with a Khmer merchant name and city (tag 64), from NBC's SDK tests. */
    static final String KHMER_KHQR =
            "00020101021229460015john_smith@devb0111855122334550208Dev Bank52045999530384054031005802KH5910John Smith6010PHNOM PENH62670106#123450211855122334550311Coffee Shop0709Cashier_10810Buy coffee64280002km0108ចន ស្មីន0206ភ្នំពញ993400131726821915797011317268220357976304B73E";

    private final QrRenderer renderer = new QrRenderer();

    @Nested
    @DisplayName("PNG")
    class Png {

        @ParameterizedTest(name = "{0} px")
        @ValueSource(ints = {100, 101, 150, 299, 300, 512, 777, 1000, 2000})
        @DisplayName("is exactly the requested size and reads back to the KHQR string")
        void exactSizeAndDecodes(int size) {
            QrDecoding.Pixels pixels = QrDecoding.readPng(renderer.png(KHQR, QrImageOptions.ofSize(size)));
            assertThat(pixels.width()).isEqualTo(size);
            assertThat(pixels.height()).isEqualTo(size);
            assertThat(QrDecoding.decode(pixels)).isEqualTo(KHQR);
        }

        @Test
        @DisplayName("a Khmer merchant name survives the round trip")
        void khmer() {
            assertThat(QrDecoding.decode(QrDecoding.readPng(renderer.png(KHMER_KHQR, QrImageOptions.defaults()))))
                    .isEqualTo(KHMER_KHQR);
        }

        @Test
        @DisplayName("applies the colours: the corner is background and the first finder module is foreground")
        void colours() {
            QrImageOptions options = QrImageOptions.of(300, "#1A237E", "#FFF8E1");
            QrDecoding.Pixels pixels = QrDecoding.readPng(renderer.png(KHQR, options));
            ModuleGrid grid = ModuleGrid.encode(KHQR, 300);
            assertThat(pixels.at(0, 0)).isEqualTo(0xFFF8E1);
            assertThat(pixels.at(grid.offset(), grid.offset())).isEqualTo(0x1A237E);
            assertThat(pixels.at(299, 299)).isEqualTo(0xFFF8E1);
            assertThat(QrDecoding.decode(pixels)).isEqualTo(KHQR);
        }

        @Test
        @DisplayName("the default 300 px image reads back with ZXing's camera-image detector alone")
        void detectorAlone() {
            for (String khqr : new String[] {KHQR, KHMER_KHQR}) {
                assertThat(QrDecoding.decodeWithDetector(
                                QrDecoding.readPng(renderer.png(khqr, QrImageOptions.defaults()))))
                        .isEqualTo(khqr);
            }
        }

        @Test
        @DisplayName("keeps a quiet zone of at least four modules at 300 px")
        void quietZone() {
            ModuleGrid grid = ModuleGrid.encode(KHQR, 300);
            assertThat(grid.offset()).isGreaterThanOrEqualTo(4 * grid.moduleSize());
            assertThat(300 - grid.offset() - grid.modules() * grid.moduleSize())
                    .isGreaterThanOrEqualTo(4 * grid.moduleSize());
            QrDecoding.Pixels pixels = QrDecoding.readPng(renderer.png(KHQR, QrImageOptions.defaults()));
            for (int i = 0; i < grid.offset(); i++) {
                assertThat(pixels.at(i, 150))
                        .as("pixel %d of the left margin", i)
                        .isEqualTo(0xFFFFFF);
            }
        }
    }

    @Nested
    @DisplayName("SVG")
    class Svg {

        @ParameterizedTest(name = "{0} px")
        @ValueSource(ints = {100, 133, 300, 1000, 2000})
        @DisplayName("declares the requested size in width, height and viewBox and reads back to the KHQR string")
        void exactSizeAndDecodes(int size) {
            String svg = renderer.svg(KHQR, QrImageOptions.ofSize(size));
            assertThat(svg)
                    .contains(
                            "width=\"" + size + "\" height=\"" + size + "\" viewBox=\"0 0 " + size + " " + size + "\"")
                    .contains("shape-rendering=\"crispEdges\"");
            assertThat(QrDecoding.decode(QrDecoding.rasterizeSvg(svg))).isEqualTo(KHQR);
        }

        @Test
        @DisplayName("a Khmer merchant name survives the round trip")
        void khmer() {
            assertThat(QrDecoding.decode(
                            QrDecoding.rasterizeSvg(renderer.svg(KHMER_KHQR, QrImageOptions.of(400, "#000", "#FFF")))))
                    .isEqualTo(KHMER_KHQR);
        }

        @Test
        @DisplayName("fills the background and the modules with the requested colours")
        void colours() {
            String svg = renderer.svg(KHQR, QrImageOptions.of(300, "#b71c1c", "#ffffff"));
            assertThat(svg)
                    .contains("<path fill=\"#FFFFFF\" d=\"M0 0h300v300H0z\"/>")
                    .contains("<path fill=\"#B71C1C\" transform=\"translate(");
            assertThat(QrDecoding.decode(QrDecoding.rasterizeSvg(svg))).isEqualTo(KHQR);
        }

        @Test
        @DisplayName("matches the PNG pixel for pixel")
        void sameAsPng() {
            QrImageOptions options = QrImageOptions.of(317, "#333333", "#EEEEEE");
            QrDecoding.Pixels png = QrDecoding.readPng(renderer.png(KHQR, options));
            QrDecoding.Pixels svg = QrDecoding.rasterizeSvg(renderer.svg(KHQR, options));
            int[] a = Arrays.stream(png.argb()).map(p -> p & 0xFFFFFF).toArray();
            assertThat(a).isEqualTo(svg.argb());
        }
    }

    @Nested
    @DisplayName("Data URLs and formats")
    class DataUrls {

        @Test
        @DisplayName("a PNG data URL carries the PNG bytes in base64")
        void png() {
            String url = renderer.pngDataUrl(KHQR, QrImageOptions.defaults());
            assertThat(url).startsWith("data:image/png;base64,");
            byte[] bytes = Base64.getDecoder().decode(url.substring("data:image/png;base64,".length()));
            assertThat(bytes).isEqualTo(renderer.png(KHQR, QrImageOptions.defaults()));
        }

        @Test
        @DisplayName("an SVG data URL carries the SVG text in base64")
        void svg() {
            String url = renderer.svgDataUrl(KHQR, QrImageOptions.defaults());
            assertThat(url).startsWith("data:image/svg+xml;base64,");
            String text = new String(Base64.getDecoder().decode(url.substring(26)), StandardCharsets.UTF_8);
            assertThat(text).isEqualTo(renderer.svg(KHQR, QrImageOptions.defaults()));
        }

        @Test
        @DisplayName("render() answers the asked format with its media type")
        void render() {
            QrImage png = renderer.render(KHQR, QrFormat.PNG, QrImageOptions.defaults());
            QrImage svg = renderer.render(KHQR, QrFormat.parse("SVG"), QrImageOptions.defaults());
            assertThat(png.mediaType()).isEqualTo("image/png");
            assertThat(svg.mediaType()).isEqualTo("image/svg+xml");
            assertThat(svg.text()).startsWith("<svg");
            assertThat(png.dataUrl()).isEqualTo(renderer.pngDataUrl(KHQR, QrImageOptions.defaults()));
            assertThatThrownBy(() -> QrFormat.parse("gif"))
                    .isInstanceOfSatisfying(QrRenderException.class, e -> {
                        assertThat(e.field()).isEqualTo("format");
                        assertThat(e.problem()).isEqualTo(QrRenderException.Problem.UNSUPPORTED_FORMAT);
                    })
                    .hasMessage("format was 'gif' but it must be png or svg");
        }
    }

    @Nested
    @DisplayName("Refusals")
    class Refusals {

        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {0, 99, 2001, -5})
        @DisplayName("a size outside 100–2000 is refused naming the size")
        void size(int size) {
            assertThatThrownBy(() -> QrImageOptions.ofSize(size))
                    .isInstanceOfSatisfying(QrRenderException.class, e -> {
                        assertThat(e.field()).isEqualTo("size");
                        assertThat(e.problem()).isEqualTo(QrRenderException.Problem.SIZE_OUT_OF_RANGE);
                    })
                    .hasMessageContaining("between 100 and 2000");
        }

        @Test
        @DisplayName("empty content is refused")
        void empty() {
            assertThatThrownBy(() -> renderer.png("", QrImageOptions.defaults()))
                    .isInstanceOfSatisfying(
                            QrRenderException.class,
                            e -> assertThat(e.problem()).isEqualTo(QrRenderException.Problem.EMPTY_CONTENT));
        }

        @Test
        @DisplayName("content too long for any QR code is refused")
        void tooLong() {
            assertThatThrownBy(() -> renderer.svg("x".repeat(5000), QrImageOptions.defaults()))
                    .isInstanceOfSatisfying(
                            QrRenderException.class,
                            e -> assertThat(e.problem()).isEqualTo(QrRenderException.Problem.CONTENT_TOO_LONG));
        }

        @Test
        @DisplayName("content with more modules than the image has pixels is refused")
        void tooSmall() {
            assertThatThrownBy(() -> renderer.png("ក".repeat(300), QrImageOptions.ofSize(100)))
                    .isInstanceOfSatisfying(QrRenderException.class, e -> {
                        assertThat(e.field()).isEqualTo("size");
                        assertThat(e.problem()).isEqualTo(QrRenderException.Problem.SIZE_TOO_SMALL_FOR_CONTENT);
                    });
        }
    }

    @Test
    @DisplayName("32 threads drawing at once (more than the deflaters kept) each get the bytes a lone draw gives")
    void concurrentDrawsAreIndependent() throws Exception {
        QrRenderer renderer = new QrRenderer();
        java.util.List<String> texts = java.util.stream.IntStream.range(0, 64)
                .mapToObj(i -> "00020101021229180014coffee@aclb5204599953038405802KH5913COFFEE CORNER"
                        + "6010PHNOM PENH62120108INV-" + i + "6304ABCD")
                .toList();
        java.util.Map<String, byte[]> alone = new java.util.HashMap<>();
        for (String text : texts) alone.put(text, renderer.png(text, QrImageOptions.defaults()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> same = new java.util.ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (String text : texts) {
                    same.add(pool.submit(
                            () -> Arrays.equals(renderer.png(text, QrImageOptions.defaults()), alone.get(text))));
                }
            }
            for (java.util.concurrent.Future<Boolean> f : same)
                assertThat(f.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
