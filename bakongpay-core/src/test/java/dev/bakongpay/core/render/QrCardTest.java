package dev.bakongpay.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import boofcv.abst.fiducial.QrCodeDetector;
import boofcv.factory.fiducial.FactoryFiducial;
import boofcv.struct.image.GrayU8;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.core.khqr.KhqrCurrency;
import dev.bakongpay.core.khqr.KhqrPayload;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NBC's KHQR card: every card, PNG and SVG, reads back as the exact KHQR, and as nothing else,
 * with ZXing and with BoofCV (a second decoder that shares no code with ZXing), and shows what
 * the KHQR says. Each run draws fresh KHQRs too ({@link #freshCards}), since whether a reader
 * finds a code depends on its modules.
 */
@DisplayName("KHQR card images")
class QrCardTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-02T13:45:00Z"), ZoneOffset.UTC);
    static final QrRenderer RENDERER = new QrRenderer();

    static String khqr(String amount, KhqrCurrency currency, String name, String khmerName) {
        KhqrPayload.Builder b = KhqrPayload.individual("coffee@aclb")
                .merchantName(name)
                .merchantCity("Phnom Penh")
                .currency(currency)
                .amount(new BigDecimal(amount))
                .billNumber("Order #1234")
                .createdAt(CLOCK.instant())
                .expiresAt(CLOCK.instant().plusSeconds(900));
        if (khmerName != null) b.merchantNameAlternateLanguage(khmerName).languagePreference("km");
        return Khqr.encode(b.build(), CLOCK).qr();
    }

    static Stream<Arguments> cards() {
        String usd = khqr("1.5", KhqrCurrency.USD, "Coffee Corner", null);
        String khr = khqr("10000", KhqrCurrency.KHR, "Coffee Corner", "ហាងកាហ្វេ");
        String longName = khqr("1234.56", KhqrCurrency.USD, "WWWWWWWWWWWWWWWWWWWWWWWWW", "ហាងកាហ្វេដ៏វែង");
        return Stream.of(300, 600, 1000)
                .flatMap(width -> Stream.of(usd, khr, longName)
                        .flatMap(qr -> Stream.of(QrFormat.PNG, QrFormat.SVG).map(f -> Arguments.of(qr, f, width))));
    }

    /** 20 KHQRs that differ in their bill number, so in their modules, on every run. */
    static Stream<Arguments> freshCards() {
        java.util.Random random = new java.util.Random();
        return Stream.generate(() -> {
                    KhqrPayload p = KhqrPayload.individual("finn_shop@aclb")
                            .merchantName("FINN SHOP")
                            .currency(random.nextBoolean() ? KhqrCurrency.USD : KhqrCurrency.KHR)
                            .amount(new BigDecimal(1 + random.nextInt(99_999)))
                            .billNumber("INV-" + Integer.toHexString(random.nextInt()))
                            .createdAt(CLOCK.instant())
                            .expiresAt(CLOCK.instant().plusSeconds(900))
                            .build();
                    return Khqr.encode(p, CLOCK).qr();
                })
                .limit(20)
                .flatMap(qr -> Stream.of(QrFormat.PNG, QrFormat.SVG).map(f -> Arguments.of(qr, f, 600)));
    }

    @ParameterizedTest(name = "{1} {2} px")
    @MethodSource({"cards", "freshCards"})
    @DisplayName("every card decodes to the exact KHQR with ZXing and with BoofCV")
    void decodes(String qr, QrFormat format, int width) {
        QrImage image = RENDERER.card(qr, format, width);
        assertThat(image.mediaType()).isEqualTo(format.mediaType());
        BufferedImage pixels = format == QrFormat.PNG
                ? toImage(QrDecoding.readPng(image.bytes()))
                : rasterize(new String(image.bytes(), StandardCharsets.UTF_8));
        assertThat(pixels.getWidth()).isEqualTo(width);
        assertThat(pixels.getHeight()).isEqualTo(Math.round(width * 430 / 300.0));
        assertThat(zxing(pixels)).containsExactly(qr);
        assertThat(boofcv(pixels)).containsExactly(qr);
    }

    @Test
    @DisplayName("the header is NBC's red, the QR's centre holds the currency mark, the rest is white")
    void layout() {
        BufferedImage card = toImage(QrDecoding.readPng(
                RENDERER.card(khqr("1.5", KhqrCurrency.USD, "Coffee Corner", null), QrFormat.PNG, 600)
                        .bytes()));
        assertThat(card.getRGB(10, 10) & 0xFFFFFF).isEqualTo(0xE1232E);
        assertThat(card.getRGB(598, 120) & 0xFFFFFF).as("the header's fold").isEqualTo(0xE1232E);
        assertThat(card.getRGB(10, 200) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        int qrCentreY = 336 + 244;
        assertThat(card.getRGB(300, qrCentreY) & 0xFFFFFF)
                .as("the mark's disc or sign")
                .isIn(0x000000, 0xFFFFFF);
    }

    @Test
    @DisplayName("the card says the KHQR's merchant, Khmer name, amount and currency")
    void card() {
        assertThat(QrCard.of(khqr("10000", KhqrCurrency.KHR, "Coffee Corner", "ហាងកាហ្វេ")))
                .isEqualTo(new QrCard("Coffee Corner", "ហាងកាហ្វេ", "10,000", "KHR"));
        assertThat(QrCard.of(khqr("1234.5", KhqrCurrency.USD, "Coffee Corner", null)))
                .isEqualTo(new QrCard("Coffee Corner", null, "1,234.50", "USD"));
        assertThat(new QrCard("A", null, "1.00", "KHR").currencyMark()).isEqualTo("\u17DB");
    }

    @Test
    @DisplayName("the Khmer name is drawn as shaped glyphs: the SVG holds outlines, no text that needs a font")
    void khmerAsOutlines() {
        String svg = new String(
                RENDERER.card(khqr("10000", KhqrCurrency.KHR, "Coffee Corner", "ហាងកាហ្វេ"), QrFormat.SVG, 600)
                        .bytes(),
                StandardCharsets.UTF_8);
        assertThat(svg).doesNotContain("<text", "ហាង", "font-family").contains("<path fill=\"#E1232E\"");
    }

    @Test
    @DisplayName("a width below 300 or above 2000 is refused")
    void width() {
        String qr = khqr("1.5", KhqrCurrency.USD, "Coffee Corner", null);
        assertThatIllegalArgumentException().isThrownBy(() -> RENDERER.card(qr, QrFormat.PNG, 299));
        assertThatIllegalArgumentException().isThrownBy(() -> RENDERER.card(qr, QrFormat.PNG, 2001));
    }

    private static BufferedImage toImage(QrDecoding.Pixels p) {
        BufferedImage image = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, p.width(), p.height(), p.argb(), 0, p.width());
        return image;
    }

    /**
     * What ZXing reads in the image, looking for every QR in it as a scanner of a printed card does:
     * its single-code detector now and then takes the card's letters for a finder pattern.
     */
    static List<String> zxing(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        try {
            return Stream.of(new QRCodeMultiReader()
                            .decodeMultiple(
                                    new BinaryBitmap(new HybridBinarizer(
                                            new RGBLuminanceSource(w, h, image.getRGB(0, 0, w, h, null, 0, w)))),
                                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)))
                    .map(Result::getText)
                    .toList();
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    /** What BoofCV's QR detector reads in the image. */
    private static List<String> boofcv(BufferedImage image) {
        GrayU8 gray = new GrayU8(image.getWidth(), image.getHeight());
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                gray.set(x, y, (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000);
            }
        }
        QrCodeDetector<GrayU8> detector = FactoryFiducial.qrcode(null, GrayU8.class);
        detector.process(gray);
        return detector.getDetections().stream().map(code -> code.message).toList();
    }

    private static final Pattern HEADER = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern PATH = Pattern.compile("<path fill=\"#([0-9A-F]{6})\"[^>]* d=\"([^\"]*)\"/>");
    private static final Pattern SEGMENT = Pattern.compile("([MLQCZ])([-0-9. ]*)");

    /** Fills the card SVG's paths (M, L, Q, C, Z with absolute coordinates, as the card writes them) with Java2D. */
    static BufferedImage rasterize(String svg) {
        Matcher header = HEADER.matcher(svg);
        assertThat(header.find()).isTrue();
        BufferedImage image = new BufferedImage(
                Integer.parseInt(header.group(1)), Integer.parseInt(header.group(2)), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Matcher paths = PATH.matcher(svg);
        while (paths.find()) {
            Path2D.Double path = new Path2D.Double();
            Matcher s = SEGMENT.matcher(paths.group(2));
            while (s.find()) {
                double[] c = s.group(2).isBlank()
                        ? new double[0]
                        : Stream.of(s.group(2).strip().split(" "))
                                .mapToDouble(Double::parseDouble)
                                .toArray();
                switch (s.group(1)) {
                    case "M" -> path.moveTo(c[0], c[1]);
                    case "L" -> path.lineTo(c[0], c[1]);
                    case "Q" -> path.quadTo(c[0], c[1], c[2], c[3]);
                    case "C" -> path.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
                    default -> path.closePath();
                }
            }
            g.setColor(new Color(Integer.parseInt(paths.group(1), 16)));
            g.fill(path);
        }
        g.dispose();
        return image;
    }
}
