package dev.bakongpay.checkout;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads a QR image back, as a phone's camera would. */
final class QrCodes {
    private QrCodes() {}

    static String decode(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels);
        return new QRCodeReader()
                .decode(
                        new BinaryBitmap(new HybridBinarizer(source)),
                        Map.of(
                                DecodeHintType.PURE_BARCODE,
                                Boolean.FALSE,
                                DecodeHintType.CHARACTER_SET,
                                "UTF-8",
                                DecodeHintType.TRY_HARDER,
                                Boolean.TRUE))
                .getText();
    }

    /** Every QR ZXing finds in the picture: a card's letters can mislead its single-code detector. */
    static java.util.List<String> decodeAll(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(img.getWidth(), img.getHeight(), pixels);
        return java.util.stream.Stream.of(new com.google.zxing.multi.qrcode.QRCodeMultiReader()
                        .decodeMultiple(
                                new BinaryBitmap(new HybridBinarizer(source)),
                                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)))
                .map(com.google.zxing.Result::getText)
                .toList();
    }
}
