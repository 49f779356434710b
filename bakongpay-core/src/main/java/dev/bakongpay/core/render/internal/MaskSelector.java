package dev.bakongpay.core.render.internal;

import com.google.zxing.qrcode.decoder.Version;

/**
 * Chooses the QR data mask with the standard's penalty rules (ISO/IEC 18004 §7.8.3), the way
 * ZXing's encoder does, but about ten times faster: ZXing rebuilds the whole symbol for each of
 * the 8 masks and its penalty code dominates a render (≈ 93 % of the time). Here the symbol is
 * built once by ZXing with mask 0, unmasked, and each candidate is derived by XOR on the data
 * modules plus the 15 format-information bits. Internal: may change at any time.
 */
final class MaskSelector {

    /** Format information: EC level M (bits 00) and mask k, BCH(15,5)-protected and XOR-masked. */
    private static final int[] FORMAT_BITS_M = new int[8];
    /** Where bit i (least significant first) of the format information goes, as {x, y}. */
    private static final int[][] FORMAT_COORDINATES = {
        {8, 0}, {8, 1}, {8, 2}, {8, 3}, {8, 4}, {8, 5}, {8, 7}, {8, 8}, {7, 8}, {5, 8}, {4, 8}, {3, 8}, {2, 8}, {1, 8},
        {0, 8}
    };

    private static final boolean[][] FUNCTION_CACHE = new boolean[41][];
    /** Per version, per mask: 1 where a data module flips. XOR with these is most of a render's work. */
    private static final byte[][][] FLIP_CACHE = new byte[41][][];

    static {
        for (int mask = 0; mask < 8; mask++) {
            int data = mask; // EC level M is 00
            int bch = data << 10;
            for (int bit = 14; bit >= 10; bit--) {
                if ((bch & (1 << bit)) != 0) {
                    bch ^= 0x537 << (bit - 10);
                }
            }
            FORMAT_BITS_M[mask] = ((data << 10) | bch) ^ 0x5412;
        }
    }

    private MaskSelector() {}

    /**
     * @param maskedWithZero the symbol as ZXing built it with mask pattern 0, {@code [y][x]}
     * @return the symbol under the mask with the lowest penalty (ties: lowest mask number)
     */
    static byte[][] choose(byte[][] maskedWithZero, int version) {
        int n = maskedWithZero.length;
        byte[][] flips = flips(version, n);
        byte[] unmasked = new byte[n * n];
        byte[] flip0 = flips[0];
        for (int y = 0; y < n; y++) {
            byte[] row = maskedWithZero[y];
            int base = y * n;
            for (int x = 0; x < n; x++) {
                unmasked[base + x] = (byte) (row[x] ^ flip0[base + x]);
            }
        }
        return chooseUnmasked(unmasked, version, n);
    }

    /**
     * @param unmasked the symbol before any mask, {@code n × n} row by row (format bits not yet set)
     * @return the symbol under the mask with the lowest penalty (ties: lowest mask number)
     */
    static byte[][] chooseUnmasked(byte[] unmasked, int version, int n) {
        byte[][] flips = flips(version, n);
        int mask = n <= BitPenalty.MAX_WIDTH
                ? BitPenalty.bestMask(unmasked, version, n)
                : bestMaskBytewise(unmasked, flips, n);
        byte[] best = new byte[n * n];
        apply(unmasked, flips[mask], mask, n, best);
        byte[][] out = new byte[n][n];
        for (int y = 0; y < n; y++) {
            System.arraycopy(best, y * n, out[y], 0, n);
        }
        return out;
    }

    /** The reference computation, one module at a time; used above 64 modules. */
    static int bestMaskBytewise(byte[] unmasked, byte[][] flips, int n) {
        int best = 0;
        int bestPenalty = Integer.MAX_VALUE;
        byte[] candidate = new byte[n * n];
        for (int mask = 0; mask < 8; mask++) {
            apply(unmasked, flips[mask], mask, n, candidate);
            int penalty = Penalty.of(candidate, n);
            if (penalty < bestPenalty) {
                bestPenalty = penalty;
                best = mask;
            }
        }
        return best;
    }

    static int formatBits(int mask) {
        return FORMAT_BITS_M[mask];
    }

