package dev.bakongpay.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.core.khqr.KhqrPayload;
import dev.bakongpay.core.render.QrFormat;
import dev.bakongpay.core.render.QrImage;
import dev.bakongpay.core.render.QrRenderer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("QrImageService: style plain or card")
class QrImageServiceCardTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    static final String KHQR = Khqr.encode(
                    KhqrPayload.individual("john_smith@devb")
                            .merchantName("John Smith")
                            .merchantCity("Phnom Penh")
                            .build(),
                    CLOCK)
            .qr();
    final QrImageService service = new QrImageService(CLOCK);

    @Test
    @DisplayName("style card draws core's card, 600 px wide unless asked; plain stays the default")
    void card() {
        QrImage card = service.render(new QrImageRequest(KHQR, null, null, null, "svg", " Card "));
        assertThat(card).isEqualTo(new QrRenderer().card(KHQR, QrFormat.SVG, 600));
        assertThat(service.render(new QrImageRequest(KHQR, 400, null, null, "png", null)))
                .isEqualTo(service.render(new QrImageRequest(KHQR, 400, null, null, "png", "plain")));
    }

    @Test
    @DisplayName("an unknown style, a card under 300 px and colours on a card are refused together")
    void refusals() {
        assertThatThrownBy(() -> service.render(new QrImageRequest(KHQR, null, null, null, null, "poster")))
                .isInstanceOfSatisfying(
                        PaymentException.Invalid.class,
                        e -> assertThat(e.details())
                                .extracting(FieldError::field, FieldError::code)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("style", "invalid_value")));
        assertThatThrownBy(() -> service.render(new QrImageRequest(KHQR, 200, "#000", null, null, "card")))
                .isInstanceOfSatisfying(
                        PaymentException.Invalid.class,
                        e -> assertThat(e.details())
                                .extracting(FieldError::field, FieldError::code)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple("size", "out_of_range"),
                                        org.assertj.core.groups.Tuple.tuple("foreground", "not_allowed")));
    }
}
