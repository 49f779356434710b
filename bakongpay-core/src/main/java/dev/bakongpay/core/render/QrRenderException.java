package dev.bakongpay.core.render;

import dev.bakongpay.core.BakongPayException;
import java.util.Objects;

/**
 * A QR image cannot be drawn as asked. Names the offending field and a machine-readable problem,
 * so the HTTP layer can answer a 422 with per-field details without parsing the message.
 */
public final class QrRenderException extends BakongPayException {

    /** What is wrong; the JSON error code is {@code name().toLowerCase()}. */
    public enum Problem {
        /** Size outside {@value QrImageOptions#MIN_SIZE}–{@value QrImageOptions#MAX_SIZE} px. */
        SIZE_OUT_OF_RANGE,
        /** Not a {@code #RRGGBB} or {@code #RGB} colour. */
        INVALID_COLOR,
        /** Foreground and background too close: below {@value QrImageOptions#MIN_CONTRAST_RATIO}:1. */
        LOW_CONTRAST,
        /** Foreground lighter than background: many bank apps cannot scan inverted codes. */
        INVERTED_COLORS,
        /** Empty content. */
        EMPTY_CONTENT,
        /** The content does not fit in a QR code at error correction level M. */
        CONTENT_TOO_LONG,
        /** The code has more modules than the image has pixels. */
        SIZE_TOO_SMALL_FOR_CONTENT,
        /** A format other than {@code png} or {@code svg}. */
        UNSUPPORTED_FORMAT
    }

    private final String field;
    private final Problem problem;

    public QrRenderException(String field, Problem problem, String message) {
        // a refusal of bad input is ordinary: no stack trace
        super(message, false);
        this.field = Objects.requireNonNull(field, "field");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The request field at fault: {@code size}, {@code foreground}, {@code background}, {@code content} or {@code format}. */
    public String field() {
        return field;
    }

    public Problem problem() {
        return problem;
    }
}
