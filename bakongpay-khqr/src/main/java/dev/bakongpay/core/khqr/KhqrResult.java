package dev.bakongpay.core.khqr;

import java.util.Objects;

/** An encoded KHQR and its md5 (lower-case hex), the key NBC's API indexes payments by. */
public record KhqrResult(String qr, String md5) {
    public KhqrResult {
        Objects.requireNonNull(qr, "qr");
        Objects.requireNonNull(md5, "md5");
    }
}
