package dev.bakongpay.server.runtime;

import dev.bakongpay.core.payment.QrImageRenderer;
import dev.bakongpay.core.payment.QrStyle;
import dev.bakongpay.core.render.QrColor;
import dev.bakongpay.core.render.QrImageOptions;
import dev.bakongpay.core.render.QrRenderer;

/** The payment services' QR port, drawn by core's renderer. */
final class CoreQrImageRenderer implements QrImageRenderer {
    private final QrRenderer renderer = new QrRenderer();

    @Override
    public byte[] png(String text, QrStyle style) {
        return renderer.png(text, options(style));
    }

    @Override
    public String svg(String text, QrStyle style) {
        return renderer.svg(text, options(style));
    }

    private static QrImageOptions options(QrStyle style) {
        return new QrImageOptions(style.size(), new QrColor(style.foreground()), new QrColor(style.background()));
    }
}
