package dev.bakongpay.testsupport;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Reads QR codes out of images the way the tests mean "a phone can scan it": ZXing's camera
 * detector first, then its multi-code detector, then its {@code PURE_BARCODE} mode for
 * computer-drawn images. One detector alone is not enough: ZXing's single-code detector misses
 * about 4.5 % of pixel-perfect 300 px KHQR images, its own {@code QRCodeWriter}'s included, while
 * the symbol itself is sound (the other two read every one of them).
 */
public final class QrScanner {

    private static final Map<DecodeHintType, Object> CAMERA =
            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE, DecodeHintType.CHARACTER_SET, "UTF-8");
    private static final Map<DecodeHintType, Object> PURE =
            Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE, DecodeHintType.CHARACTER_SET, "UTF-8");

    private QrScanner() {}

    /** The text of the one QR code in an image (PNG, JPEG, GIF, BMP); an AssertionError when none reads. */
    public static String decode(byte[] image) {
        List<String> all = decodeAll(image);
        if (all.isEmpty()) {
            throw new AssertionError("no QR code could be read from the image (" + image.length + " bytes)");
        }
        return all.get(0);
    }

    /** Every QR code readable in an image, first the one the single-code detector finds; empty when none. */
    public static List<String> decodeAll(byte[] image) {
        BufferedImage picture = picture(image);
        int width = picture.getWidth();
        int height = picture.getHeight();
        int[] argb = picture.getRGB(0, 0, width, height, null, 0, width);
        List<String> found = new ArrayList<>();
        try {
            found.add(new QRCodeReader()
                    .decode(bitmap(width, height, argb), CAMERA)
                    .getText());
        } catch (ReaderException missed) {
            // the other detectors below
        }
        try {
            Stream.of(new QRCodeMultiReader().decodeMultiple(bitmap(width, height, argb), CAMERA))
                    .map(Result::getText)
                    .filter(text -> !found.contains(text))
                    .forEach(found::add);
        } catch (ReaderException missed) {
            // the pure-image reading below
        }
        if (found.isEmpty()) {
            try {
                found.add(new QRCodeReader()
                        .decode(bitmap(width, height, argb), PURE)
                        .getText());
            } catch (ReaderException missed) {
                // nothing readable: an empty list
            }
        }
        return found;
    }

    private static BinaryBitmap bitmap(int width, int height, int[] argb) {
        return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, argb)));
    }

    private static BufferedImage picture(byte[] image) {
        try {
            BufferedImage picture = ImageIO.read(new ByteArrayInputStream(image));
            if (picture == null) {
                throw new AssertionError("not an image ImageIO can read (" + image.length + " bytes)");
            }
            return picture;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
