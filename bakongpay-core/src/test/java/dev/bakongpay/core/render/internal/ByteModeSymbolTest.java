package dev.bakongpay.core.render.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.Encoder;
import dev.bakongpay.testsupport.SeededText;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ZXing's encoder is the oracle: the byte-mode symbol, masked by MaskSelector, must equal its own, module for module. */
@DisplayName("ByteModeSymbol")
class ByteModeSymbolTest {

    private static final Map<EncodeHintType, Object> UTF8 = Map.of(EncodeHintType.CHARACTER_SET, "UTF-8");

    static LongStream asciiSeeds() {
        return SeededText.seeds(0x61736369L, 300);
    }

    static LongStream utf8Seeds() {
        return SeededText.seeds(0x75746638L, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("asciiSeeds")
    @DisplayName("ASCII text with a lower-case letter: the same symbol as ZXing's")
    void asciiEqualsZxing(long seed) throws Exception {
        String text = SeededText.of(new Random(seed), 0, 1200, ' ', '~');
        String content = text + "a"; // a lower-case letter keeps ZXing in byte mode
        assertSameAsZxing(content, false);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("utf8Seeds")
    @DisplayName("Khmer and other non-ASCII text with the UTF-8 ECI: the same symbol as ZXing's")
    void utf8EqualsZxing(long seed) throws Exception {
        String text = SeededText.of(new Random(seed), 1, 400, ' ', '~', '\u1780', '\u17FF', '\u00A0', '\u00FF');
        String content = text + "ក"; // at least one non-ASCII character, so UTF-8 with its ECI header
        assertSameAsZxing(content, true);
    }

    @Test
    @DisplayName("every version 1 to 40: the longest text it holds and one byte more, in ASCII and UTF-8")
    void everyVersionAtItsEdges() throws Exception {
        for (int v = 1; v <= 40; v++) {
            Version version = Version.getVersionForNumber(v);
            int dataBytes = version.getTotalCodewords()
                    - version.getECBlocksForLevel(ErrorCorrectionLevel.M).getTotalECCodewords();
            int ascii = (dataBytes * 8 - 4 - Mode.BYTE.getCharacterCountBits(version)) / 8;
            assertThat(ByteModeSymbol.build("a".repeat(ascii), false).version())
                    .as("ASCII capacity of version %d", v)
                    .isEqualTo(v);
            assertSameAsZxing("a".repeat(ascii), false);
            if (v < 40) {
                assertSameAsZxing("a".repeat(ascii + 1), false);
            }
            int khmer =
                    (dataBytes * 8 - 16 - Mode.BYTE.getCharacterCountBits(version)) / 8 / 3; // three UTF-8 bytes each
            assertSameAsZxing("ក".repeat(Math.max(1, khmer)), true);
        }
    }

    @Test
    @DisplayName("text longer than version 40 holds is refused as ZXing refuses it")
    void tooLong() {
        String text = "a".repeat(2400);
        assertThatThrownBy(() -> Encoder.encode(text, ErrorCorrectionLevel.M)).isInstanceOf(WriterException.class);
        assertThatThrownBy(() -> ByteModeSymbol.build(text, false)).isInstanceOf(WriterException.class);
    }

    @Test
    @DisplayName("only byte-mode text is taken: digits and upper case stay with ZXing's other modes")
    void handlesByteModeOnly() {
        assertThat(ByteModeSymbol.handles("00020101021229180014john_smith@devb"))
                .isTrue();
        assertThat(ByteModeSymbol.handles("ឈ្មោះ")).isTrue();
        assertThat(ByteModeSymbol.handles("0123456789")).isFalse();
        assertThat(ByteModeSymbol.handles("HELLO WORLD 42")).isFalse();
    }

    @Test
    @DisplayName("Reed-Solomon bytes of the standard's worked example (ISO/IEC 18004 annex I, 1-M)")
    void reedSolomonWorkedExample() {
        byte[] data =
                bytes(0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11);
        assertThat(ByteModeSymbol.reedSolomon(data, 0, data.length, 10))
                .isEqualTo(bytes(0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55));
    }

    private static void assertSameAsZxing(String content, boolean utf8) throws WriterException {
        assertThat(ByteModeSymbol.handles(content))
                .as("byte mode for %s", content)
                .isTrue();
        ByteModeSymbol.Built built = ByteModeSymbol.build(content, utf8);
        byte[][] ours = MaskSelector.chooseUnmasked(built.unmasked(), built.version(), built.modules());
        byte[][] zxing = Encoder.encode(content, ErrorCorrectionLevel.M, utf8 ? UTF8 : Map.of())
                .getMatrix()
                .getArray();
        assertThat(ours)
                .as("%d bytes, version %d", content.getBytes(StandardCharsets.UTF_8).length, built.version())
                .isDeepEqualTo(zxing);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
