package dev.bakongpay.core.payment;

import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.core.khqr.KhqrVerification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Draws KHQRs for {@code /qr/generate} and {@code /khqr/create}. Refuses strings that are not
 * valid KHQR (a picture of a broken code helps nobody) and colour pairs a phone camera cannot
 * tell apart: the foreground must be darker than the background, with a contrast ratio of at
 * least {@value #MIN_CONTRAST}:1 (WCAG's formula; scanners need far less than text does, but
 * pale brand colours on white fail in shop lighting below that).
 */
public final class QrImageService {
    public static final double MIN_CONTRAST = 3.0;
    private static final Pattern COLOUR = Pattern.compile("#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})");

    private final QrImageRenderer renderer;
    private final Clock clock;

    public QrImageService(QrImageRenderer renderer, Clock clock) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The PNG data URL of {@code qr} in the default style, for {@code /khqr/create}. */
    public String pngDataUrl(String qr) {
        return new QrImage(renderer.png(qr, QrStyle.defaults()), "image/png").dataUrl();
    }

    /** @throws PaymentException.Invalid every problem of the request at once */
    public QrImage render(QrImageRequest r) {
        List<FieldError> errors = new ArrayList<>();
        String qr = r.qrString() == null ? null : r.qrString().strip();
        if (qr == null || qr.isEmpty()) {
            errors.add(new FieldError("qrString", "required", "is required"));
        } else {
            KhqrVerification v = Khqr.verify(qr, clock);
            if (!v.valid()) {
                errors.add(new FieldError("qrString", "invalid_khqr", "is not a valid KHQR: " + v.error().message()
                        + " (field " + v.error().field() + ", KHQR error " + v.error().code() + ")"));
            }
        }
        int size = r.size() == null ? QrStyle.DEFAULT_SIZE : r.size();
        if (size < QrStyle.MIN_SIZE || size > QrStyle.MAX_SIZE) {
            errors.add(new FieldError("size", "out_of_range", "must be from " + QrStyle.MIN_SIZE + " to " + QrStyle.MAX_SIZE));
        }
        Integer fg = colour("foreground", r.foreground(), 0x000000, errors);
        Integer bg = colour("background", r.background(), 0xFFFFFF, errors);
        String format = r.format() == null ? "png" : r.format().strip().toLowerCase(Locale.ROOT);
        if (!format.equals("png") && !format.equals("svg")) {
            errors.add(new FieldError("format", "invalid_value", "must be png or svg"));
        }
        if (fg != null && bg != null) {
            double ratio = contrast(fg, bg);
            if (luminance(fg) >= luminance(bg) || ratio < MIN_CONTRAST) {
                errors.add(new FieldError("foreground", "low_contrast", String.format(Locale.ROOT,
                        "must be darker than the background with a contrast ratio of at least %.1f:1; %s on %s is %.2f:1",
                        MIN_CONTRAST, QrStyle.hex(fg), QrStyle.hex(bg), ratio)));
            }
        }
        if (!errors.isEmpty()) throw new PaymentException.Invalid(errors);
        QrStyle style = new QrStyle(size, fg, bg);
        return format.equals("svg")
                ? new QrImage(renderer.svg(qr, style).getBytes(StandardCharsets.UTF_8), "image/svg+xml")
                : new QrImage(renderer.png(qr, style), "image/png");
    }

    private static Integer colour(String field, String value, int dflt, List<FieldError> errors) {
        if (value == null || value.isBlank()) return dflt;
        var m = COLOUR.matcher(value.strip());
        if (!m.matches()) {
            errors.add(new FieldError(field, "invalid_format", "must be a hex colour such as #1a1a2e or #fff"));
            return null;
        }
        String hex = m.group(1);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        return Integer.parseInt(hex, 16);
    }

    /** WCAG 2 contrast ratio, 1 to 21. */
    static double contrast(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int rgb) {
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int v) {
        double c = (v & 0xFF) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
