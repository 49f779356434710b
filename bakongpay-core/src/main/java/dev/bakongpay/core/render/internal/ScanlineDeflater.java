package dev.bakongpay.core.render.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Adler32;

/**
 * A zlib stream (RFC 1950 around one dynamic-Huffman deflate block, RFC 1951) of a QR image's
 * filtered scanlines. A QR image repeats itself in only a few ways: a pixel row equals the row
 * above (all but the first of a module row's pixel rows, all zero once filtered "Up"), a row
 * holds runs of one byte, and a module row shares stretches with the module row above. So the
 * matcher tries just those three distances (one scanline, 1, one module row) instead of zlib's
 * hash chains over a 32 KB window, and the Huffman codes are built for this one image. Any
 * inflater reads the result; at 300 px it is a third smaller than zlib's fastest level, in about
 * its time. Internal: may change at any time.
 */
final class ScanlineDeflater {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int MIN_MATCH = 3;
    private static final int MAX_MATCH = 258;
    private static final int MAX_DISTANCE = 32_768;
    private static final int END_OF_BLOCK = 256;
    private static final int LITERAL_LENGTH_CODES = 286;
    private static final int DISTANCE_CODES = 30;
    private static final int[] LENGTH_BASE = {
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258
    };
    private static final int[] LENGTH_EXTRA = {
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
    };
    private static final int[] DISTANCE_BASE = {
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577
    };
    private static final int[] DISTANCE_EXTRA = {
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
    };
    /** Length 3..258 → index into LENGTH_BASE (code 257 + index). */
    private static final byte[] LENGTH_INDEX = new byte[MAX_MATCH + 1];
    /** The order in which the code-length code's lengths are sent. */
    private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    static {
        for (int i = 0; i < LENGTH_BASE.length; i++) {
            int end = i + 1 < LENGTH_BASE.length ? LENGTH_BASE[i + 1] : MAX_MATCH + 1;
            for (int len = LENGTH_BASE[i]; len < end; len++) {
                LENGTH_INDEX[len] = (byte) i;
            }
        }
        LENGTH_INDEX[MAX_MATCH] = (byte) (LENGTH_BASE.length - 1); // 258 has a code of its own
    }

    private ScanlineDeflater() {}

