package dev.bakongpay.checkout;

import dev.bakongpay.checkout.internal.ZxingQrImages;

/**
 * Draws the QR image of the checkout page. A port so that core's renderer can replace the small
 * built-in one without touching the servlet; set an instance as the servlet-context attribute
 * {@link #ATTRIBUTE} or pass it to the servlet's constructor.
 */
@FunctionalInterface
public interface QrImages {

    /** The servlet-context attribute the checkout servlet takes its QR renderer from, if set. */
    String ATTRIBUTE = "dev.bakongpay.checkout.QrImages";

    /** A PNG about {@code size} pixels square showing {@code qr}, quiet zone included. */
    byte[] png(String qr, int size);

    /** The built-in renderer: ZXing's encoder, error correction M, a 4-module quiet zone. */
    static QrImages zxing() {
        return ZxingQrImages.INSTANCE;
    }
}
