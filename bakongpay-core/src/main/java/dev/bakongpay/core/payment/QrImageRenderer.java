package dev.bakongpay.core.payment;

/**
 * Draws a QR code. A port, so the payment services do not depend on one renderer; the core QR
 * renderer is adapted to it. Implementations must draw exactly {@code style.size()} pixels wide
 * with the style's colours, and stay decodable.
 */
public interface QrImageRenderer {

    /** PNG bytes. */
    byte[] png(String text, QrStyle style);

    /** SVG document text. */
    String svg(String text, QrStyle style);
}
