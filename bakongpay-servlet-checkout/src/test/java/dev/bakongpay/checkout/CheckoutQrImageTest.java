package dev.bakongpay.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.core.render.QrImageOptions;
import dev.bakongpay.core.render.QrRenderer;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.testsupport.QrScanner;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The checkout page's QR image (GET /pay/{id}/qr.png)")
class CheckoutQrImageTest {
    static CheckoutServer server;

    @BeforeAll
    static void start() throws Exception {
        server = CheckoutServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static byte[] qrPng(Transaction t, String query) throws Exception {
        HttpResponse<byte[]> r = server.get("/pay/" + t.id() + "/qr.png" + query);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        return r.body();
    }

    static int width(byte[] png) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png)).getWidth();
    }

    @Test
    @DisplayName("is core's QrRenderer PNG of the qrString, byte for byte, 528 px, and decodes to the qrString")
    void coreRenderer() throws Exception {
        Transaction t =
                server.add(Fixtures.usd("25.00", Instant.now().plusSeconds(600)).build());
        byte[] png = qrPng(t, "");
        assertThat(png).isEqualTo(new QrRenderer().png(t.qrString(), QrImageOptions.ofSize(528)));
        assertThat(width(png)).isEqualTo(528);
        assertThat(QrScanner.decode(png)).isEqualTo(t.qrString());
    }

    @Test
    @DisplayName("draws the asked size with core's renderer, and decodes to the KHQR string")
    void decodes() throws Exception {
        Transaction t =
                server.add(Fixtures.usd("25.00", Instant.now().plusSeconds(600)).build());
        byte[] png = qrPng(t, "?size=400");
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(png).isEqualTo(new QrRenderer().png(t.qrString(), QrImageOptions.ofSize(400)));
        assertThat(QrScanner.decode(png)).isEqualTo(t.qrString());
    }

    @Test
    @DisplayName("clamps absurd sizes instead of drawing huge images (or refusing tiny ones)")
    void clamps() throws Exception {
        Transaction t =
                server.add(Fixtures.khr("1000", Instant.now().plusSeconds(600)).build());
        byte[] big = qrPng(t, "?size=9999");
        assertThat(width(big)).isEqualTo(1024);
        assertThat(big.length).isLessThan(64_000);
        assertThat(QrScanner.decode(big)).isEqualTo(t.qrString());
        assertThat(width(qrPng(t, "?size=10"))).isEqualTo(100);
        assertThat(width(qrPng(t, "?size=100000"))).isEqualTo(528); // not a size: the default
    }

    @Test
    @DisplayName("raises a size too small for a long code to the largest, instead of failing")
    void tooSmallForContent() throws Exception {
        String longText = "khqr ".repeat(160); // about 117 modules: more than 100 pixels
        byte[] png = CheckoutServlet.qrPng(longText, 100);
        assertThat(width(png)).isEqualTo(1024);
        assertThat(QrScanner.decode(png)).isEqualTo(longText);
    }
}