    /** Both places of format bit i: {x1, y1, x2, y2}. */
    static int[] formatCoordinates(int i, int n) {
        int[] first = FORMAT_COORDINATES[i];
        return i < 8
                ? new int[] {first[0], first[1], n - i - 1, 8}
                : new int[] {first[0], first[1], 8, n - 7 + (i - 8)};
    }

    /** Writes the symbol under {@code mask} into {@code out}; visible for the ZXing comparison test. */
    static void apply(byte[] unmasked, byte[] flip, int mask, int n, byte[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (unmasked[i] ^ flip[i]);
        }
        int format = FORMAT_BITS_M[mask];
        for (int i = 0; i < 15; i++) {
            byte bit = (byte) ((format >>> i) & 1);
            out[FORMAT_COORDINATES[i][1] * n + FORMAT_COORDINATES[i][0]] = bit;
            if (i < 8) {
                out[8 * n + (n - i - 1)] = bit;
            } else {
                out[(n - 7 + (i - 8)) * n + 8] = bit;
            }
        }
    }

    /** For each mask, 1 on the data modules it flips, 0 elsewhere (function patterns never flip). */
    static byte[][] flips(int version, int n) {
        byte[][] cached = FLIP_CACHE[version];
        if (cached == null) {
            boolean[] function = functionPattern(version, n);
            cached = new byte[8][n * n];
            for (int mask = 0; mask < 8; mask++) {
                for (int y = 0; y < n; y++) {
                    for (int x = 0; x < n; x++) {
                        if (!function[y * n + x] && maskBit(mask, x, y)) {
                            cached[mask][y * n + x] = 1;
                        }
                    }
                }
            }
            FLIP_CACHE[version] = cached; // benign race, as above
        }
        return cached;
    }

    /** Modules outside the data area (finders, separators, format, timing, alignment, version info). */
    static boolean[] functionPattern(int version, int n) {
        boolean[] cached = FUNCTION_CACHE[version];
        if (cached == null) {
            boolean[] f = new boolean[n * n];
            region(f, n, 0, 0, 9, 9); // top-left finder, separator, format
            region(f, n, n - 8, 0, 8, 9); // top-right finder, separator, format
            region(f, n, 0, n - 8, 9, 8); // bottom-left finder, separator, format, dark module
            int[] centers = Version.getVersionForNumber(version).getAlignmentPatternCenters();
            int last = centers.length - 1;
            for (int i = 0; i <= last; i++) {
                for (int j = 0; j <= last; j++) {
                    boolean onFinder = (i == 0 && (j == 0 || j == last)) || (i == last && j == 0);
                    if (!onFinder) {
                        region(f, n, centers[i] - 2, centers[j] - 2, 5, 5);
                    }
                }
            }
            region(f, n, 6, 9, 1, n - 17); // vertical timing
            region(f, n, 9, 6, n - 17, 1); // horizontal timing
            if (version > 6) {
                region(f, n, n - 11, 0, 3, 6); // version information
                region(f, n, 0, n - 11, 6, 3);
            }
            cached = f;
            FUNCTION_CACHE[version] = cached; // benign race: every thread computes the same array
        }
        return cached;
    }

    private static void region(boolean[] f, int n, int left, int top, int width, int height) {
        for (int y = top; y < top + height; y++) {
            for (int x = left; x < left + width; x++) {
                f[y * n + x] = true;
            }
        }
    }

    /** The standard's eight mask conditions; {@code true} means flip the module. */
    static boolean maskBit(int mask, int x, int y) {
        switch (mask) {
            case 0:
                return ((y + x) & 1) == 0;
            case 1:
                return (y & 1) == 0;
            case 2:
                return x % 3 == 0;
            case 3:
                return (y + x) % 3 == 0;
            case 4:
                return (((y >>> 1) + (x / 3)) & 1) == 0;
            case 5:
                return ((y * x) & 1) + (y * x) % 3 == 0;
            case 6:
                return ((((y * x) & 1) + (y * x) % 3) & 1) == 0;
            case 7:
                return ((((y * x) % 3) + ((y + x) & 1)) & 1) == 0;
            default:
                throw new IllegalArgumentException("mask " + mask);
        }
    }
}
