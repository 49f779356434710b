package dev.bakongpay.core.render.internal;

/**
 * The four mask penalty rules of ISO/IEC 18004 §7.8.3 with ZXing's reading of them (rule 3
 * counts a finder-like 1:1:3:1:1 run with four light modules on either side inside the
 * symbol; the border does not count as light), so that our mask choice matches ZXing's encoder.
 * Columns are handled as the rows of a transposed copy, so every rule reads memory in order.
 * Internal.
 */
final class Penalty {

    private static final int FINDER = 0b1011101;

    private Penalty() {}

    /** Total penalty of a symbol stored row-major in {@code m}, {@code n} × {@code n}. */
    static int of(byte[] m, int n) {
        byte[] t = new byte[m.length];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                t[x * n + y] = m[y * n + x];
            }
        }
        return lines(m, n) + lines(t, n) + blocks(m, n) + balance(m, n);
    }

    /**
     * Rules 1 and 3 along every row: runs of five or more (3 + excess), finder-like patterns (40).
     * Branch-free on the module values: QR data is noise to a branch predictor, and branchy code
     * ran five times slower on real symbols than on the regular ones.
     */
    static int lines(byte[] m, int n) {
        int penalty = 0;
        for (int y = 0; y < n; y++) {
            int base = y * n;
            int run = 0;
            int prev = 2;
            int window = 0; // the last 15 cells, newest in bit 0; cells past the end count as dark
            for (int j = 0; j < n; j++) {
                int cell = m[base + j];
                // run grows on the same colour, restarts at 1 otherwise; a run earns 3 when it
                // reaches 5 and 1 for each module after that: 3 + (length - 5) in total
                run = run * ((cell ^ prev ^ 1) & 1) + 1;
                prev = cell;
                penalty += 3 * (((run ^ 5) - 1) >>> 31) + ((5 - run) >>> 31);
                window = ((window << 1) | cell) & 0x7FFF;
                if (j >= 10
                        && ((window >>> 4) & 0x7F) == FINDER
                        && ((window & 0xF) == 0 || (j >= 14 && ((window >>> 11) & 0xF) == 0))) {
                    penalty += 40; // the pattern starts at j - 10: cells x..x+6 are bits 10..4
                }
            }
            for (int j = n; j < n + 4; j++) { // patterns ending near the edge: "after" is outside, so dark
                window = ((window << 1) | 1) & 0x7FFF;
                if (j >= 14 && ((window >>> 4) & 0x7F) == FINDER && ((window >>> 11) & 0xF) == 0) {
                    penalty += 40;
                }
            }
        }
        return penalty;
    }

    /** Rule 2: 3 for each 2×2 block of one colour (overlapping blocks count separately). */
    static int blocks(byte[] m, int n) {
        int count = 0;
        for (int y = 0; y < n - 1; y++) {
            int row = y * n;
            for (int x = 0; x < n - 1; x++) {
                int sum = m[row + x] + m[row + x + 1] + m[row + n + x] + m[row + n + x + 1];
                count += ((sum & 3) - 1) >>> 31; // 1 when sum is 0 or 4
            }
        }
        return 3 * count;
    }

    /** Rule 4: 10 for each full 5 % by which the dark share departs from 50 %. */
    static int balance(byte[] m, int n) {
        int dark = 0;
        for (byte b : m) {
            dark += b;
        }
        int total = n * n;
        return Math.abs(dark * 2 - total) * 10 / total * 10;
    }
}
