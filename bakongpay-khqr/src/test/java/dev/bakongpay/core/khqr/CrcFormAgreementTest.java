package dev.bakongpay.core.khqr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14: for a string whose CRC has three hex digits, decode answered code 8 and verify code 24.
 * A string that is not tag-length-value now gets the same error from both; a readable one whose
 * end is not "6304" and four hex digits is "CRC tag required" (24) for verify and decodes.
 */
@DisplayName("decode and verify agree on a malformed CRC")
class CrcFormAgreementTest {

    /** G15 from the official vectors: valid, dynamic USD 12.34, far expiry, CRC D3BA. */
    static final String G15 =
            "00020101021229190015john_smith@devb520459995303840540512.345802KH5910John Smith6010Phnom Penh"
                    + "62690108INV-00010211855122334550311Coffee Shop0709Cashier_10810Buy coffee99340013176454720000001134102444800000"
                    + "6304D3BA";

    static final java.util.regex.Pattern CRC_FORM = java.util.regex.Pattern.compile("6304[0-9A-Fa-f]{4}$");
    static final String WITHOUT_CRC = G15.substring(0, G15.length() - 4);

    @Test
    @DisplayName("…630400C (tag 63 says four characters, three follow): both answer 8 KHQR_INVALID on crc")
    void threeHexDigits() {
        String qr = WITHOUT_CRC + "00C";
        KhqrError expected = KhqrError.of(KhqrErrorCode.KHQR_INVALID, "crc");
        assertThatThrownBy(() -> Khqr.decode(qr))
                .isInstanceOfSatisfying(
                        KhqrDecodeException.class, e -> assertThat(e.error()).isEqualTo(expected));
        assertThat(Khqr.verify(qr, Vectors.vectorsDay()).error()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "G15 without its last {0} characters")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 9, 10, 20}) // 8 ends on a tag boundary: readable, see below
    @DisplayName("a string cut short anywhere near its end: verify's error is decode's error")
    void cutShort(int cut) {
        String qr = G15.substring(0, G15.length() - cut);
        KhqrError verdict = Khqr.verify(qr, Vectors.vectorsDay()).error();
        assertThat(verdict).isNotNull();
        assertThat(verdict.code()).isEqualTo(8);
        assertThatThrownBy(() -> Khqr.decode(qr))
                .isInstanceOfSatisfying(
                        KhqrDecodeException.class, e -> assertThat(e.error()).isEqualTo(verdict));
    }

    @Test
    @DisplayName("cut on a tag boundary (no tag 63 at all): decode reads it, verify says CRC tag required (24)")
    void cutOnBoundary() {
        assertThat(Khqr.decode(WITHOUT_CRC.substring(0, WITHOUT_CRC.length() - 4))
                        .crc())
                .isNull();
        assertThat(Khqr.verify(WITHOUT_CRC.substring(0, WITHOUT_CRC.length() - 4), Vectors.vectorsDay())
                        .error())
                .isEqualTo(KhqrError.of(KhqrErrorCode.CRC_TAG_REQUIRED, "crc"));
    }

    @Test
    @DisplayName("a readable string whose CRC tag is 6303ABC decodes; verify says CRC tag required (24)")
    void readableButNoCrcTag() {
        String qr = WITHOUT_CRC.substring(0, WITHOUT_CRC.length() - 4) + "6303ABC";
        assertThat(Khqr.decode(qr).crc()).isEqualTo("ABC");
        assertThat(Khqr.verify(qr, Vectors.vectorsDay()).error())
                .isEqualTo(KhqrError.of(KhqrErrorCode.CRC_TAG_REQUIRED, "crc"));
    }

    @Test
    @DisplayName(
            "seeded mutations of the CRC end (cut, extended, non-hex): without a 6304XXXX end, whenever decode fails, verify gives its error")
    void mutatedEnds() {
        Random random = new Random(14);
        String alphabet = "0123456789ABCDEFabcdefGXYZ-_ 6304";
        int disagreements = 0;
        int unreadable = 0;
        for (int i = 0; i < 2_000; i++) {
            StringBuilder tail = new StringBuilder();
            int length = random.nextInt(9);
            for (int k = 0; k < length; k++) {
                tail.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String qr = WITHOUT_CRC.substring(0, WITHOUT_CRC.length() - random.nextInt(5)) + tail;
            if (CRC_FORM.matcher(qr).find()) {
                continue; // a well-formed CRC end: verify judges the CRC's value, decode never looks at it
            }
            KhqrVerification verdict = Khqr.verify(qr, Vectors.vectorsDay());
            assertThat(verdict.valid()).isFalse();
            try {
                Khqr.decode(qr);
            } catch (KhqrDecodeException e) {
                unreadable++;
                if (!e.error().equals(verdict.error())) {
                    disagreements++;
                }
            }
        }
        assertThat(unreadable).isGreaterThan(100); // the mutations do reach the unreadable case
        assertThat(disagreements).isZero();
    }
}
