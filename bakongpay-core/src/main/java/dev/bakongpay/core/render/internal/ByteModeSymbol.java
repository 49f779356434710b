package dev.bakongpay.core.render.internal;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The unmasked QR symbol of a byte-mode text (every KHQR: its {@code @} and lower case rule out
 * the numeric and alphanumeric modes) at error correction M, bit for bit what ZXing's encoder
 * builds. ZXing's Reed-Solomon step rebuilds its generator polynomial and divides with a new
 * polynomial object per term, which is about half of a render; here the generator is built once
 * per degree and the division is a table-driven shift register. ZXing still decides the mode
 * and supplies the version tables, and each version's fixed patterns are taken from a symbol it
 * built. Internal: may change at any time.
 */
final class ByteModeSymbol {

    private static final ErrorCorrectionLevel LEVEL = ErrorCorrectionLevel.M;
    private static final int ECI_UTF8 = 26;
    private static final int[] EXP = new int[512];
    private static final int[] LOG = new int[256];
    /** Generator polynomials by degree, highest power first, leading 1 dropped. */
    private static final int[][] GENERATORS = new int[69][];
    /** Per version: the symbol with its fixed patterns set and every data module light. */
    private static final byte[][] TEMPLATES = new byte[41][];
    /** Per version: the data modules in placement order (the standard's two-column zigzag). */
    private static final int[][] PLACEMENT = new int[41][];

    static {
        int x = 1;
        for (int i = 0; i < 255; i++) {
            EXP[i] = x;
            LOG[x] = i;
            x <<= 1;
            if (x >= 256) {
                x ^= 0x11D; // QR's field polynomial x^8 + x^4 + x^3 + x^2 + 1
            }
        }
        for (int i = 255; i < EXP.length; i++) {
            EXP[i] = EXP[i - 255];
        }
    }

    private ByteModeSymbol() {}

    /** True when ZXing would encode this text in byte mode: the only case {@link #build} handles. */
    static boolean handles(String content) {
        return Encoder.chooseMode(content) == Mode.BYTE;
    }

