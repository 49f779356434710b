package dev.bakongpay.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The built-in QR images")
class QrImagesTest {
    @Test
    @DisplayName("draw a PNG that a QR reader decodes to the KHQR string")
    void decodes() throws Exception {
        String qr = Fixtures.usd("25.00", Instant.now().plusSeconds(600)).build().qrString();
        byte[] png = QrImages.zxing().png(qr, 400);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(QrCodes.decode(png)).isEqualTo(qr);
    }

    @Test
    @DisplayName("clamp absurd sizes instead of drawing huge images")
    void clamps() throws Exception {
        String qr = Fixtures.khr("1000", Instant.now().plusSeconds(600)).build().qrString();
        assertThat(QrCodes.decode(QrImages.zxing().png(qr, 100_000))).isEqualTo(qr);
        assertThat(QrImages.zxing().png(qr, 100_000).length).isLessThan(64_000);
    }
}
