package dev.bakongpay.core.render.internal;

/**
 * The four mask penalty rules of ISO/IEC 18004 §7.8.3 with ZXing's reading of them (rule 3
 * counts a finder-like 1:1:3:1:1 run with four light modules on either side inside the
 * symbol; the border does not count as light), so that our mask choice matches ZXing's encoder. Internal.
 */
final class Penalty {

    private Penalty() {
    }

    /** Total penalty of a symbol stored row-major in {@code m}, {@code n} × {@code n}. */
    static int of(byte[] m, int n) {
        return runs(m, n) + blocks(m, n) + finderLike(m, n) + balance(m, n);
    }

    /** Rule 1: each run of five or more same-colour modules in a row or column, 3 + (length − 5). */
    static int runs(byte[] m, int n) {
        int penalty = 0;
        for (int a = 0; a < n; a++) {
            int rowRun = 0;
            int colRun = 0;
            byte rowPrev = -1;
            byte colPrev = -1;
            for (int b = 0; b < n; b++) {
                byte r = m[a * n + b];
                if (r == rowPrev) {
                    rowRun++;
                } else {
                    if (rowRun >= 5) {
                        penalty += rowRun - 2;
                    }
                    rowRun = 1;
                    rowPrev = r;
                }
                byte c = m[b * n + a];
                if (c == colPrev) {
                    colRun++;
                } else {
                    if (colRun >= 5) {
                        penalty += colRun - 2;
                    }
                    colRun = 1;
                    colPrev = c;
                }
            }
            if (rowRun >= 5) {
                penalty += rowRun - 2;
            }
            if (colRun >= 5) {
                penalty += colRun - 2;
            }
        }
        return penalty;
    }

    /** Rule 2: 3 for each 2×2 block of one colour (overlapping blocks count separately). */
    static int blocks(byte[] m, int n) {
        int penalty = 0;
        for (int y = 0; y < n - 1; y++) {
            int row = y * n;
            for (int x = 0; x < n - 1; x++) {
                byte v = m[row + x];
                if (v == m[row + x + 1] && v == m[row + n + x] && v == m[row + n + x + 1]) {
                    penalty += 3;
                }
            }
        }
        return penalty;
    }

    /** Rule 3: 40 for each dark-light-dark×3-light-dark run with four light modules on a side. */
    static int finderLike(byte[] m, int n) {
        int count = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (x + 6 < n && pattern(m, y * n + x, 1)
                        && (light(m, n, y * n, x - 4, x, 1) || light(m, n, y * n, x + 7, x + 11, 1))) {
                    count++;
                }
                if (y + 6 < n && pattern(m, y * n + x, n)
                        && (light(m, n, x, y - 4, y, n) || light(m, n, x, y + 7, y + 11, n))) {
                    count++;
                }
            }
        }
        return count * 40;
    }

    private static boolean pattern(byte[] m, int start, int step) {
        return m[start] == 1 && m[start + step] == 0 && m[start + 2 * step] == 1 && m[start + 3 * step] == 1
                && m[start + 4 * step] == 1 && m[start + 5 * step] == 0 && m[start + 6 * step] == 1;
    }

    /** True when positions from..to (exclusive) along a line are light; a range leaving the symbol is not. */
    private static boolean light(byte[] m, int n, int base, int from, int to, int step) {
        if (from < 0 || to > n) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (m[base + i * step] == 1) {
                return false;
            }
        }
        return true;
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
