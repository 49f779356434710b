package dev.bakongpay.core.render;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A rendered QR image: PNG bytes or SVG text as UTF-8 bytes.
 *
 * @param format the format of {@code bytes}
 * @param bytes  the encoded image; not copied, do not modify
 */
public record QrImage(QrFormat format, byte[] bytes) {

    public QrImage {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(bytes, "bytes");
    }

    public String mediaType() {
        return format.mediaType();
    }

    /** {@code data:image/png;base64,…} or {@code data:image/svg+xml;base64,…}. */
    public String dataUrl() {
        return dataUrl(format, bytes);
    }

    /** A base64 data URL for an image in the given format. */
    public static String dataUrl(QrFormat format, byte[] bytes) {
        return "data:" + format.mediaType() + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** The SVG text; only for {@link QrFormat#SVG}. */
    public String text() {
        if (format != QrFormat.SVG) {
            throw new IllegalStateException("a " + format + " image is binary");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QrImage other && format == other.format && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * format.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "QrImage[" + format + ", " + bytes.length + " bytes]";
    }
}
