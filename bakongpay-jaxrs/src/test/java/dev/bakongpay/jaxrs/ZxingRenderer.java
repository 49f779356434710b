package dev.bakongpay.jaxrs;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.bakongpay.core.payment.QrImageRenderer;
import dev.bakongpay.core.payment.QrStyle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/** A plain ZXing renderer for tests, standing in for the core renderer until it is merged. */
final class ZxingRenderer implements QrImageRenderer {

    @Override
    public byte[] png(String text, QrStyle style) {
        BitMatrix m = matrix(text, style.size());
        BufferedImage img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) img.setRGB(x, y, m.get(x, y) ? style.foreground() : style.background());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public String svg(String text, QrStyle style) {
        BitMatrix m = matrix(text, style.size());
        StringBuilder sb = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + style.size()
                + "\" height=\"" + style.size() + "\"><rect width=\"100%\" height=\"100%\" fill=\""
                + QrStyle.hex(style.background()) + "\"/><path fill=\"" + QrStyle.hex(style.foreground()) + "\" d=\"");
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) if (m.get(x, y)) sb.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
        return sb.append("\"/></svg>").toString();
    }

    private static BitMatrix matrix(String text, int size) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
