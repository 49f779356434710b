package dev.bakongpay.core.render;

import java.util.Objects;

/**
 * How to draw a QR image: its exact width and height in pixels and its two colours.
 * Validated here, so a renderer never sees options that produce an unscannable code.
 *
 * @param size       width and height in pixels, {@value #MIN_SIZE} to {@value #MAX_SIZE}
 * @param foreground colour of the dark modules
 * @param background colour of the light modules and the quiet zone
 */
public record QrImageOptions(int size, QrColor foreground, QrColor background) {

    public static final int MIN_SIZE = 100;
    public static final int MAX_SIZE = 2000;
    public static final int DEFAULT_SIZE = 300;
    /**
     * Lowest accepted WCAG contrast ratio. 3:1 is WCAG's floor for graphics; phone cameras in
     * shop lighting lose codes below it, and black on white is 21:1.
     */
    public static final double MIN_CONTRAST_RATIO = 3.0;

    public QrImageOptions {
        Objects.requireNonNull(foreground, "foreground");
        Objects.requireNonNull(background, "background");
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new QrRenderException(
                    "size",
                    QrRenderException.Problem.SIZE_OUT_OF_RANGE,
                    "size was " + size + " but it must be between " + MIN_SIZE + " and " + MAX_SIZE + " pixels");
        }
        // Inverted codes (light modules on dark) are checked first: they can have high contrast
        // and still fail in many bank apps, whose scanners look for dark-on-light.
        if (foreground.relativeLuminance() > background.relativeLuminance()) {
            throw new QrRenderException(
                    "foreground",
                    QrRenderException.Problem.INVERTED_COLORS,
                    "foreground " + foreground + " is lighter than background " + background
                            + "; inverted QR codes do not scan in many bank apps");
        }
        double ratio = foreground.contrastRatio(background);
        if (ratio < MIN_CONTRAST_RATIO) {
            throw new QrRenderException(
                    "foreground",
                    QrRenderException.Problem.LOW_CONTRAST,
                    String.format(
                            java.util.Locale.ROOT,
                            "foreground %s on background %s has contrast %.2f:1 but it must be at least %.1f:1 to scan",
                            foreground,
                            background,
                            ratio,
                            MIN_CONTRAST_RATIO));
        }
    }

    /** 300 px, black on white. */
    public static QrImageOptions defaults() {
        return new QrImageOptions(DEFAULT_SIZE, QrColor.BLACK, QrColor.WHITE);
    }

    /** Black on white at the given size. */
    public static QrImageOptions ofSize(int size) {
        return new QrImageOptions(size, QrColor.BLACK, QrColor.WHITE);
    }

    /** Parses hex colours ({@code #RRGGBB} or {@code #RGB}); validation as in the constructor. */
    public static QrImageOptions of(int size, String foreground, String background) {
        return new QrImageOptions(
                size, QrColor.parse(foreground, "foreground"), QrColor.parse(background, "background"));
    }
}
