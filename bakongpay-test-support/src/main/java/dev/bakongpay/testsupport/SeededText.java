package dev.bakongpay.testsupport;

import java.util.Random;
import java.util.stream.LongStream;

/**
 * Seeded random input for property tests: each case is a seed, so a failure names the seed that
 * reproduces it, and every run checks the same cases.
 */
public final class SeededText {
    private SeededText() {}

    /** {@code count} seeds derived from {@code base}, for {@code @MethodSource}. */
    public static LongStream seeds(long base, int count) {
        Random r = new Random(base);
        return LongStream.generate(r::nextLong).limit(count);
    }

    /**
     * Text of {@code min} to {@code max} characters drawn evenly from the union of inclusive
     * ranges given as pairs ({@code ' ', '~', '\u1780', '\u17FF'}). The first seeds of a run are
     * not special: lengths at the bounds come up because {@link #length} favours them.
     */
    public static String of(Random r, int min, int max, char... ranges) {
        if (ranges.length == 0 || ranges.length % 2 != 0) throw new IllegalArgumentException("ranges come in pairs");
        int total = 0;
        for (int i = 0; i < ranges.length; i += 2) total += ranges[i + 1] - ranges[i] + 1;
        int n = length(r, min, max);
        StringBuilder sb = new StringBuilder(n);
        for (int k = 0; k < n; k++) {
            int pick = r.nextInt(total);
            for (int i = 0; i < ranges.length; i += 2) {
                int size = ranges[i + 1] - ranges[i] + 1;
                if (pick < size) {
                    sb.append((char) (ranges[i] + pick));
                    break;
                }
                pick -= size;
            }
        }
        return sb.toString();
    }

    /** A length in {@code [min, max]}; one case in ten sits on a bound, where the edge bugs live. */
    public static int length(Random r, int min, int max) {
        int edge = r.nextInt(20);
        if (edge == 0) return min;
        if (edge == 1) return max;
        return min + r.nextInt(max - min + 1);
    }
}
