package dev.bakongpay.core.render;

/**
 * An opaque sRGB colour, written {@code #RRGGBB}.
 *
 * @param rgb the colour as {@code 0xRRGGBB}
 */
public record QrColor(int rgb) {

    public static final QrColor BLACK = new QrColor(0x000000);
    public static final QrColor WHITE = new QrColor(0xFFFFFF);

    public QrColor {
        if ((rgb & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("rgb must fit in 24 bits but was 0x" + Integer.toHexString(rgb));
        }
    }

    /**
     * Parses {@code #RRGGBB} or {@code #RGB} (case-insensitive; the {@code #} is required so that
     * a typo such as {@code "000"} is not silently read as black).
     *
     * @param field named in the exception, e.g. {@code foreground}
     * @throws QrRenderException with {@link QrRenderException.Problem#INVALID_COLOR}
     */
    public static QrColor parse(String text, String field) {
        if (text == null || !(text.length() == 7 || text.length() == 4) || text.charAt(0) != '#') {
            throw invalid(text, field);
        }
        int value = 0;
        for (int i = 1; i < text.length(); i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                throw invalid(text, field);
            }
            value = text.length() == 4 ? (value << 8) | (digit << 4) | digit : (value << 4) | digit;
        }
        return new QrColor(value);
    }

    private static QrRenderException invalid(String text, String field) {
        return new QrRenderException(
                field,
                QrRenderException.Problem.INVALID_COLOR,
                field + " was '" + text + "' but it must be a hex colour like #000000 or #000");
    }

    /** {@code #RRGGBB}, upper case. */
    public String hex() {
        char[] out = new char[7];
        out[0] = '#';
        for (int i = 0; i < 6; i++) {
            out[6 - i] = Character.toUpperCase(Character.forDigit((rgb >>> (4 * i)) & 0xF, 16));
        }
        return new String(out);
    }

    /** WCAG 2.x relative luminance, 0 (black) to 1 (white). */
    public double relativeLuminance() {
        return 0.2126 * linear(rgb >> 16) + 0.7152 * linear(rgb >> 8) + 0.0722 * linear(rgb);
    }

    /** WCAG 2.x contrast ratio between this colour and another, 1 to 21. */
    public double contrastRatio(QrColor other) {
        double a = relativeLuminance();
        double b = other.relativeLuminance();
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double linear(int channel) {
        double c = (channel & 0xFF) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    @Override
    public String toString() {
        return hex();
    }
}
