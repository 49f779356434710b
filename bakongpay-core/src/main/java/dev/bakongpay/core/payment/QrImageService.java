package dev.bakongpay.core.payment;

import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.core.khqr.KhqrVerification;
import dev.bakongpay.core.render.QrColor;
import dev.bakongpay.core.render.QrFormat;
import dev.bakongpay.core.render.QrImage;
import dev.bakongpay.core.render.QrImageOptions;
import dev.bakongpay.core.render.QrRenderer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Draws KHQRs for {@code /qr/generate} and {@code /khqr/create} with core's {@link QrRenderer}.
 * Checks the request as received and reports every problem at once: refuses strings that are not
 * valid KHQR (a picture of a broken code helps nobody) and colour pairs a phone camera cannot
 * tell apart: the foreground must be darker than the background, with a contrast ratio of at
 * least {@value #MIN_CONTRAST}:1 (WCAG's formula; scanners need far less than text does, but
 * pale brand colours on white fail in shop lighting below that). Sizes and the contrast floor are
 * the renderer's ({@link QrImageOptions}).
 */
public final class QrImageService {
    public static final double MIN_CONTRAST = QrImageOptions.MIN_CONTRAST_RATIO;
    /** Width of a card when the request names no size: sharp on a phone, small to share. */
    public static final int DEFAULT_CARD_WIDTH = 600;
    // lenient on input, unlike QrColor.parse: the '#' may be left out
    private static final Pattern COLOUR = Pattern.compile("#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})");

    private final QrRenderer renderer;
    private final Clock clock;

    /** With a new {@link QrRenderer} (error correction M, quiet zone, exact size). */
    public QrImageService(Clock clock) {
        this(new QrRenderer(), clock);
    }

    public QrImageService(QrRenderer renderer, Clock clock) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The PNG data URL of {@code qr} in the default style (300 px, black on white), for {@code /khqr/create}. */
    public String pngDataUrl(String qr) {
        return renderer.pngDataUrl(qr, QrImageOptions.defaults());
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
                errors.add(new FieldError(
                        "qrString",
                        "invalid_khqr",
                        "is not a valid KHQR: " + v.error().message() + " (field "
                                + v.error().field() + ", KHQR error "
                                + v.error().code() + ")"));
            }
        }
        String style = r.style() == null ? "plain" : r.style().strip().toLowerCase(Locale.ROOT);
        boolean card = style.equals("card");
        if (!card && !style.equals("plain")) {
            errors.add(new FieldError("style", "invalid_value", "must be plain or card"));
        }
        int size = r.size() == null ? (card ? DEFAULT_CARD_WIDTH : QrImageOptions.DEFAULT_SIZE) : r.size();
        int minSize = card ? QrRenderer.MIN_CARD_WIDTH : QrImageOptions.MIN_SIZE;
        if (size < minSize || size > QrImageOptions.MAX_SIZE) {
            errors.add(new FieldError(
                    "size",
                    "out_of_range",
                    "must be from " + minSize + " to " + QrImageOptions.MAX_SIZE + (card ? " for a card" : "")));
        }
        if (card) {
            for (String[] colour : new String[][] {{"foreground", r.foreground()}, {"background", r.background()}}) {
                if (colour[1] != null && !colour[1].isBlank()) {
                    errors.add(new FieldError(
                            colour[0], "not_allowed", "is for plain QRs; a card is drawn in NBC's colours"));
                }
            }
        }
        QrColor fg = colour("foreground", r.foreground(), QrColor.BLACK, errors);
        QrColor bg = colour("background", r.background(), QrColor.WHITE, errors);
        QrFormat format = null;
        String asked = r.format() == null ? "png" : r.format().strip().toLowerCase(Locale.ROOT);
        if (asked.equals("png")) {
            format = QrFormat.PNG;
        } else if (asked.equals("svg")) {
            format = QrFormat.SVG;
        } else {
            errors.add(new FieldError("format", "invalid_value", "must be png or svg"));
        }
        if (fg != null && bg != null) {
            double ratio = fg.contrastRatio(bg);
            if (fg.relativeLuminance() >= bg.relativeLuminance() || ratio < MIN_CONTRAST) {
                errors.add(new FieldError(
                        "foreground",
                        "low_contrast",
                        String.format(
                                Locale.ROOT,
                                "must be darker than the background with a contrast ratio of at least %.1f:1; %s on %s is %.2f:1",
                                MIN_CONTRAST,
                                lowerHex(fg),
                                lowerHex(bg),
                                ratio)));
            }
        }
        if (!errors.isEmpty()) throw new PaymentException.Invalid(errors);
        if (card) return renderer.card(qr, format, size);
        return renderer.render(qr, format, new QrImageOptions(size, fg, bg));
    }

    private static QrColor colour(String field, String value, QrColor dflt, List<FieldError> errors) {
        if (value == null || value.isBlank()) return dflt;
        var m = COLOUR.matcher(value.strip());
        if (!m.matches()) {
            errors.add(new FieldError(field, "invalid_format", "must be a hex colour such as #1a1a2e or #fff"));
            return null;
        }
        return QrColor.parse("#" + m.group(1), field);
    }

    /** {@code #rrggbb}, lower case, as error messages have always written it. */
    private static String lowerHex(QrColor c) {
        return c.hex().toLowerCase(Locale.ROOT);
    }
}
