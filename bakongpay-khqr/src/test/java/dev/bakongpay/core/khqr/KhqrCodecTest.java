package dev.bakongpay.core.khqr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.core.khqr.internal.Crc16;
import dev.bakongpay.core.khqr.internal.Utf8;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("the KHQR codec")
class KhqrCodecTest {

    static KhqrPayload.Builder usd(String amount) {
        return KhqrPayload.individual("john_smith@devb")
                .merchantName("John Smith")
                .currency(KhqrCurrency.USD)
                .amount(amount)
                .expirationTimestamp(4102444800000L);
    }

    static String build(KhqrPayload.Builder b) {
        return Khqr.encode(b.build(), Vectors.clockAt(Vectors.PINNED_MILLIS)).qr();
    }

    /** Tag 63's four hex digits for {@code body}, through the codec's one encoder and one CRC. */
    static String crc(String body) {
        byte[] b = Utf8.encode(body);
        return Crc16.hex(Crc16.of(b, 0, b.length));
    }

    @Nested
    @DisplayName("CRC and UTF-8")
    class Crc {
        @Test
        @DisplayName("is CRC-16/CCITT-FALSE: the standard check value of \"123456789\" is 29B1")
        void checkValue() {
            byte[] b = "123456789".getBytes(StandardCharsets.US_ASCII);
            assertThat(Crc16.hex(Crc16.of(b, 0, b.length))).isEqualTo("29B1");
            assertThat(crc("123456789")).isEqualTo("29B1");
            assertThat(Crc16.hex(0x00AB)).isEqualTo("00AB");
        }

