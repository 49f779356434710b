package dev.bakongpay.core.render.internal;

import dev.bakongpay.core.render.QrCard;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * NBC's KHQR card around a {@link ModuleGrid}: red header with the KHQR wordmark and its corner
 * fold, merchant name (and Khmer name), amount and currency, a dashed rule, the QR with the
 * currency mark in its centre. Laid out once as filled shapes (text as glyph outlines, shaped by
 * the JDK's layout engine from the bundled Noto Sans and Noto Sans Khmer), then written as PNG
 * (Java2D) or SVG (the same outlines as paths), so both formats show the same card on any machine.
 */
public final class CardDrawing {
    /** Proportions of the design, in units of a 300-wide card. */
    private static final double DESIGN_WIDTH = 300;

    private static final double DESIGN_HEIGHT = 430;
    private static final double MARGIN = 28;
    private static final double HEADER = 54;
    private static final double FOLD = 22;
    private static final double QR_TOP = 168;
    private static final double QR_SIZE = DESIGN_WIDTH - 2 * MARGIN;

    private static final Color RED = new Color(0xE1232E);
    private static final Color INK = new Color(0x000000);
    private static final Color GREY = new Color(0x3D434D);
    private static final Color RULE = new Color(0xC9CDD3);
    private static final Color WHITE = Color.WHITE;

    private static final Font LATIN = font("NotoSans-Bold.ttf");
    private static final Font KHMER = font("NotoSansKhmer-Bold.ttf");
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private record Piece(Shape shape, Color color) {}

    private final int width;
    private final int height;
    private final List<Piece> pieces = new ArrayList<>();
    private final Path2D.Double modules = new Path2D.Double();

    private CardDrawing(int width) {
        this.width = width;
        this.height = (int) Math.round(width * DESIGN_HEIGHT / DESIGN_WIDTH);
    }

    /** Card height for a card {@code width} pixels wide. */
    public static int height(int width) {
        return (int) Math.round(width * DESIGN_HEIGHT / DESIGN_WIDTH);
    }

    /** Pixels of the QR (quiet zone included) on a card {@code width} wide. */
    public static int qrSize(int width) {
        return (int) Math.round(width * QR_SIZE / DESIGN_WIDTH);
    }

    /** Lays out the card of {@code grid} ({@link #qrSize} pixels) and {@code card}, {@code width} pixels wide. */
    public static CardDrawing layout(ModuleGrid grid, QrCard card, int width) {
        CardDrawing d = new CardDrawing(width);
        d.draw(grid, card);
        return d;
    }

    private double u(double designUnits) {
        return designUnits * width / DESIGN_WIDTH;
    }

    private void draw(ModuleGrid grid, QrCard card) {
        add(new Rectangle2D.Double(0, 0, width, u(HEADER)), RED);
        Path2D.Double fold = new Path2D.Double();
        fold.moveTo(width - u(FOLD), u(HEADER));
        fold.lineTo(width, u(HEADER));
        fold.lineTo(width, u(HEADER + FOLD));
        fold.closePath();
        add(fold, RED);
        text("KHQR", u(22), width / 2.0, u(HEADER / 2 + 8), WHITE, true, width);

        double maxText = width - 2 * u(MARGIN);
        double y = u(HEADER + 38);
        text(card.merchantName(), u(13), u(MARGIN), y, GREY, false, maxText);
        if (card.merchantNameKhmer() != null) {
            y += u(20);
            text(card.merchantNameKhmer(), u(12), u(MARGIN), y, GREY, false, maxText);
        }
        y += u(36);
        if (card.amount() != null) {
            double advance = text(card.amount(), u(26), u(MARGIN), y, INK, false, maxText - u(50));
            text(card.currency(), u(13), u(MARGIN) + advance + u(8), y, GREY, false, u(50));
        }
        double rule = u(QR_TOP - 14);
        for (double x = 0; x < width; x += u(10)) {
            add(new Rectangle2D.Double(x, rule, u(6), Math.max(1, u(1.5))), RULE);
        }

        int qrX = (int) Math.round(u(MARGIN));
        int qrY = (int) Math.round(u(QR_TOP));
        int m = grid.moduleSize();
        for (int row = 0; row < grid.modules(); row++) {
            int col = 0;
            while (col < grid.modules()) {
                if (!grid.isDark(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < grid.modules() && grid.isDark(col, row)) col++;
                modules.append(
                        new Rectangle2D.Double(
                                qrX + grid.offset() + start * m, qrY + grid.offset() + row * m, (col - start) * m, m),
                        false);
            }
        }
        pieces.add(new Piece(modules, INK));

        // the currency mark: a black disc in a white ring, 13 % of the QR across, within what
        // error correction M restores
        double cx = qrX + grid.size() / 2.0;
        double cy = qrY + grid.size() / 2.0;
        double r = grid.size() * 0.065;
        double ring = Math.max(1, u(3));
        add(new Ellipse2D.Double(cx - r - ring, cy - r - ring, 2 * (r + ring), 2 * (r + ring)), WHITE);
        add(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r), INK);
        boolean riel = "KHR".equals(card.currency());
        TextLayout mark = layout(card.currencyMark(), r * (riel ? 1.5 : 1.2));
        Rectangle2D box = mark.getBounds();
        add(
                mark.getOutline(AffineTransform.getTranslateInstance(
                        cx - box.getX() - box.getWidth() / 2, cy - box.getY() - box.getHeight() / 2)),
                WHITE);
    }

    /**
     * Adds {@code s} as glyph outlines; {@code x} is the left edge, or the centre when
     * {@code centred}. Text wider than {@code max} is cut and ends with an ellipsis.
     *
     * @return the advance of what was drawn
     */
    private double text(String s, double size, double x, double baseline, Color color, boolean centred, double max) {
        TextLayout layout = layout(s, size);
        String shown = s;
        while (layout.getAdvance() > max && shown.length() > 1) {
            shown = shown.substring(0, shown.offsetByCodePoints(shown.length(), -1))
                    .stripTrailing();
            layout = layout(shown + "\u2026", size);
        }
        double left = centred ? x - layout.getAdvance() / 2 : x;
        add(layout.getOutline(AffineTransform.getTranslateInstance(left, baseline)), color);
        return layout.getAdvance();
    }

    /** Khmer characters in Noto Sans Khmer, the rest in Noto Sans, shaped together. */
    private static TextLayout layout(String s, double size) {
        AttributedString text = new AttributedString(s);
        int i = 0;
        while (i < s.length()) {
            boolean khmer = isKhmer(s.codePointAt(i));
            int j = i;
            while (j < s.length() && isKhmer(s.codePointAt(j)) == khmer) j += Character.charCount(s.codePointAt(j));
            text.addAttribute(TextAttribute.FONT, (khmer ? KHMER : LATIN).deriveFont((float) size), i, j);
            i = j;
        }
        return new TextLayout(text.getIterator(), FRC);
    }

    private static boolean isKhmer(int cp) {
        Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
        return b == Character.UnicodeBlock.KHMER || b == Character.UnicodeBlock.KHMER_SYMBOLS;
    }

    private void add(Shape shape, Color color) {
        pieces.add(new Piece(shape, color));
    }

    /** The card as PNG, {@code width} × {@link #height} pixels, on white. */
    public byte[] png() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            for (Piece p : pieces) {
                // the modules lie on whole pixels: drawn without smoothing they stay sharp
                g.setRenderingHint(
                        RenderingHints.KEY_ANTIALIASING,
                        p.shape() == modules ? RenderingHints.VALUE_ANTIALIAS_OFF : RenderingHints.VALUE_ANTIALIAS_ON);
                g.setColor(p.color());
                g.fill(p.shape());
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a memory stream does not fail
        }
        return out.toByteArray();
    }

    /** The card as SVG: the same shapes as paths, one per colour run, in a {@code width} × {@link #height} view box. */
    public String svg() {
        StringBuilder svg = new StringBuilder(64 * 1024)
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append(
                        "\" shape-rendering=\"geometricPrecision\"><rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>");
        for (Piece p : pieces) {
            svg.append("<path fill=\"")
                    .append(String.format(Locale.ROOT, "#%06X", p.color().getRGB() & 0xFFFFFF))
                    .append('"')
                    .append(p.shape() == modules ? " shape-rendering=\"crispEdges\"" : "")
                    .append(" d=\"");
            path(p.shape(), svg);
            svg.append("\"/>");
        }
        return svg.append("</svg>\n").toString();
    }

    public byte[] svgBytes() {
        return svg().getBytes(StandardCharsets.UTF_8);
    }

    private static void path(Shape shape, StringBuilder d) {
        double[] c = new double[6];
        for (PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> points(d.append('M'), c, 1);
                case PathIterator.SEG_LINETO -> points(d.append('L'), c, 1);
                case PathIterator.SEG_QUADTO -> points(d.append('Q'), c, 2);
                case PathIterator.SEG_CUBICTO -> points(d.append('C'), c, 3);
                default -> d.append('Z');
            }
        }
    }

    private static void points(StringBuilder d, double[] c, int count) {
        for (int i = 0; i < 2 * count; i++) {
            if (i > 0) d.append(' ');
            number(d, c[i]);
        }
    }

    /** Two decimals at most, no trailing zeros: enough for any screen, and short. */
    private static void number(StringBuilder d, double v) {
        long hundredths = Math.round(v * 100);
        if (hundredths < 0) {
            d.append('-');
            hundredths = -hundredths;
        }
        d.append(hundredths / 100);
        long frac = hundredths % 100;
        if (frac != 0) d.append('.').append(frac / 10).append(frac % 10 == 0 ? "" : String.valueOf(frac % 10));
    }

    private static Font font(String file) {
        try (InputStream in = CardDrawing.class.getResourceAsStream("/dev/bakongpay/core/render/fonts/" + file)) {
            if (in == null) throw new IllegalStateException("the JAR lacks the card font " + file);
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the card font " + file + " is not TrueType", e);
        }
    }
}
