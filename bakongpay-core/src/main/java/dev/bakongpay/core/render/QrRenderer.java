package dev.bakongpay.core.render;

import dev.bakongpay.core.render.internal.CardDrawing;
import dev.bakongpay.core.render.internal.ModuleGrid;
import dev.bakongpay.core.render.internal.PngWriter;
import dev.bakongpay.core.render.internal.SvgWriter;
import java.util.Objects;

/**
 * Draws a text (a KHQR string) as a QR code, PNG or SVG, straight from the QR module matrix:
 * error correction M, a 4-module quiet zone (less only when the image is too small for it), the
 * exact requested pixel size with whole-pixel modules, the requested colours. Thread-safe and
 * stateless; one instance can serve a whole application.
 *
 * <pre>{@code
 * QrRenderer renderer = new QrRenderer();
 * String qrImage = renderer.render(khqr, QrFormat.PNG, QrImageOptions.defaults()).dataUrl();
 * }</pre>
 */
public final class QrRenderer {

    /** PNG bytes of the QR code of {@code content}. */
    public byte[] png(String content, QrImageOptions options) {
        Objects.requireNonNull(options, "options");
        return PngWriter.write(ModuleGrid.encode(content, options.size()), options.foreground(), options.background());
    }

    /** SVG text of the QR code of {@code content}. */
    public String svg(String content, QrImageOptions options) {
        Objects.requireNonNull(options, "options");
        return SvgWriter.write(ModuleGrid.encode(content, options.size()), options.foreground(), options.background());
    }

    private static byte[] svgBytes(String content, QrImageOptions options) {
        Objects.requireNonNull(options, "options");
        return SvgWriter.writeBytes(
                ModuleGrid.encode(content, options.size()), options.foreground(), options.background());
    }

    /**
     * The QR code of {@code content} in the given format.
     *
     * @throws QrRenderException when the content is empty, too long for a QR code, or has more
     *                           modules than the image has pixels
     */
    public QrImage render(String content, QrFormat format, QrImageOptions options) {
        Objects.requireNonNull(format, "format");
        return switch (format) {
            case PNG -> new QrImage(QrFormat.PNG, png(content, options));
            case SVG -> new QrImage(QrFormat.SVG, svgBytes(content, options));
        };
    }

    /** Narrowest KHQR card: its QR then has at least two pixels per module for any KHQR. */
    public static final int MIN_CARD_WIDTH = 300;

    /**
     * NBC's KHQR card of {@code khqr} ({@link QrCard#of}): red header with the KHQR wordmark,
     * merchant name, amount and currency, and the QR (black on white, error correction M) with the
     * currency mark in its centre; {@code width} pixels wide ({@value #MIN_CARD_WIDTH} to
     * {@value QrImageOptions#MAX_SIZE}), 1.43 times as high. Khmer names are drawn from the bundled
     * Noto Sans Khmer.
     *
     * @throws dev.bakongpay.core.khqr.KhqrException when {@code khqr} does not decode
     */
    public QrImage card(String khqr, QrFormat format, int width) {
        Objects.requireNonNull(format, "format");
        if (width < MIN_CARD_WIDTH || width > QrImageOptions.MAX_SIZE) {
            throw new IllegalArgumentException(
                    "width must be from " + MIN_CARD_WIDTH + " to " + QrImageOptions.MAX_SIZE + ", was " + width);
        }
        QrCard card = QrCard.of(khqr);
        CardDrawing drawing = CardDrawing.layout(ModuleGrid.encode(khqr, CardDrawing.qrSize(width)), card, width);
        return switch (format) {
            case PNG -> new QrImage(QrFormat.PNG, drawing.png());
            case SVG -> new QrImage(QrFormat.SVG, drawing.svgBytes());
        };
    }

    /** {@code data:image/png;base64,…} of the QR code of {@code content}. */
    public String pngDataUrl(String content, QrImageOptions options) {
        return QrImage.dataUrl(QrFormat.PNG, png(content, options));
    }

    /** {@code data:image/svg+xml;base64,…} of the QR code of {@code content}. */
    public String svgDataUrl(String content, QrImageOptions options) {
        return QrImage.dataUrl(QrFormat.SVG, svgBytes(content, options));
    }
}
