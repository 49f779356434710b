package dev.bakongpay.core.payment.internal;

import dev.bakongpay.core.payment.QrImageRenderer;
import dev.bakongpay.core.payment.QrStyle;
import dev.bakongpay.core.render.QrColor;
import dev.bakongpay.core.render.QrImageOptions;
import dev.bakongpay.core.render.QrRenderer;

/** Core's own renderer behind the {@link QrImageRenderer} port: the default of {@code QrImageService}. */
public final class CoreQrImageRenderer implements QrImageRenderer {
    private final QrRenderer renderer = new QrRenderer();

    @Override
    public byte[] png(String text, QrStyle style) {
        return renderer.png(text, options(style));
    }

    @Override
    public String svg(String text, QrStyle style) {
        return renderer.svg(text, options(style));
    }

    private static QrImageOptions options(QrStyle s) {
        return new QrImageOptions(s.size(), new QrColor(s.foreground()), new QrColor(s.background()));
    }
}
