package dev.bakongpay.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.bakongpay.testsupport.QrScanner;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("POST /api/v1/qr/generate")
class QrGenerateEndpointTest {
    TestWorld world;
    String qr;

    @BeforeAll
    void start() {
        world = new TestWorld();
        qr = (String) world.create(TestWorld.PRO, "25.00").get("qrString");
    }

    @AfterAll
    void stop() throws Exception {
        world.close();
    }

    String body(String extra) {
        return "{\"qrString\":\"" + qr + "\"" + extra + "}";
    }

    @Test
    @DisplayName("answers JSON with a 300 px PNG data URL by default that decodes back to the same KHQR")
    void defaults() throws Exception {
        String url = world.as(TestWorld.FREE)
                .body(body(""))
                .post("/qr/generate")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("data.format", equalTo("png"))
                .body("data.size", equalTo(300))
                .body("data.mimeType", equalTo("image/png"))
                .extract()
                .path("data.qrImage");
        assertThat(url).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
        assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(300);
        assertThat(QrScanner.decode(png)).isEqualTo(qr);
    }

    @Test
    @DisplayName("style card answers NBC's KHQR card, 600 px wide by default, that decodes back to the same KHQR")
    void card() throws Exception {
        String url = world.as(TestWorld.FREE)
                .body(body(",\"style\":\"card\""))
                .post("/qr/generate")
                .then()
                .statusCode(200)
                .body("data.format", equalTo("png"))
                .body("data.size", equalTo(600))
                .extract()
                .path("data.qrImage");
        byte[] png = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
        BufferedImage card = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(card.getWidth()).isEqualTo(600);
        assertThat(card.getHeight()).isEqualTo(860);
        assertThat(card.getRGB(10, 10) & 0xFFFFFF).as("NBC's red header").isEqualTo(0xE1232E);
        // every code in the card, as a scanner of a printed card looks: the card's letters can
        // mislead ZXing's single-code detector
        assertThat(QrScanner.decodeAll(png)).containsExactly(qr);
        byte[] svg = world.as(TestWorld.FREE)
                .accept("image/svg+xml")
                .body(body(",\"style\":\"card\",\"size\":400"))
                .post("/qr/generate")
                .then()
                .statusCode(200)
                .contentType("image/svg+xml")
                .extract()
                .asByteArray();
        assertThat(new String(svg, StandardCharsets.UTF_8)).startsWith("<svg").contains("viewBox=\"0 0 400 573\"");
    }

    @Test
    @DisplayName("an unknown style, or colours on a card, is a 422 naming the field")
    void badStyle() {
        world.as(TestWorld.FREE)
                .body(body(",\"style\":\"poster\""))
                .post("/qr/generate")
                .then()
                .statusCode(422)
                .body("error.details[0].field", equalTo("style"));
        world.as(TestWorld.FREE)
                .body(body(",\"style\":\"card\",\"foreground\":\"#222\""))
                .post("/qr/generate")
                .then()
                .statusCode(422)
                .body("error.details[0].field", equalTo("foreground"));
    }

    @Test
    @DisplayName("the seed's example (400 px, #1a1a2e on #ffffff) draws at the asked size in the asked colours")
    void styled() throws Exception {
        String url = world.as(TestWorld.FREE)
                .body(body(",\"size\":400,\"foreground\":\"#1a1a2e\",\"background\":\"#ffffff\",\"format\":\"png\""))
                .post("/qr/generate")
                .then()
                .statusCode(200)
                .extract()
                .path("data.qrImage");
        BufferedImage img =
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1))));
        assertThat(img.getWidth()).isEqualTo(400);
        assertThat(img.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        boolean hasForeground = false;
        for (int x = 0; x < 400 && !hasForeground; x++) hasForeground = (img.getRGB(x, 200) & 0xFFFFFF) == 0x1a1a2e;
        assertThat(hasForeground).isTrue();
    }

    @Test
    @DisplayName("answers raw image/png or image/svg+xml when Accept asks for it")
    void raw() throws Exception {
        byte[] png = world.as(TestWorld.FREE)
                .accept("image/png")
                .body(body(""))
                .post("/qr/generate")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .extract()
                .asByteArray();
        assertThat(QrScanner.decode(png)).isEqualTo(qr);
        String svg = world.as(TestWorld.FREE)
                .accept("image/svg+xml")
                .body(body(""))
                .post("/qr/generate")
                .then()
                .statusCode(200)
                .contentType(startsWith("image/svg+xml"))
                .extract()
                .asString();
        assertThat(svg).startsWith("<svg").contains("width=\"300\"");
        world.as(TestWorld.FREE)
                .body(body(",\"format\":\"svg\""))
                .post("/qr/generate")
                .then()
                .statusCode(200)
                .body("data.qrImage", startsWith("data:image/svg+xml;base64,"));
        world.as(TestWorld.FREE)
                .accept("image/png")
                .body(body(",\"format\":\"svg\""))
                .post("/qr/generate")
                .then()
                .statusCode(406)
                .contentType("application/json")
                .body("error.code", equalTo("not_acceptable"));
        String decoded = new String(
                Base64.getDecoder()
                        .decode(world.as(TestWorld.FREE)
                                .body(body(",\"format\":\"SVG\""))
                                .post("/qr/generate")
                                .then()
                                .extract()
                                .<String>path("data.qrImage")
                                .split(",")[1]),
                StandardCharsets.UTF_8);
        assertThat(decoded).startsWith("<svg");
    }

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                ",\"size\":99|size|out_of_range",
                ",\"size\":2001|size|out_of_range",
                ",\"size\":\"big\"|size|invalid_type",
                ",\"foreground\":\"black\"|foreground|invalid_format",
                ",\"background\":\"#12345\"|background|invalid_format",
                ",\"foreground\":\"#dddddd\"|foreground|low_contrast",
                ",\"foreground\":\"#ffffff\",\"background\":\"#000000\"|foreground|low_contrast",
                ",\"format\":\"gif\"|format|invalid_value",
            })
    @DisplayName("refuses bad sizes, colours, contrast and formats with a 422 naming the field")
    void invalid(String extra, String field, String code) {
        world.as(TestWorld.FREE)
                .body(body(extra))
                .post("/qr/generate")
                .then()
                .statusCode(422)
                .body("error.code", equalTo("validation_failed"))
                .body("error.details[0].field", equalTo(field))
                .body("error.details[0].code", equalTo(code));
    }

    @Test
    @DisplayName("refuses a string that is not a valid KHQR, naming the problem")
    void invalidKhqr() {
        String broken = qr.substring(0, qr.length() - 4) + "0000";
        world.as(TestWorld.FREE)
                .body("{\"qrString\":\"" + broken + "\"}")
                .post("/qr/generate")
                .then()
                .statusCode(422)
                .body("error.details[0].field", equalTo("qrString"))
                .body("error.details[0].code", equalTo("invalid_khqr"))
                .body("error.details[0].message", containsString("KHQR error"));
        world.as(TestWorld.FREE)
                .body("{\"qrString\":\"000201...\"}")
                .post("/qr/generate")
                .then()
                .statusCode(422)
                .body("error.details[0].field", equalTo("qrString"));
        world.as(TestWorld.FREE)
                .body("{}")
                .post("/qr/generate")
                .then()
                .statusCode(422)
                .body("error.details[0].code", equalTo("required"));
    }
}