    /**
     * @param utf8 whether the text goes with a UTF-8 ECI header (ZXing's CHARACTER_SET hint);
     *             otherwise its bytes are ISO-8859-1
     * @return {version, the unmasked symbol as n × n modules, row by row}
     * @throws WriterException the text does not fit in version 40 at level M
     */
    static Built build(String content, boolean utf8) throws WriterException {
        byte[] data = content.getBytes(utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int headerBits = (utf8 ? 4 + 8 : 0) + 4;
        Version version = chooseVersion(
                headerBits + Mode.BYTE.getCharacterCountBits(Version.getVersionForNumber(1)) + 8 * data.length);
        int countBits = Mode.BYTE.getCharacterCountBits(version);
        version = chooseVersion(headerBits + countBits + 8 * data.length);
        countBits = Mode.BYTE.getCharacterCountBits(version);

        Version.ECBlocks blocks = version.getECBlocksForLevel(LEVEL);
        int totalBytes = version.getTotalCodewords();
        int dataBytes = totalBytes - blocks.getTotalECCodewords();
        Bits bits = new Bits(dataBytes);
        if (utf8) {
            bits.append(0b0111, 4); // ECI mode, then the designator of UTF-8
            bits.append(ECI_UTF8, 8);
        }
        bits.append(0b0100, 4); // byte mode
        bits.append(data.length, countBits);
        for (byte b : data) {
            bits.append(b & 0xFF, 8);
        }
        bits.terminate();

        byte[] codewords = interleave(bits.bytes, totalBytes, dataBytes, blocks.getNumBlocks());
        int v = version.getVersionNumber();
        byte[] symbol = template(v).clone();
        int[] order = placement(v);
        int placed = Math.min(order.length, codewords.length * 8);
        for (int i = 0; i < placed; i++) {
            symbol[order[i]] = (byte) ((codewords[i >>> 3] >>> (7 - (i & 7))) & 1);
        }
        return new Built(v, version.getDimensionForVersion(), symbol);
    }

    record Built(int version, int modules, byte[] unmasked) {}

    /** ZXing's rule: the first version whose data codewords hold the bits. */
    private static Version chooseVersion(int bitsNeeded) throws WriterException {
        int bytesNeeded = (bitsNeeded + 7) / 8;
        for (int v = 1; v <= 40; v++) {
            Version version = Version.getVersionForNumber(v);
            if (version.getTotalCodewords() - version.getECBlocksForLevel(LEVEL).getTotalECCodewords() >= bytesNeeded) {
                return version;
            }
        }
        throw new WriterException("Data too big");
    }

    /** Splits the data into the version's blocks, adds each block's EC bytes, and interleaves both, as the standard lays them out. */
    static byte[] interleave(byte[] data, int totalBytes, int dataBytes, int numBlocks) {
        int blocksInGroup2 = totalBytes % numBlocks;
        int blocksInGroup1 = numBlocks - blocksInGroup2;
        int totalInGroup1 = totalBytes / numBlocks;
        int dataInGroup1 = dataBytes / numBlocks;
        int ecPerBlock = totalInGroup1 - dataInGroup1; // the same in both groups
        byte[][] ec = new byte[numBlocks][];
        int[] starts = new int[numBlocks];
        int offset = 0;
        for (int b = 0; b < numBlocks; b++) {
            int length = b < blocksInGroup1 ? dataInGroup1 : dataInGroup1 + 1;
            starts[b] = offset;
            ec[b] = reedSolomon(data, offset, length, ecPerBlock);
            offset += length;
        }
        byte[] out = new byte[totalBytes];
        int k = 0;
        for (int i = 0; i <= dataInGroup1; i++) {
            for (int b = 0; b < numBlocks; b++) {
                int length = b < blocksInGroup1 ? dataInGroup1 : dataInGroup1 + 1;
                if (i < length) {
                    out[k++] = data[starts[b] + i];
                }
            }
        }
        for (int i = 0; i < ecPerBlock; i++) {
            for (int b = 0; b < numBlocks; b++) {
                out[k++] = ec[b][i];
            }
        }
        return out;
    }

    /** The remainder of data(x)·x^degree divided by the generator of that degree. */
    static byte[] reedSolomon(byte[] data, int offset, int length, int degree) {
        int[] g = generator(degree);
        int[] r = new int[degree];
        for (int i = offset; i < offset + length; i++) {
            int factor = (data[i] & 0xFF) ^ r[0];
            System.arraycopy(r, 1, r, 0, degree - 1);
            r[degree - 1] = 0;
            if (factor != 0) {
                int logFactor = LOG[factor];
                for (int j = 0; j < degree; j++) {
                    if (g[j] != 0) {
                        r[j] ^= EXP[LOG[g[j]] + logFactor];
                    }
                }
            }
        }
        byte[] out = new byte[degree];
        for (int j = 0; j < degree; j++) {
            out[j] = (byte) r[j];
        }
        return out;
    }

    /** (x − α⁰)(x − α¹)…(x − α^(degree−1)), as QR's generator base 0 asks. */
    private static int[] generator(int degree) {
        int[] cached = GENERATORS[degree];
        if (cached == null) {
            int[] g = {1};
            for (int i = 0; i < degree; i++) {
                int[] next = new int[g.length + 1];
                for (int j = 0; j < g.length; j++) {
                    next[j] ^= g[j];
                    if (g[j] != 0) {
                        next[j + 1] ^= EXP[LOG[g[j]] + i];
                    }
                }
                g = next;
            }
            cached = new int[degree];
            System.arraycopy(g, 1, cached, 0, degree);
            GENERATORS[degree] = cached; // benign race: every thread computes the same array
        }
        return cached;
    }

    /**
     * The fixed patterns of a version, from the symbol ZXing builds for the longest lower-case text
     * that version holds, unmasked; the data modules are cleared and written per render.
     */
    private static byte[] template(int version) throws WriterException {
        byte[] cached = TEMPLATES[version];
        if (cached == null) {
            Version v = Version.getVersionForNumber(version);
            int dataBytes = v.getTotalCodewords() - v.getECBlocksForLevel(LEVEL).getTotalECCodewords();
            int letters = (dataBytes * 8 - 4 - Mode.BYTE.getCharacterCountBits(v)) / 8;
            byte[][] zxing = Encoder.encode("a".repeat(letters), LEVEL, Map.of(EncodeHintType.QR_MASK_PATTERN, 0))
                    .getMatrix()
                    .getArray();
            int n = zxing.length;
            if (n != v.getDimensionForVersion()) {
                throw new IllegalStateException(
                        "template text for version " + version + " came out as " + n + " modules");
            }
            boolean[] function = MaskSelector.functionPattern(version, n);
            cached = new byte[n * n];
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int i = y * n + x;
                    cached[i] = function[i] ? zxing[y][x] : 0;
                }
            }
            TEMPLATES[version] = cached; // benign race
        }
        return cached;
    }

    /** Data module indices in the order bits are placed: two columns at a time from the right, up then down, skipping column 6. */
    private static int[] placement(int version) {
        int[] cached = PLACEMENT[version];
        if (cached == null) {
            int n = Version.getVersionForNumber(version).getDimensionForVersion();
            boolean[] function = MaskSelector.functionPattern(version, n);
            int[] order = new int[n * n];
            int count = 0;
            int direction = -1;
            int y = n - 1;
            for (int x = n - 1; x > 0; x -= 2) {
                if (x == 6) {
                    x--;
                }
                for (; y >= 0 && y < n; y += direction) {
                    for (int i = 0; i < 2; i++) {
                        int index = y * n + x - i;
                        if (!function[index]) {
                            order[count++] = index;
                        }
                    }
                }
                direction = -direction;
                y += direction;
            }
            cached = Arrays.copyOf(order, count);
            PLACEMENT[version] = cached; // benign race
        }
        return cached;
    }

    /** Big-endian bit writer over a version's data codewords, with the standard's terminator and padding. */
    private static final class Bits {
        final byte[] bytes;
        int size;

        Bits(int capacityBytes) {
            bytes = new byte[capacityBytes];
        }

        void append(int value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                if (((value >>> i) & 1) != 0) {
                    bytes[size >>> 3] |= (byte) (0x80 >>> (size & 7));
                }
                size++;
            }
        }

        /** Up to four zero bits, zeros to the byte boundary, then 0xEC 0x11 … to the end. */
        void terminate() {
            int capacity = bytes.length * 8;
            size = Math.min(capacity, size + 4);
            size = (size + 7) & ~7;
            for (int i = size >>> 3, pad = 0; i < bytes.length; i++, pad++) {
                bytes[i] = (byte) ((pad & 1) == 0 ? 0xEC : 0x11);
            }
            size = capacity;
        }
    }
}
