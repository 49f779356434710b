package dev.bakongpay.checkout.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.bakongpay.checkout.QrImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * The built-in {@link QrImages}: ZXing draws the matrix, and a 1-bit PNG is written by hand so the
 * servlet needs no AWT (headless quirks in some containers). Stands in until core's renderer lands.
 */
public final class ZxingQrImages implements QrImages {
    public static final ZxingQrImages INSTANCE = new ZxingQrImages();
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ZxingQrImages() {}

    @Override
    public byte[] png(String qr, int size) {
        int px = Math.max(64, Math.min(size, 1024));
        BitMatrix m;
        try {
            // M tolerates the currency badge the page lays over the centre (about 2% of the area)
            m = new QRCodeWriter().encode(qr, BarcodeFormat.QR_CODE, px, px, Map.of(
                    EncodeHintType.CHARACTER_SET, "UTF-8",
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR too long to draw: " + e.getMessage(), e);
        }
        return png(m);
    }

    private static byte[] png(BitMatrix m) {
        int w = m.getWidth();
        int h = m.getHeight();
        int rowBytes = (w + 7) / 8;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(raw)) {
            byte[] row = new byte[rowBytes + 1]; // filter byte 0, then pixels; 1 = white in grayscale
            for (int y = 0; y < h; y++) {
                java.util.Arrays.fill(row, (byte) 0);
                for (int x = 0; x < w; x++) {
                    if (!m.get(x, y)) row[1 + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
                z.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h)
                .put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", raw.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
