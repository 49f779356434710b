package dev.bakongpay.core.payment;

/**
 * What {@code /qr/generate} asks for, as received; {@link QrImageService#render} validates it.
 *
 * @param qrString   any valid KHQR
 * @param size       pixels, 100 to 2000, default 300
 * @param foreground {@code #RRGGBB} or {@code #RGB}, default {@code #000000}
 * @param background {@code #RRGGBB} or {@code #RGB}, default {@code #FFFFFF}
 * @param format     {@code png} (default) or {@code svg}
 * @param style      {@code plain} (default: the QR alone) or {@code card} (NBC's KHQR card around it,
 *                   {@code size} its width, 300 to 2000, in NBC's colours)
 */
public record QrImageRequest(
        String qrString, Integer size, String foreground, String background, String format, String style) {

    /** A plain QR. */
    public QrImageRequest(String qrString, Integer size, String foreground, String background, String format) {
        this(qrString, size, foreground, background, format, null);
    }
}