    /**
     * @param raw       the filtered scanlines
     * @param stride    bytes per scanline, filter byte included
     * @param rowRepeat pixel rows per module row (the module size)
     * @return the zlib stream: header, one deflate block, Adler-32
     */
    static byte[] zlib(byte[] raw, int stride, int rowRepeat) {
        int n = raw.length;
        // LZ77: a symbol is a literal byte (0..255) or a match, -(length << 16 | distance)
        int[] symbols = new int[n / 4 + 64]; // a QR image needs about one symbol per 6 bytes
        int count = 0;
        int[] literalFreq = new int[LITERAL_LENGTH_CODES];
        int[] distanceFreq = new int[DISTANCE_CODES];
        // Tried in this order: the row above (most bytes: whole pixel rows at a time), the byte
        // before (runs), the module row above (0 when it is out of reach or the same as the row above).
        int moduleRow = rowRepeat > 1 && stride * rowRepeat <= MAX_DISTANCE ? stride * rowRepeat : 0;
        for (int i = 0; i < n; ) {
            if (count == symbols.length) symbols = Arrays.copyOf(symbols, 2 * count);
            byte first = raw[i];
            int limit = Math.min(MAX_MATCH, n - i);
            int bestLength = 0;
            int bestDistance = 0;
            if (i >= stride && raw[i - stride] == first) { // most tries end at these first-byte tests
                bestLength = matchLength(raw, i, stride, limit);
                bestDistance = stride;
            }
            if (bestLength < limit && i >= 1 && raw[i - 1] == first) {
                int len = matchLength(raw, i, 1, limit);
                if (len > bestLength) {
                    bestLength = len;
                    bestDistance = 1;
                }
            }
            if (bestLength < limit && moduleRow != 0 && i >= moduleRow && raw[i - moduleRow] == first) {
                int len = matchLength(raw, i, moduleRow, limit);
                if (len > bestLength) {
                    bestLength = len;
                    bestDistance = moduleRow;
                }
            }
            if (bestLength >= MIN_MATCH) {
                symbols[count++] = -(bestLength << 16 | bestDistance);
                literalFreq[257 + LENGTH_INDEX[bestLength]]++;
                distanceFreq[distanceCode(bestDistance)]++;
                i += bestLength;
            } else {
                symbols[count++] = first & 0xFF;
                literalFreq[first & 0xFF]++;
                i++;
            }
        }
        literalFreq[END_OF_BLOCK] = 1;

        int[] literalLengths = codeLengths(literalFreq, 15);
        int[] distanceLengths = codeLengths(distanceFreq, 15);
        int literalCount = lastNonZero(literalLengths, 257);
        int distanceCount = lastNonZero(distanceLengths, 1);

        // The two code-length lists as one run-length-coded sequence (symbols 0..18, RFC 1951 3.2.7).
        int[] all = new int[literalCount + distanceCount];
        System.arraycopy(literalLengths, 0, all, 0, literalCount);
        System.arraycopy(distanceLengths, 0, all, literalCount, distanceCount);
        int[] runSymbols = new int[all.length];
        int[] runExtra = new int[all.length];
        int runs = 0;
        int[] codeLengthFreq = new int[19];
        for (int i = 0; i < all.length; ) {
            int v = all[i];
            int run = 1;
            while (i + run < all.length && all[i + run] == v) run++;
            if (v == 0 && run >= 3) {
                int take = Math.min(run, 138);
                runSymbols[runs] = take >= 11 ? 18 : 17;
                runExtra[runs++] = take >= 11 ? take - 11 : take - 3;
                codeLengthFreq[take >= 11 ? 18 : 17]++;
                i += take;
            } else if (v != 0 && run >= 4) {
                int take = Math.min(run - 1, 6);
                runSymbols[runs] = v;
                runExtra[runs++] = 0;
                runSymbols[runs] = 16;
                runExtra[runs++] = take - 3;
                codeLengthFreq[v]++;
                codeLengthFreq[16]++;
                i += 1 + take;
            } else {
                runSymbols[runs] = v;
                runExtra[runs++] = 0;
                codeLengthFreq[v]++;
                i++;
            }
        }
        int[] codeLengthLengths = codeLengths(codeLengthFreq, 7);
        int codeLengthCount = 19;
        while (codeLengthCount > 4 && codeLengthLengths[CODE_LENGTH_ORDER[codeLengthCount - 1]] == 0) {
            codeLengthCount--;
        }

        int[] literalCodes = codes(literalLengths);
        int[] distanceCodes = codes(distanceLengths);
        int[] codeLengthCodes = codes(codeLengthLengths);

        // Each symbol takes at most 15 + 5 + 15 + 13 bits; the header at most 14 + 57 + 316 × 14 bits.
        Bits out = new Bits(2 + count * 6 + 600 + 4);
        out.bytes[0] = 0x78; // deflate, 32 KB window
        out.bytes[1] = 0x01; // fastest level, no dictionary; (0x78 << 8 | 0x01) % 31 == 0
        out.pos = 2;
        out.write(1, 1); // final block
        out.write(2, 2); // dynamic Huffman codes
        out.write(literalCount - 257, 5);
        out.write(distanceCount - 1, 5);
        out.write(codeLengthCount - 4, 4);
        for (int i = 0; i < codeLengthCount; i++) {
            out.write(codeLengthLengths[CODE_LENGTH_ORDER[i]], 3);
        }
        for (int i = 0; i < runs; i++) {
            int s = runSymbols[i];
            out.write(codeLengthCodes[s], codeLengthLengths[s]);
            if (s == 16) out.write(runExtra[i], 2);
            else if (s == 17) out.write(runExtra[i], 3);
            else if (s == 18) out.write(runExtra[i], 7);
        }
        for (int i = 0; i < count; i++) {
            int s = symbols[i];
            if (s >= 0) {
                out.write(literalCodes[s], literalLengths[s]);
            } else {
                int length = -s >>> 16;
                int distance = -s & 0xFFFF;
                int li = LENGTH_INDEX[length];
                out.write(literalCodes[257 + li], literalLengths[257 + li]);
                out.write(length - LENGTH_BASE[li], LENGTH_EXTRA[li]);
                int di = distanceCode(distance);
                out.write(distanceCodes[di], distanceLengths[di]);
                out.write(distance - DISTANCE_BASE[di], DISTANCE_EXTRA[di]);
            }
        }
        out.write(literalCodes[END_OF_BLOCK], literalLengths[END_OF_BLOCK]);
        out.flush();
        Adler32 adler = new Adler32();
        adler.update(raw);
        int checksum = (int) adler.getValue();
        out.bytes[out.pos++] = (byte) (checksum >>> 24);
        out.bytes[out.pos++] = (byte) (checksum >>> 16);
        out.bytes[out.pos++] = (byte) (checksum >>> 8);
        out.bytes[out.pos++] = (byte) checksum;
        return Arrays.copyOf(out.bytes, out.pos);
    }

