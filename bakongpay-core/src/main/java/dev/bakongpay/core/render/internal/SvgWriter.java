package dev.bakongpay.core.render.internal;

import dev.bakongpay.core.render.QrColor;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link ModuleGrid} as SVG: a background path and one path whose sub-paths are the
 * horizontal runs of dark modules, in module units placed by an integer
 * {@code translate(offset) scale(moduleSize)}, so every edge still falls on a whole pixel and
 * the text is half as long as in pixel units. {@code crispEdges} stops anti-aliasing seams
 * between adjacent runs. The text is pure ASCII, written straight into a byte array:
 * a StringBuilder took as long as the QR encoding itself. Internal: may change at any time.
 */
public final class SvgWriter {

    /** Longest sub-path: "M" x " " y "h" w "v1h-" w "z", each number at most 3 digits. */
    private static final int MAX_RUN_BYTES = 22;

    private SvgWriter() {}

    public static String write(ModuleGrid grid, QrColor foreground, QrColor background) {
        Buffer out = render(grid, foreground, background);
        return new String(out.bytes, 0, out.length, StandardCharsets.ISO_8859_1);
    }

    /** The SVG as UTF-8 (= ASCII) bytes. */
    public static byte[] writeBytes(ModuleGrid grid, QrColor foreground, QrColor background) {
        Buffer out = render(grid, foreground, background);
        return java.util.Arrays.copyOf(out.bytes, out.length);
    }

    private static Buffer render(ModuleGrid grid, QrColor foreground, QrColor background) {
        int size = grid.size();
        int n = grid.modules();
        int m = grid.moduleSize();
        int offset = grid.offset();
        int runs = 0;
        for (int y = 0; y < n; y++) {
            byte[] row = grid.row(y);
            int prev = 0;
            for (int x = 0; x < n; x++) {
                runs += row[x] & ~prev; // a dark module after a light one starts a run
                prev = row[x];
            }
        }
        Buffer out = new Buffer(400 + runs * MAX_RUN_BYTES);
        out.ascii("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .num(size)
                .ascii("\" height=\"")
                .num(size)
                .ascii("\" viewBox=\"0 0 ")
                .num(size)
                .ascii(" ")
                .num(size)
                .ascii("\" shape-rendering=\"crispEdges\"><path fill=\"")
                .ascii(background.hex())
                .ascii("\" d=\"M0 0h")
                .num(size)
                .ascii("v")
                .num(size)
                .ascii("H0z\"/><path fill=\"")
                .ascii(foreground.hex())
                .ascii("\" transform=\"translate(")
                .num(offset)
                .put(',')
                .num(offset)
                .ascii(") scale(")
                .num(m)
                .ascii(")\" d=\"");
        for (int y = 0; y < n; y++) {
            byte[] row = grid.row(y);
            byte[] yText = decimal(y);
            int x = 0;
            while (x < n) {
                if (row[x] == 0) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < n && row[x] != 0) {
                    x++;
                }
                byte[] wText = decimal(x - start);
                out.put('M')
                        .put(decimal(start))
                        .put(' ')
                        .put(yText)
                        .put('h')
                        .put(wText)
                        .ascii("v1h-")
                        .put(wText)
                        .put('z');
            }
        }
        out.ascii("\"/></svg>");
        return out;
    }

    /** Decimal text of every coordinate an image of at most 2000 px can use. */
    private static final byte[][] DECIMALS = new byte[2001][];

    static {
        for (int i = 0; i < DECIMALS.length; i++) {
            DECIMALS[i] = Integer.toString(i).getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] decimal(int v) {
        return DECIMALS[v];
    }

    private static final class Buffer {
        final byte[] bytes;
        int length;

        Buffer(int capacity) {
            bytes = new byte[capacity];
        }

        Buffer put(char c) {
            bytes[length++] = (byte) c;
            return this;
        }

        Buffer put(byte[] text) {
            for (byte b : text) {
                bytes[length++] = b;
            }
            return this;
        }

        Buffer ascii(String s) {
            for (int i = 0; i < s.length(); i++) {
                bytes[length++] = (byte) s.charAt(i);
            }
            return this;
        }

        /** A non-negative number below 10,000 (sizes are at most 2000 px). */
        Buffer num(int v) {
            if (v >= 1000) {
                bytes[length++] = (byte) ('0' + v / 1000);
            }
            if (v >= 100) {
                bytes[length++] = (byte) ('0' + v / 100 % 10);
            }
            if (v >= 10) {
                bytes[length++] = (byte) ('0' + v / 10 % 10);
            }
            bytes[length++] = (byte) ('0' + v % 10);
            return this;
        }
    }
}
