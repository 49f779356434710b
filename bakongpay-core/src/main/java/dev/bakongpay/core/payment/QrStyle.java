package dev.bakongpay.core.payment;

/**
 * How to draw a QR: width and height in pixels, and colours as {@code 0xRRGGBB}.
 */
public record QrStyle(int size, int foreground, int background) {
    public static final int MIN_SIZE = 100;
    public static final int MAX_SIZE = 2000;
    public static final int DEFAULT_SIZE = 300;

    public QrStyle {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be " + MIN_SIZE + " to " + MAX_SIZE + ", was " + size);
        }
        if ((foreground & ~0xFFFFFF) != 0 || (background & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("colours must be 0xRRGGBB");
        }
    }

    /** 300 px, black on white. */
    public static QrStyle defaults() {
        return new QrStyle(DEFAULT_SIZE, 0x000000, 0xFFFFFF);
    }

    /** {@code #RRGGBB}, lower case. */
    public static String hex(int rgb) {
        return String.format("#%06x", rgb);
    }
}
