package dev.bakongpay.core.render.internal;

import dev.bakongpay.core.render.QrColor;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a {@link ModuleGrid} as a 1-bit indexed PNG. Written by hand because ImageIO takes
 * about ten times longer than the whole budget of a render: rows come straight from the matrix,
 * a run of dark modules is filled a byte at a time, a pixel row that repeats the one above is
 * written as filter "Up" (all zeros), and a fast-level deflate packs the one IDAT chunk.
 * Internal: may change at any time.
 */
public final class PngWriter {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int FILTER_NONE = 0;
    private static final int FILTER_UP = 2;

    // A Deflater holds about 256 KiB of native memory and is costly to create, so a few are kept
    // for reuse: at most two per core (more would only wait for a core), not one for every thread
    // of a 200-thread pool that ever drew a PNG.
    private static final BlockingQueue<Deflater> SPARE_DEFLATERS =
            new ArrayBlockingQueue<>(2 * Runtime.getRuntime().availableProcessors());

    private PngWriter() {}

    public static byte[] write(ModuleGrid grid, QrColor foreground, QrColor background) {
        int size = grid.size();
        byte[] raw = rawImage(grid);
        byte[] idat = deflate(raw);

        byte[] out = new byte[SIGNATURE.length + (12 + 13) + (12 + 6) + (12 + idat.length) + 12];
        System.arraycopy(SIGNATURE, 0, out, 0, SIGNATURE.length);
        int pos = SIGNATURE.length;

        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, size);
        putInt(ihdr, 4, size);
        ihdr[8] = 1; // bit depth
        ihdr[9] = 3; // colour type: indexed
        // compression, filter method and interlace stay 0
        pos = chunk(out, pos, "IHDR", ihdr);

        // palette index 0 = background (light), 1 = foreground (dark)
        byte[] plte = {
            (byte) (background.rgb() >> 16), (byte) (background.rgb() >> 8), (byte) background.rgb(),
            (byte) (foreground.rgb() >> 16), (byte) (foreground.rgb() >> 8), (byte) foreground.rgb()
        };
        pos = chunk(out, pos, "PLTE", plte);
        pos = chunk(out, pos, "IDAT", idat);
        chunk(out, pos, "IEND", new byte[0]);
        return out;
    }

    /** The filtered scanlines: a filter byte then {@code ceil(size / 8)} bytes per pixel row. */
    private static byte[] rawImage(ModuleGrid grid) {
        int size = grid.size();
        int stride = 1 + (size + 7) / 8;
        byte[] raw = new byte[stride * size]; // zero = filter None, background pixels
        int m = grid.moduleSize();
        int offset = grid.offset();
        int modules = grid.modules();
        for (int y = 0; y < modules; y++) {
            int rowStart = (offset + y * m) * stride;
            byte[] row = grid.row(y);
            // one fill per run of dark modules, not one bit at a time per module
            for (int x = 0; x < modules; ) {
                if (row[x] != 1) {
                    x++;
                    continue;
                }
                int end = x + 1;
                while (end < modules && row[end] == 1) end++;
                fill(raw, rowStart + 1, offset + x * m, offset + end * m);
                x = end;
            }
            for (int r = 1; r < m; r++) {
                raw[rowStart + r * stride] = FILTER_UP; // identical to the row above: all zero
            }
        }
        return raw;
    }

    /** Sets pixels {@code from} (inclusive) to {@code to} (exclusive) of the scanline whose pixels start at {@code base}. */
    private static void fill(byte[] raw, int base, int from, int to) {
        int first = from >>> 3;
        int last = (to - 1) >>> 3;
        int head = 0xFF >>> (from & 7);
        int tail = (0xFF << (7 - ((to - 1) & 7))) & 0xFF;
        if (first == last) {
            raw[base + first] |= (byte) (head & tail);
            return;
        }
        raw[base + first] |= (byte) head;
        Arrays.fill(raw, base + first + 1, base + last, (byte) 0xFF);
        raw[base + last] |= (byte) tail;
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = SPARE_DEFLATERS.poll();
        if (deflater == null) {
            deflater = new Deflater(Deflater.BEST_SPEED);
        }
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] buf = new byte[raw.length / 4 + 64];
            int len = 0;
            while (!deflater.finished()) {
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                len += deflater.deflate(buf, len, buf.length - len);
            }
            return len == buf.length ? buf : Arrays.copyOf(buf, len);
        } finally {
            deflater.reset();
            if (!SPARE_DEFLATERS.offer(deflater)) {
                deflater.end(); // frees its native memory at once
            }
        }
    }

    private static int chunk(byte[] out, int pos, String type, byte[] data) {
        putInt(out, pos, data.length);
        for (int i = 0; i < 4; i++) {
            out[pos + 4 + i] = (byte) type.charAt(i);
        }
        System.arraycopy(data, 0, out, pos + 8, data.length);
        CRC32 crc = new CRC32();
        crc.update(out, pos + 4, 4 + data.length);
        putInt(out, pos + 8 + data.length, (int) crc.getValue());
        return pos + 12 + data.length;
    }

    private static void putInt(byte[] b, int pos, int v) {
        b[pos] = (byte) (v >>> 24);
        b[pos + 1] = (byte) (v >>> 16);
        b[pos + 2] = (byte) (v >>> 8);
        b[pos + 3] = (byte) v;
    }
}
