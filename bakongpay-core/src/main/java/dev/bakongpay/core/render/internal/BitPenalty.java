package dev.bakongpay.core.render.internal;

/**
 * The mask penalty of {@link Penalty}, computed 64 modules at a time for symbols up to 64
 * modules wide (versions 1–12, which covers ASCII KHQR strings up to 287 bytes). Each row and
 * each column is one {@code long}, bit x = module x; every rule becomes shifts, ANDs and bit
 * counts. Equal to {@link Penalty#of} by test. Internal.
 */
final class BitPenalty {

    static final int MAX_WIDTH = 64;
    private static final long[][][] FLIP_LINES = new long[41][][];

    private BitPenalty() {}

    /** The mask (0–7) with the lowest penalty for the unmasked symbol; ties go to the lower mask. */
    static int bestMask(byte[] unmasked, int version, int n) {
        long[] base = lines(unmasked, n);
        long[][] flips = flipLines(version, n);
        long[] candidate = new long[2 * n];
        int[][] formatAt = new int[15][];
        for (int i = 0; i < 15; i++) {
            formatAt[i] = MaskSelector.formatCoordinates(i, n);
        }
        int best = 0;
        int bestPenalty = Integer.MAX_VALUE;
        for (int mask = 0; mask < 8; mask++) {
            long[] flip = flips[mask];
            for (int i = 0; i < candidate.length; i++) {
                candidate[i] = base[i] ^ flip[i];
            }
            int format = MaskSelector.formatBits(mask);
            for (int i = 0; i < 15; i++) {
                long bit = (format >>> i) & 1;
                int[] at = formatAt[i];
                set(candidate, n, at[0], at[1], bit);
                set(candidate, n, at[2], at[3], bit);
            }
            int penalty = penalty(candidate, n);
            if (penalty < bestPenalty) {
                bestPenalty = penalty;
                best = mask;
            }
        }
        return best;
    }

    private static void set(long[] lines, int n, int x, int y, long bit) {
        lines[y] = (lines[y] & ~(1L << x)) | (bit << x);
        lines[n + x] = (lines[n + x] & ~(1L << y)) | (bit << y);
    }

    /** Rows (0..n-1) then columns (n..2n-1) as bit sets. */
    static long[] lines(byte[] m, int n) {
        long[] lines = new long[2 * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                long v = m[y * n + x];
                lines[y] |= v << x;
                lines[n + x] |= v << y;
            }
        }
        return lines;
    }

    private static long[][] flipLines(int version, int n) {
        long[][] cached = FLIP_LINES[version];
        if (cached == null) {
            byte[][] flips = MaskSelector.flips(version, n);
            cached = new long[8][];
            for (int mask = 0; mask < 8; mask++) {
                cached[mask] = lines(flips[mask], n);
            }
            FLIP_LINES[version] = cached; // benign race: every thread computes the same arrays
        }
        return cached;
    }

    static int penalty(long[] lines, int n) {
        long all = low(n);
        long pairs = low(n - 1);
        int runs = 0;
        int finders = 0;
        int blocks = 0;
        int dark = 0;
        for (int i = 0; i < 2 * n; i++) {
            long a = lines[i];
            // rule 1: a run of L ≥ 5 holds L-4 windows of five equal modules, plus 2 at its start
            long e = ~(a ^ (a >>> 1)) & pairs;
            long w = e & (e >>> 1) & (e >>> 2) & (e >>> 3);
            runs += Long.bitCount(w) + 2 * Long.bitCount(w & ~(e << 1));
            // rule 3: dark-light-dark-dark-dark-light-dark with four light modules after or before
            long na = ~a & all;
            long p = a & (na >>> 1) & (a >>> 2) & (a >>> 3) & (a >>> 4) & (na >>> 5) & (a >>> 6);
            long after = (na >>> 7) & (na >>> 8) & (na >>> 9) & (na >>> 10);
            long before = (na << 1) & (na << 2) & (na << 3) & (na << 4);
            finders += Long.bitCount(p & (after | before));
            if (i < n) {
                dark += Long.bitCount(a);
                if (i < n - 1) { // rule 2 over this row and the next
                    long v = ~(a ^ lines[i + 1]);
                    long h = ~(a ^ (a >>> 1));
                    blocks += Long.bitCount(v & (v >>> 1) & h & pairs);
                }
            }
        }
        int total = n * n;
        return runs + 3 * blocks + 40 * finders + Math.abs(dark * 2 - total) * 10 / total * 10;
    }

    private static long low(int bits) {
        return bits >= 64 ? -1L : (1L << bits) - 1;
    }
}