        @Test
        @DisplayName("slicing-by-8 equals the bit-by-bit definition, at every length, offset and mix of scripts")
        void slicingEqualsDefinition() {
            Random r = new Random(7);
            for (int i = 0; i < 2000; i++) {
                String s = RandomPayloads.text(r, r.nextInt(60) + 1);
                byte[] b = Utf8.encode(s);
                assertThat(b).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8)); // well formed: the JDK's bytes
                int from = r.nextInt(Math.min(8, b.length));
                assertThat(Crc16.of(b, from, b.length - from)).as(s).isEqualTo(bitwise(b, from, b.length));
            }
        }

        @Test
        @DisplayName("counts a lone surrogate as U+FFFD, as Node's Buffer does, with or without a '?' of its own")
        void loneSurrogate() {
            for (String[] pair : new String[][] {
                {"a\uD800b", "a\uFFFDb"},
                {"a?\uDC00", "a?\uFFFD"},
                {"\uD83D", "\uFFFD"},
                {"\uDE00\uD83D", "\uFFFD\uFFFD"},
                {"why?", "why?"},
                {"\u1780?\uD83D\uDE00", "\u1780?\uD83D\uDE00"}
            }) {
                assertThat(Utf8.encode(pair[0])).as(pair[0]).isEqualTo(pair[1].getBytes(StandardCharsets.UTF_8));
            }
        }

        @Test
        @DisplayName(
                "finds a lone surrogate or a '?' at any position of a long string, eight bytes at a time or in the tail")
        void loneSurrogateAnywhere() {
            String ascii = "00020101021229190015john_smith@devb5204599953031165802KH";
            for (int at = 0; at < ascii.length(); at++) {
                for (String odd : new String[] {"\uD800", "\uDFFF", "?"}) {
                    String s = ascii.substring(0, at) + odd + ascii.substring(at + 1);
                    String node = s.replace("\uD800", "\uFFFD").replace("\uDFFF", "\uFFFD");
                    assertThat(Utf8.encode(s)).as("%s at %d", odd, at).isEqualTo(node.getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        @Test
        @DisplayName("matches tag 63 in either case, and nothing that is not four hex digits")
        void matches() {
            assertThat(Crc16.matches("x29b1", 1, 0x29B1)).isTrue();
            assertThat(Crc16.matches("29B1", 0, 0x29B1)).isTrue();
            assertThat(Crc16.matches("29B2", 0, 0x29B1)).isFalse();
            assertThat(Crc16.matches("+9B1", 0, 0x09B1)).isFalse();
            assertThat(Crc16.matches("29B\u0661", 0, 0x29B1)).isFalse();
        }

        private static int bitwise(byte[] b, int from, int to) {
            int crc = 0xFFFF;
            for (int i = from; i < to; i++) {
                crc ^= (b[i] & 0xFF) << 8;
                for (int bit = 0; bit < 8; bit++) {
                    crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
                }
            }
            return crc;
        }
    }

    @Nested
    @DisplayName("amounts")
    class Amounts {
        @ParameterizedTest(name = "USD {0} is written {1}")
        @CsvSource({
            "1.5, 1.50",
            "25, 25",
            "25.00, 25",
            "0.01, 0.01",
            "100.1, 100.10",
            "9999999999.99, 9999999999.99",
            "1.500, 1.50"
        })
        void writesUsd(String amount, String written) {
            assertThat(Khqr.decode(build(usd(amount))).transactionAmount()).isEqualTo(written);
        }

        @ParameterizedTest(name = "{0} {1} is refused with code 4")
        @CsvSource({"USD, 1.234", "USD, -5", "USD, 12345678901.5", "KHR, 1.5", "KHR, 99999999999999", "USD, 1E+20"})
        void refused(String currency, String amount) {
            assertThatThrownBy(() ->
                            usd(amount).currency(KhqrCurrency.valueOf(currency)).build())
                    .isInstanceOfSatisfying(
                            KhqrValidationException.class,
                            e -> assertThat(e.code()).isEqualTo(4));
        }

        @Test
        @DisplayName("zero makes a static KHQR without timestamps")
        void zeroIsStatic() {
            String qr = build(usd("0.00"));
            assertThat(qr).startsWith("000201010211").doesNotContain("9934");
            assertThat(Khqr.decode(qr).amount()).isEmpty();
        }
    }

    @Nested
    @DisplayName("payload rules beyond the SDK's vectors")
    class Rules {
        @Test
        @DisplayName("five full additional-data fields overflow tag 62 and are refused on the last one")
        void additionalDataOverflow() {
            String full = "A".repeat(25);
            assertThatThrownBy(() -> usd("1").billNumber(full)
                            .mobileNumber(full)
                            .storeLabel(full)
                            .terminalLabel(full)
                            .purposeOfTransaction(full)
                            .build())
                    .isInstanceOfSatisfying(KhqrValidationException.class, e -> {
                        assertThat(e.code()).isEqualTo(42);
                        assertThat(e.field()).isEqualTo("purposeOfTransaction");
                    });
        }

        @Test
        @DisplayName("an alternate name without a language preference is code 37 (the SDK crashes)")
        void alternateNameNeedsPreference() {
            assertThatThrownBy(
                            () -> usd("1").merchantNameAlternateLanguage("ចន").build())
                    .isInstanceOfSatisfying(
                            KhqrValidationException.class,
                            e -> assertThat(e.code()).isEqualTo(37));
        }

        @Test
        @DisplayName("an expiration already past at encoding time is code 46 when creation is given, 50 otherwise")
        void expiredAtEncoding() {
            KhqrPayload p =
                    usd("1").expirationTimestamp(Vectors.PINNED_MILLIS - 1).build();
            assertThatThrownBy(() -> Khqr.encode(p, Vectors.clockAt(Vectors.PINNED_MILLIS)))
                    .isInstanceOfSatisfying(
                            KhqrValidationException.class,
                            e -> assertThat(e.code()).isEqualTo(50));
            KhqrPayload created =
                    p.toBuilder().creationTimestamp(Vectors.PINNED_MILLIS - 10).build();
            assertThatThrownBy(() -> Khqr.encode(created, Vectors.clockAt(Vectors.PINNED_MILLIS)))
                    .isInstanceOfSatisfying(
                            KhqrValidationException.class,
                            e -> assertThat(e.code()).isEqualTo(46));
        }

        @Test
        @DisplayName("a payload rebuilt from toBuilder encodes identically")
        void toBuilderRoundTrip() {
            KhqrPayload p = KhqrPayload.merchant("shop@aclb", "M-1", "ACLEDA")
                    .merchantName("Shop")
                    .upiMerchantAccount("UPI123")
                    .languagePreference("km")
                    .merchantNameAlternateLanguage("ហាង")
                    .build();
            assertThat(build(p.toBuilder()))
                    .isEqualTo(Khqr.encode(p, Vectors.clockAt(Vectors.PINNED_MILLIS))
                            .qr());
        }

        @Test
        @DisplayName("currencies are looked up by code and by name, anything else is code 28")
        void currencies() {
            assertThat(KhqrCurrency.fromCode("840")).isEqualTo(KhqrCurrency.USD);
            assertThat(KhqrCurrency.fromName("khr")).isEqualTo(KhqrCurrency.KHR);
            assertThatThrownBy(() -> KhqrCurrency.fromName("THB"))
                    .isInstanceOfSatisfying(
                            KhqrValidationException.class,
                            e -> assertThat(e.code()).isEqualTo(28));
        }
    }

    @Nested
    @DisplayName("decode")
    class Decode {
        @Test
        @DisplayName("reads a legacy code: amount 500.0, creation timestamp only, lower-case CRC, foreign tags kept")
        void legacy() {
            String body = "00020101021230190015john_smith@devb5204599953038405405500.05802KH5910John Smith"
                    + "6010Phnom Penh61051200062090505123459917001317273405649076304";
            String qr = body + crc(body).toLowerCase();
            KhqrData d = Khqr.decode(qr);
            assertThat(d.amount()).contains(new BigDecimal("500.0"));
            assertThat(d.createdAt()).contains(Instant.ofEpochMilli(1727340564907L));
            assertThat(d.expiresAt()).isEmpty();
            assertThat(d.type()).contains(KhqrMerchantType.MERCHANT);
            assertThat(d.unknownTags())
                    .containsExactly(java.util.Map.entry("61", "12000"), java.util.Map.entry("62.05", "12345"));
            assertThat(Khqr.verify(qr, Vectors.vectorsDay()).error().code()).isEqualTo(45);
        }

        @Test
        @DisplayName("throws a typed exception for a length that is not two digits, or runs past the end")
        void strictStructure() {
            assertThatThrownBy(() -> Khqr.decode("000201010X11")).isInstanceOf(KhqrDecodeException.class);
            assertThatThrownBy(() -> Khqr.decode("00020101")).isInstanceOf(KhqrDecodeException.class);
            assertThatThrownBy(() -> Khqr.decode("")).isInstanceOf(KhqrDecodeException.class);
            assertThatThrownBy(() -> Khqr.decode(null)).isInstanceOf(KhqrDecodeException.class);
        }
    }

    @Nested
    @DisplayName("verify")
    class Verify {
        @Test
        @DisplayName("never throws, whatever it is given")
        void neverThrows() {
            assertThat(Khqr.verify(null).error().code()).isEqualTo(8);
            assertThat(Khqr.verify("", null).valid()).isFalse();
        }

        @Test
        @DisplayName(
                "answers at once where the SDK's top-level walk never ends (a tag 30 whose length is not a number)")
        void stuckMerchantTag() {
            String body = "00020101021130ab5204599953031165802KH5910John Smith6010Phnom Penh6304";
            String qr = body + crc(body);
            assertThat(Khqr.verify(qr, Vectors.vectorsDay()).error())
                    .isEqualTo(KhqrError.of(KhqrErrorCode.KHQR_INVALID, "globalUniqueIdentifier"));
        }
    }
}
