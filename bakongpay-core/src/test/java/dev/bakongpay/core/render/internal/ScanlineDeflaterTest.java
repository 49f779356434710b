package dev.bakongpay.core.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ScanlineDeflater")
class ScanlineDeflaterTest {

    static final String KHQR =
            "00020101021229220018coffee.corner@abaa52045999530384054040.015802KH5919Lucky Minimart 24/76006Kampot62180102#10308Branch 2993400131795855370060011341017680157536304FFA3";

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = {100, 101, 150, 299, 300, 317, 512, 777, 1000, 1999, 2000})
    @DisplayName(
            "a QR image's scanlines inflate back to exactly themselves, about as small as zlib's fastest level or smaller")
    void qrScanlinesRoundTrip(int size) throws DataFormatException {
        Random random = new Random(size);
        for (int k = 0; k < 4; k++) {
            StringBuilder text = new StringBuilder(KHQR);
            for (int j = random.nextInt(120); j > 0; j--) text.append((char) ('a' + random.nextInt(26)));
            ModuleGrid grid = ModuleGrid.encode(text.toString(), size);
            byte[] raw = scanlines(grid);
            byte[] zlib = ScanlineDeflater.zlib(raw, 1 + (size + 7) / 8, grid.moduleSize());
            assertThat(inflate(zlib, raw.length)).isEqualTo(raw);
            // smaller whenever pixel rows repeat (2 px modules and up); within 5 % at 1 px modules
            assertThat(zlib.length).isLessThanOrEqualTo(fastestZlibLength(raw) * 105 / 100);
        }
    }

    @Test
    @DisplayName("any bytes round-trip: all zero, one value, random (no matches), a single byte")
    void anyBytesRoundTrip() throws DataFormatException {
        Random random = new Random(7);
        byte[] noise = new byte[40_000];
        random.nextBytes(noise);
        byte[] skewed = new byte[30_000];
        for (int i = 0; i < skewed.length; i++)
            skewed[i] = (byte) Integer.numberOfTrailingZeros(random.nextInt() | 1 << 30);
        for (byte[] raw : new byte[][] {new byte[5_000], filled(3_000, 0x7F), noise, skewed, {42}, {1, 2}}) {
            for (int repeat : new int[] {1, 2, 7}) {
                assertThat(inflate(ScanlineDeflater.zlib(raw, 39, repeat), raw.length))
                        .isEqualTo(raw);
            }
        }
    }

    @Test
    @DisplayName("code lengths stay within the limit and form a complete prefix code, however skewed the counts")
    void lengthLimitedCompleteCodes() {
        int[] fibonacci = new int[40];
        fibonacci[0] = 1;
        fibonacci[1] = 1;
        for (int i = 2; i < fibonacci.length; i++) fibonacci[i] = fibonacci[i - 1] + fibonacci[i - 2];
        for (int limit : new int[] {7, 15}) {
            int[] lengths = ScanlineDeflater.codeLengths(fibonacci, limit);
            double kraft = 0;
            for (int len : lengths) {
                assertThat(len).isBetween(1, limit);
                kraft += Math.pow(2, -len);
            }
            assertThat(kraft).isEqualTo(1.0);
        }
        int[] lone = new int[30];
        lone[5] = 9;
        int[] lengths = ScanlineDeflater.codeLengths(lone, 15);
        assertThat(lengths[5]).isEqualTo(1);
        assertThat(java.util.Arrays.stream(lengths).filter(l -> l > 0).count()).isEqualTo(2);
    }

    /** The filtered scanlines PngWriter writes: filter None for a module row's first pixel row, Up after. */
    static byte[] scanlines(ModuleGrid grid) {
        int size = grid.size();
        int stride = 1 + (size + 7) / 8;
        byte[] raw = new byte[stride * size];
        for (int y = 0; y < size; y++) {
            int my = Math.floorDiv(y - grid.offset(), grid.moduleSize());
            boolean repeat = my >= 0 && my < grid.modules() && (y - grid.offset()) % grid.moduleSize() != 0;
            if (repeat) {
                raw[y * stride] = 2;
                continue;
            }
            for (int x = 0; x < size; x++) {
                int mx = Math.floorDiv(x - grid.offset(), grid.moduleSize());
                boolean dark = my >= 0 && mx >= 0 && my < grid.modules() && mx < grid.modules() && grid.isDark(mx, my);
                if (dark) raw[y * stride + 1 + x / 8] |= (byte) (0x80 >>> (x % 8));
            }
        }
        return raw;
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    private static int fastestZlibLength(byte[] raw) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] buf = new byte[raw.length + 1024];
            int len = 0;
            while (!deflater.finished()) len += deflater.deflate(buf, len, buf.length - len);
            return len;
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] zlib, int expected) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(zlib);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                out.write(buf, 0, n);
            }
            assertThat(inflater.finished())
                    .as("a complete zlib stream, Adler-32 checked")
                    .isTrue();
            assertThat(inflater.getRemaining()).isZero();
            assertThat(out.size()).isEqualTo(expected);
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
