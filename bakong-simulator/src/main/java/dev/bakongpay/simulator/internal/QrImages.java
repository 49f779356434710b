package dev.bakongpay.simulator.internal;

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
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads the KHQR string out of an uploaded picture (PNG, JPEG, GIF, BMP), as a bank app's camera would. */
final class QrImages {

    /**
     * Most pixels an uploaded picture may have: a 16-megapixel phone photo. A few hundred bytes of
     * PNG can declare a picture of billions of pixels, so the size is read from the header first.
     */
    static final long MAX_PIXELS = 4096L * 4096L;

    private static final Map<DecodeHintType, Object> CAMERA = Map.of(
            DecodeHintType.TRY_HARDER,
            Boolean.TRUE,
            // KHQR carries Khmer names in UTF-8; without the hint ZXing may guess another charset
            DecodeHintType.CHARACTER_SET,
            "UTF-8");
    private static final Map<DecodeHintType, Object> PURE =
            Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE, DecodeHintType.CHARACTER_SET, "UTF-8");

    private QrImages() {}

    /** A picture larger than {@link #MAX_PIXELS}, refused before it is decoded. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long width, long height) {
            super("the uploaded image is " + width + " × " + height + " pixels; at most " + MAX_PIXELS
                    + " pixels (4096 × 4096) are read");
        }
    }

    /**
     * The QR's text, or empty when the bytes are no image or show no readable QR code.
     *
     * @throws TooLarge when the picture's header declares more than {@link #MAX_PIXELS} pixels
     */
    static Optional<String> read(byte[] imageBytes) {
        Optional<BufferedImage> picture = picture(imageBytes);
        if (picture.isEmpty()) {
            return Optional.empty();
        }
        BufferedImage image = picture.get();
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        // ZXing's single-code detector misses about 1 in 20 pixel-perfect codes (its own writer's
        // too); its multi-code detector and its reading of computer-drawn images find those.
        try {
            return Optional.of(new QRCodeReader()
                    .decode(bitmap(width, height, pixels), CAMERA)
                    .getText());
        } catch (ReaderException missed) {
            // the next detector
        }
        try {
            Result[] found = new QRCodeMultiReader().decodeMultiple(bitmap(width, height, pixels), CAMERA);
            return Optional.of(found[0].getText());
        } catch (ReaderException missed) {
            // the last way of reading
        }
        try {
            return Optional.of(new QRCodeReader()
                    .decode(bitmap(width, height, pixels), PURE)
                    .getText());
        } catch (ReaderException missed) {
            return Optional.empty();
        }
    }

    private static Optional<BufferedImage> picture(byte[] imageBytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(imageBytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > MAX_PIXELS) {
                    throw new TooLarge(width, height);
                }
                return Optional.ofNullable(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof TooLarge tooLarge) {
                throw tooLarge;
            }
            return Optional.empty();
        }
    }

    private static BinaryBitmap bitmap(int width, int height, int[] pixels) {
        return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
    }
}
