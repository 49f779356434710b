package dev.bakongpay.core.payment;

import java.util.Base64;
import java.util.Objects;

/** A drawn QR: its bytes and media type ({@code image/png} or {@code image/svg+xml}). */
public record QrImage(byte[] bytes, String mediaType) {
    public QrImage {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(mediaType, "mediaType");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** {@code data:<mediaType>;base64,…}, ready for an {@code <img src>}. */
    public String dataUrl() {
        return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }
}
