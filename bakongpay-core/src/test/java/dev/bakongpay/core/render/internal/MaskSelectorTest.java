package dev.bakongpay.core.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import dev.bakongpay.testsupport.SeededText;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ZXing's encoder is the oracle: our derived symbols and our mask choice must equal its own. */
@DisplayName("MaskSelector")
class MaskSelectorTest {

    static LongStream seeds() {
        return SeededText.seeds(0x6D61736BL, 150);
    }

    private static String ascii(long seed, int max) {
        return SeededText.of(new Random(seed), 1, max, ' ', '~');
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("every mask derived from the mask-0 symbol equals ZXing's symbol for that mask")
    void derivedMasksEqualZxing(long seed) throws Exception {
        String text = ascii(seed, 400);
        QRCode zero = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.QR_MASK_PATTERN, 0));
        byte[][] m0 = zero.getMatrix().getArray();
        int n = m0.length;
        int version = zero.getVersion().getVersionNumber();
        boolean[] function = MaskSelector.functionPattern(version, n);
        byte[] unmasked = new byte[n * n];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int i = y * n + x;
                unmasked[i] = (byte) (!function[i] && MaskSelector.maskBit(0, x, y) ? m0[y][x] ^ 1 : m0[y][x]);
            }
        }
        byte[] derived = new byte[n * n];
        for (int mask = 0; mask < 8; mask++) {
            MaskSelector.apply(unmasked, MaskSelector.flips(version, n)[mask], mask, n, derived);
            byte[][] expected = Encoder.encode(
                            text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.QR_MASK_PATTERN, mask))
                    .getMatrix()
                    .getArray();
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    assertThat(derived[y * n + x])
                            .as("mask %d module (%d,%d)", mask, x, y)
                            .isEqualTo(expected[y][x]);
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("the chosen symbol is the one ZXing's own mask selection produces")
    void sameChoiceAsZxing(long seed) throws Exception {
        String text = ascii(seed, 400);
        QRCode zero = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.QR_MASK_PATTERN, 0));
        byte[][] ours = MaskSelector.choose(
                zero.getMatrix().getArray(), zero.getVersion().getVersionNumber());
        byte[][] zxing =
                Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix().getArray();
        assertThat(ours).isDeepEqualTo(zxing);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("the 64-bit penalty equals the module-by-module penalty on every mask")
    void bitPenaltyEqualsReference(long seed) throws Exception {
        String text = ascii(seed, 280);
        QRCode zero = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.QR_MASK_PATTERN, 0));
        int n = zero.getMatrix().getWidth();
        int version = zero.getVersion().getVersionNumber();
        if (n > BitPenalty.MAX_WIDTH) {
            return;
        }
        for (int mask = 0; mask < 8; mask++) {
            byte[][] symbol = Encoder.encode(text, ErrorCorrectionLevel.M, Map.of(EncodeHintType.QR_MASK_PATTERN, mask))
                    .getMatrix()
                    .getArray();
            byte[] flat = new byte[n * n];
            for (int y = 0; y < n; y++) {
                System.arraycopy(symbol[y], 0, flat, y * n, n);
            }
            assertThat(BitPenalty.penalty(BitPenalty.lines(flat, n), n))
                    .as("mask %d, version %d", mask, version)
                    .isEqualTo(Penalty.of(flat, n));
        }
    }
}
