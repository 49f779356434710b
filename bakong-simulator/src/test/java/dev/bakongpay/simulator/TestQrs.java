package dev.bakongpay.simulator;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * Builds KHQR strings for tests, independently of the code under test: TLV in the SDK's tag order
 * and CRC-16/CCITT-FALSE. Each QR gets its own bill number, so each has its own md5.
 */
final class TestQrs {

    private static final AtomicInteger BILLS = new AtomicInteger();

    private TestQrs() {}

    static String dynamic(
            String account, String merchant, String currency, String amount, Instant createdAt, Instant expiresAt) {
        String timestamps =
                tlv("00", Long.toString(createdAt.toEpochMilli())) + tlv("01", Long.toString(expiresAt.toEpochMilli()));
        return finish("12", account, merchant, currency, amount, tlv("99", timestamps));
    }

    /** A USD 1.50 QR to coffee@aclb that expires in ten minutes of {@code now}. */
    static String coffee(Instant now) {
        return dynamic("coffee@aclb", "Coffee Corner", "USD", "1.50", now, now.plusSeconds(600));
    }

    /** Bill {@code bill} of a fixed shop, the same text in every run: for cases chosen by their content. */
    static String numbered(int bill) {
        Instant created = Instant.parse("2030-01-01T00:00:00Z");
        String timestamps = tlv("00", Long.toString(created.toEpochMilli()))
                + tlv("01", Long.toString(created.plusSeconds(600).toEpochMilli()));
        return finish("12", "coffee@aclb", "Coffee Corner", "USD", "1.50", "INV-N" + bill, tlv("99", timestamps));
    }

    static String staticQr(String account, String merchant, String currency) {
        return finish("11", account, merchant, currency, null, "");
    }

    private static String finish(
            String initiation, String account, String merchant, String currency, String amount, String tail) {
        return finish(initiation, account, merchant, currency, amount, "INV-" + BILLS.incrementAndGet(), tail);
    }

    private static String finish(
            String initiation,
            String account,
            String merchant,
            String currency,
            String amount,
            String bill,
            String tail) {
        String body = tlv("00", "01") + tlv("01", initiation)
                + tlv("29", tlv("00", account) + tlv("02", "ACLEDA Bank"))
                + tlv("52", "5999") + tlv("53", "USD".equals(currency) ? "840" : "116")
                + (amount == null ? "" : tlv("54", amount))
                + tlv("58", "KH") + tlv("59", merchant) + tlv("60", "Phnom Penh")
                + tlv("62", tlv("01", bill))
                + tail + "6304";
        return body + crc(body);
    }

    static String withBrokenCrc(String qr) {
        char last = qr.charAt(qr.length() - 1);
        return qr.substring(0, qr.length() - 1) + (last == '0' ? '1' : '0');
    }

    static String md5(String qr) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5").digest(qr.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] png(String qr) {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(qr, BarcodeFormat.QR_CODE, 300, 300, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"));
            BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tlv(String tag, String value) {
        return tag + String.format(Locale.ROOT, "%02d", value.length()) + value;
    }

    private static String crc(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return String.format(Locale.ROOT, "%04X", crc & 0xFFFF);
    }
}
