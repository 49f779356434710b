package dev.bakongpay.core.render;

import java.util.Locale;

/** The image formats the renderer writes. */
public enum QrFormat {
    PNG("image/png"),
    SVG("image/svg+xml");

    private final String mediaType;

    QrFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * {@code png} or {@code svg}, case-insensitive.
     *
     * @throws QrRenderException with {@link QrRenderException.Problem#UNSUPPORTED_FORMAT}
     */
    public static QrFormat parse(String text) {
        if (text != null) {
            for (QrFormat format : values()) {
                if (format.name().equalsIgnoreCase(text.trim())) {
                    return format;
                }
            }
        }
        throw new QrRenderException(
                "format",
                QrRenderException.Problem.UNSUPPORTED_FORMAT,
                "format was '" + text + "' but it must be png or svg");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
