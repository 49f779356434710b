package dev.bakongpay.core.render;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** Reads our images back the way a scanner would: ZXing's QR reader over the pixels. */
final class QrDecoding {

    private static final Pattern SVG_SIZE = Pattern.compile(
            "^<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"(\\d+)\" height=\"(\\d+)\" viewBox=\"0 0 (\\d+) (\\d+)\"");
    private static final Pattern FILLS = Pattern.compile(
            "<path fill=\"#([0-9A-F]{6})\"(?: transform=\"translate\\((\\d+),(\\d+)\\) scale\\((\\d+)\\)\")? d=\"([^\"]*)\"/>");
    private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v(\\d+)h-(\\d+)z");

    private QrDecoding() {}

    /** An image as ARGB pixels. */
    record Pixels(int width, int height, int[] argb) {
        int at(int x, int y) {
            return argb[y * width + x] & 0xFFFFFF;
        }
    }

    static Pixels readPng(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new AssertionError("ImageIO could not read the PNG");
            }
            int w = image.getWidth();
            int h = image.getHeight();
            return new Pixels(w, h, image.getRGB(0, 0, w, h, null, 0, w));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rasterises our own SVG dialect: a background path, then horizontal runs of the foreground under an integer translate + scale. */
    static Pixels rasterizeSvg(String svg) {
        Matcher size = SVG_SIZE.matcher(svg);
        if (!size.find()) {
            throw new AssertionError(
                    "no width/height/viewBox header: " + svg.substring(0, Math.min(200, svg.length())));
        }
        int w = Integer.parseInt(size.group(1));
        int h = Integer.parseInt(size.group(2));
        if (w != Integer.parseInt(size.group(3)) || h != Integer.parseInt(size.group(4))) {
            throw new AssertionError("viewBox differs from width/height");
        }
        int[] argb = new int[w * h];
        Matcher fills = FILLS.matcher(svg);
        int paths = 0;
        while (fills.find()) {
            int colour = Integer.parseInt(fills.group(1), 16);
            String d = fills.group(5);
            int tx = fills.group(2) == null ? 0 : Integer.parseInt(fills.group(2));
            int ty = fills.group(3) == null ? 0 : Integer.parseInt(fills.group(3));
            int scale = fills.group(4) == null ? 1 : Integer.parseInt(fills.group(4));
            if (paths++ == 0) {
                if (!d.equals("M0 0h" + w + "v" + h + "H0z")) {
                    throw new AssertionError("first path must cover the image: " + d);
                }
                Arrays.fill(argb, colour);
                continue;
            }
            Matcher run = RUN.matcher(d);
            int consumed = 0;
            while (run.find()) {
                if (run.start() != consumed || !run.group(3).equals(run.group(5))) {
                    throw new AssertionError("unexpected path syntax at " + consumed);
                }
                consumed = run.end();
                int x0 = tx + scale * Integer.parseInt(run.group(1));
                int y0 = ty + scale * Integer.parseInt(run.group(2));
                int rw = scale * Integer.parseInt(run.group(3));
                int rh = scale * Integer.parseInt(run.group(4));
                for (int y = y0; y < y0 + rh; y++) {
                    Arrays.fill(argb, y * w + x0, y * w + x0 + rw, colour);
                }
            }
            if (consumed != d.length()) {
                throw new AssertionError("unparsed path data at " + consumed);
            }
        }
        if (paths != 2) {
            throw new AssertionError("expected 2 paths but found " + paths);
        }
        return new Pixels(w, h, argb);
    }

    /**
     * Reads the code with ZXing's QR reader: first its camera-image detector, then its
     * {@code PURE_BARCODE} mode, which ZXing provides for computer-generated images. The second
     * try exists because ZXing's detector also misses some pixel-perfect images that ZXing's own
     * {@code QRCodeWriter} produces (e.g. 69 modules at 5 px); see the rendering docs.
     */
    static String decode(Pixels pixels) {
        try {
            return decodeWithDetector(pixels);
        } catch (AssertionError detectorMissed) {
            return read(pixels, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
        }
    }

    /** Reads the code with ZXing's camera-image detector only. */
    static String decodeWithDetector(Pixels pixels) {
        return read(pixels, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
    }

    private static String read(Pixels pixels, Map<DecodeHintType, ?> hints) {
        try {
            BinaryBitmap bitmap = new BinaryBitmap(
                    new HybridBinarizer(new RGBLuminanceSource(pixels.width(), pixels.height(), pixels.argb())));
            return new QRCodeReader().decode(bitmap, hints).getText();
        } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException e) {
            throw new AssertionError("ZXing could not read the code back with " + hints.keySet() + ": " + e, e);
        }
    }
}
