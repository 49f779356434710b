package dev.bakongpay.core.payment;

/**
 * What {@code /qr/generate} asks for, as received; {@link QrImageService#render} validates it.
 *
 * @param qrString   any valid KHQR
 * @param size       pixels, 100 to 2000, default 300
 * @param foreground {@code #RRGGBB} or {@code #RGB}, default {@code #000000}
 * @param background {@code #RRGGBB} or {@code #RGB}, default {@code #FFFFFF}
 * @param format     {@code png} (default) or {@code svg}
 */
public record QrImageRequest(String qrString, Integer size, String foreground, String background, String format) {}