    /** How many bytes from {@code i} on repeat those {@code distance} earlier, at most {@code limit}; eight at a time. */
    private static int matchLength(byte[] raw, int i, int distance, int limit) {
        int len = 0;
        while (len + 8 <= limit) {
            long diff = (long) LONGS.get(raw, i + len) ^ (long) LONGS.get(raw, i + len - distance);
            if (diff != 0) return len + (Long.numberOfTrailingZeros(diff) >>> 3);
            len += 8;
        }
        while (len < limit && raw[i + len] == raw[i + len - distance]) len++;
        return len;
    }

    static int distanceCode(int distance) {
        int v = distance - 1;
        if (v < 2) return v;
        int high = 31 - Integer.numberOfLeadingZeros(v);
        return 2 * high + ((v >>> (high - 1)) & 1);
    }

    private static int lastNonZero(int[] lengths, int min) {
        int k = lengths.length;
        while (k > min && lengths[k - 1] == 0) k--;
        return k;
    }

    /**
     * Huffman code lengths of at most {@code limit} bits. At least two symbols get a code, so the
     * code is complete, as inflaters ask. Past the limit, frequencies are halved until it fits.
     */
    static int[] codeLengths(int[] freq, int limit) {
        int[] f = freq.clone();
        int used = 0;
        for (int v : f) if (v > 0) used++;
        for (int s = 0; used < 2; s++) { // a lone symbol still needs a partner for a complete code
            if (f[s] == 0) {
                f[s] = 1;
                used++;
            }
        }
        while (true) {
            int[] lengths = huffman(f, used);
            int max = 0;
            for (int len : lengths) max = Math.max(max, len);
            if (max <= limit) return lengths;
            for (int s = 0; s < f.length; s++) if (f[s] > 0) f[s] = Math.max(1, f[s] >>> 1);
        }
    }

    /** Plain Huffman lengths (two-queue construction over the leaves sorted by frequency). */
    private static int[] huffman(int[] f, int used) {
        long[] leaves = new long[used];
        int k = 0;
        for (int s = 0; s < f.length; s++) if (f[s] > 0) leaves[k++] = (long) f[s] << 16 | s;
        Arrays.sort(leaves);
        int nodes = 2 * used - 1;
        long[] weight = new long[nodes];
        int[] parent = new int[nodes];
        for (int i = 0; i < used; i++) weight[i] = leaves[i] >>> 16;
        int leaf = 0;
        int inner = used; // next internal node to take
        for (int next = used; next < nodes; next++) {
            int a = (leaf < used && (inner >= next || weight[leaf] <= weight[inner])) ? leaf++ : inner++;
            int b = (leaf < used && (inner >= next || weight[leaf] <= weight[inner])) ? leaf++ : inner++;
            weight[next] = weight[a] + weight[b];
            parent[a] = next;
            parent[b] = next;
        }
        int[] depth = new int[nodes];
        for (int i = nodes - 2; i >= 0; i--) depth[i] = depth[parent[i]] + 1;
        int[] lengths = new int[f.length];
        for (int i = 0; i < used; i++) lengths[(int) (leaves[i] & 0xFFFF)] = depth[i];
        return lengths;
    }

    /** Canonical codes (RFC 1951 3.2.2), bit-reversed for writing least significant bit first. */
    static int[] codes(int[] lengths) {
        int[] perLength = new int[16];
        for (int len : lengths) perLength[len]++;
        perLength[0] = 0;
        int[] next = new int[16];
        int code = 0;
        for (int bits = 1; bits < 16; bits++) {
            code = (code + perLength[bits - 1]) << 1;
            next[bits] = code;
        }
        int[] codes = new int[lengths.length];
        for (int s = 0; s < lengths.length; s++) {
            int len = lengths[s];
            if (len != 0) codes[s] = Integer.reverse(next[len]++) >>> (32 - len);
        }
        return codes;
    }

    /** Bits packed least significant first, as deflate wants them. */
    private static final class Bits {
        final byte[] bytes;
        int pos;
        long buffer;
        int count;

        Bits(int capacity) {
            bytes = new byte[capacity];
        }

        void write(int value, int bits) {
            buffer |= (long) value << count;
            count += bits;
            while (count >= 8) {
                bytes[pos++] = (byte) buffer;
                buffer >>>= 8;
                count -= 8;
            }
        }

        void flush() {
            if (count > 0) bytes[pos++] = (byte) buffer;
            buffer = 0;
            count = 0;
        }
    }
}
