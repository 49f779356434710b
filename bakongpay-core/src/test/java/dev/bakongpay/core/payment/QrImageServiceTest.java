package dev.bakongpay.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.core.khqr.KhqrPayload;
import dev.bakongpay.core.render.QrColor;
import dev.bakongpay.core.render.QrFormat;
import dev.bakongpay.core.render.QrImage;
import dev.bakongpay.core.render.QrImageOptions;
import dev.bakongpay.core.render.QrRenderer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("QrImageService (/qr/generate and /khqr/create)")
class QrImageServiceTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    static final String KHQR = Khqr.encode(
                    KhqrPayload.individual("john_smith@devb")
                            .merchantName("John Smith")
                            .merchantCity("Phnom Penh")
                            .build(),
                    CLOCK)
            .qr();
    final QrImageService service = new QrImageService(CLOCK);
    final QrRenderer renderer = new QrRenderer();

    @Test
    @DisplayName("draws with core's renderer: the same bytes as QrRenderer for the same text, size and colours")
    void sameBytesAsRenderer() {
        QrImage png = service.render(new QrImageRequest(KHQR, 400, "1a1a2e", "#fff", null));
        assertThat(png)
                .isEqualTo(renderer.render(
                        KHQR, QrFormat.PNG, new QrImageOptions(400, new QrColor(0x1a1a2e), QrColor.WHITE)));
        QrImage svg = service.render(new QrImageRequest(KHQR, null, null, null, " SVG "));
        assertThat(svg.mediaType()).isEqualTo("image/svg+xml");
        assertThat(svg.text()).isEqualTo(renderer.svg(KHQR, QrImageOptions.defaults()));
        assertThat(service.pngDataUrl(KHQR)).isEqualTo(renderer.pngDataUrl(KHQR, QrImageOptions.defaults()));
    }

    @Test
    @DisplayName("reports every problem of a request at once, with the field, code and message")
    void everyProblem() {
        assertThatThrownBy(() -> service.render(new QrImageRequest(" ", 99, "black", "#12345", "gif")))
                .isInstanceOfSatisfying(
                        PaymentException.Invalid.class,
                        e -> assertThat(e.details())
                                .containsExactly(
                                        new FieldError("qrString", "required", "is required"),
                                        new FieldError("size", "out_of_range", "must be from 100 to 2000"),
                                        new FieldError(
                                                "foreground",
                                                "invalid_format",
                                                "must be a hex colour such as #1a1a2e or #fff"),
                                        new FieldError(
                                                "background",
                                                "invalid_format",
                                                "must be a hex colour such as #1a1a2e or #fff"),
                                        new FieldError("format", "invalid_value", "must be png or svg")));
    }

    @Test
    @DisplayName("refuses light-on-dark and low-contrast colours, writing them in lower case")
    void contrast() {
        assertThatThrownBy(() -> service.render(new QrImageRequest(KHQR, null, "#FFF", "#000", null)))
                .isInstanceOfSatisfying(
                        PaymentException.Invalid.class,
                        e -> assertThat(e.details())
                                .containsExactly(new FieldError(
                                        "foreground",
                                        "low_contrast",
                                        "must be darker than the background with a "
                                                + "contrast ratio of at least 3.0:1; #ffffff on #000000 is 21.00:1")));
        assertThatThrownBy(() -> service.render(new QrImageRequest(KHQR, null, "#DDDDDD", null, null)))
                .isInstanceOfSatisfying(
                        PaymentException.Invalid.class,
                        e -> assertThat(e.details().get(0).message()).endsWith("#dddddd on #ffffff is 1.36:1"));
        assertThat(service.render(new QrImageRequest(KHQR, null, "#777777", null, null))
                        .mediaType())
                .isEqualTo("image/png");
    }
}
