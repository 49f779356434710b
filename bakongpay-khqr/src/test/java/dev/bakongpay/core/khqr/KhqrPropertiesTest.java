package dev.bakongpay.core.khqr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bakongpay.testsupport.SeededText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("KHQR properties")
class KhqrPropertiesTest {

    static LongStream payloadSeeds() {
        return SeededText.seeds(0x6B687172L, 2000);
    }

    static LongStream khmerSeeds() {
        return SeededText.seeds(0x6B686D72L, 1000);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("payloadSeeds")
    @DisplayName("encode then decode gives back every field of a random valid payload, and verify accepts it")
    void roundTrip(long seed) {
        ObjectNode in = RandomPayloads.next(new Random(seed));
        KhqrPayload p = RandomPayloads.payload(in);
        KhqrResult r = Khqr.encode(p, Vectors.clockAt(RandomPayloads.now(in)));
        KhqrData d = Khqr.decode(r.qr());
        assertThat(d.merchantType()).isEqualTo(p.type().tag());
        assertThat(d.bakongAccountID()).isEqualTo(p.bakongAccountID());
        assertThat(d.merchantID()).isEqualTo(p.merchantID());
        assertThat(d.accountInformation()).isEqualTo(p.accountInformation());
        assertThat(d.acquiringBank()).isEqualTo(p.acquiringBank());
        assertThat(d.merchantName()).isEqualTo(p.merchantName());
        assertThat(d.merchantCity()).isEqualTo(p.merchantCity());
        assertThat(d.merchantCategoryCode()).isEqualTo(p.merchantCategoryCode());
        assertThat(d.currency()).contains(p.currency());
        assertThat(d.dynamic()).isEqualTo(p.dynamic());
        assertThat(d.amount().map(BigDecimal::stripTrailingZeros))
                .isEqualTo(p.amount().map(BigDecimal::stripTrailingZeros));
        assertThat(d.billNumber()).isEqualTo(p.billNumber());
        assertThat(d.mobileNumber()).isEqualTo(p.mobileNumber());
        assertThat(d.storeLabel()).isEqualTo(p.storeLabel());
        assertThat(d.terminalLabel()).isEqualTo(p.terminalLabel());
        assertThat(d.purposeOfTransaction()).isEqualTo(p.purposeOfTransaction());
        assertThat(d.languagePreference()).isEqualTo(p.languagePreference());
        assertThat(d.merchantNameAlternateLanguage()).isEqualTo(p.merchantNameAlternateLanguage());
        assertThat(d.merchantCityAlternateLanguage()).isEqualTo(p.merchantCityAlternateLanguage());
        assertThat(d.unionPayMerchant()).isEqualTo(p.upiMerchantAccount());
        if (p.dynamic()) {
            assertThat(d.expiresAt())
                    .contains(Instant.ofEpochMilli(p.expirationTimestamp().getAsLong()));
            assertThat(d.createdAt())
                    .contains(Instant.ofEpochMilli(p.creationTimestamp().getAsLong()));
        } else {
            assertThat(d.creationTimestamp()).isNull();
        }
        assertThat(d.unknownTags()).isEmpty();
        assertThat(Khqr.md5(r.qr())).isEqualTo(r.md5());
        assertThat(Khqr.verify(r.qr(), Vectors.clockAt(RandomPayloads.now(in)))).isEqualTo(KhqrVerification.ok());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("khmerSeeds")
    @DisplayName("Khmer merchant names and cities of any length the SDK allows survive encode and decode")
    void khmerRoundTrip(long seed) {
        Random random = new Random(seed);
        String name = SeededText.of(random, 1, 25, '\u1780', '\u17FF', ' ', ' ');
        String city = SeededText.of(random, 1, 15, '\u1780', '\u17FF');
        String altName = SeededText.of(random, 1, 25, '\u1780', '\u17FF', ' ', ' ');
        KhqrPayload p = KhqrPayload.merchant("shop@aclb", "M-1", "ACLEDA")
                .merchantName(name)
                .merchantCity(city)
                .languagePreference("km")
                .merchantNameAlternateLanguage(altName)
                .merchantCityAlternateLanguage(city)
                .currency(KhqrCurrency.KHR)
                .amount(new BigDecimal("5000"))
                .expiresAt(Instant.parse("2030-01-01T00:00:00Z"))
                .build();
        KhqrResult r = Khqr.encode(p, Vectors.vectorsDay());
        KhqrData d = Khqr.decode(r.qr());
        assertThat(d.merchantName()).isEqualTo(name);
        assertThat(d.merchantCity()).isEqualTo(city);
        assertThat(d.merchantNameAlternateLanguage()).isEqualTo(altName);
        assertThat(d.merchantCityAlternateLanguage()).isEqualTo(city);
        assertThat(Khqr.verify(r.qr(), Vectors.vectorsDay()).valid()).isTrue();
    }

    @Test
    @DisplayName(
            "decode and verify, fed 100,000 random and corrupted strings, only return a value or throw the codec's typed exception")
    void neverFailsUntyped() {
        Random r = new Random(0x636F7272L);
        for (int i = 0; i < 100_000; i++) {
            long seed = r.nextLong();
            String qr = corrupted(new Random(seed));
            try {
                decodesOrFailsTyped(qr);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("case seed " + seed + ": " + qr, e);
            }
        }
    }

    private static void decodesOrFailsTyped(String qr) {
        try {
            KhqrData data = Khqr.decode(qr);
            assertThat(data).isNotNull();
        } catch (KhqrDecodeException e) {
            assertThat(e.code()).isEqualTo(8);
            assertThat(e.offset()).isBetween(0, qr.length());
        }
        KhqrVerification v = Khqr.verify(qr, Vectors.vectorsDay());
        assertThat(v.valid()).isEqualTo(v.error() == null);
    }

    /** One in seven plain random text or digits, the rest a valid KHQR damaged one to three times. */
    static String corrupted(Random r) {
        int kind = r.nextInt(14);
        if (kind == 0) return SeededText.of(r, 0, 300, '\u0000', '\uFFFF');
        if (kind == 1) return SeededText.of(r, 0, 200, '0', '9');
        ObjectNode in = RandomPayloads.next(new Random(r.nextLong()));
        String valid = Khqr.encode(RandomPayloads.payload(in), Vectors.clockAt(RandomPayloads.now(in)))
                .qr();
        return Corruptions.apply(valid, r);
    }

    /** Ways a real QR gets damaged: cut, wrong lengths, bad CRC, foreign characters, splices, huge input. */
    static final class Corruptions {
        static String apply(String qr, Random r) {
            String s = qr;
            int rounds = 1 + r.nextInt(3);
            for (int i = 0; i < rounds; i++) {
                s = once(s, qr, r);
            }
            // Often fix the CRC afterwards, so verify has to look past it.
            if (r.nextBoolean()) {
                int n = s.length();
                String body = n >= 8 && s.startsWith("6304", n - 8) ? s.substring(0, n - 4) : s + "6304";
                s = body + KhqrCodecTest.crc(body);
            }
            return s;
        }

        private static String once(String s, String original, Random r) {
            int n = s.length();
            int at = n == 0 ? 0 : r.nextInt(n);
            switch (r.nextInt(9)) {
                case 0:
                    return s.substring(0, at);
                case 1:
                    return s.substring(at);
                case 2:
                    return replace(s, at, (char) ('0' + r.nextInt(10)));
                case 3:
                    return replace(s, at, "ab -+0x.\u0000".charAt(r.nextInt(9)));
                case 4:
                    return s.substring(0, at) + (char) r.nextInt(0x10000) + s.substring(at);
                case 5:
                    return n < 4 ? s : s.substring(0, n - 4) + RandomPayloads.word(r, "0123456789abcdefABCDEFXZ", 4);
                case 6:
                    return s.substring(0, at) + original.substring(r.nextInt(original.length()));
                case 7:
                    return r.nextInt(50) == 0 ? s.repeat(200 + r.nextInt(300)) : s + s;
                default:
                    return RandomPayloads.text(r, 1 + r.nextInt(40)) + s.substring(at);
            }
        }

        private static String replace(String s, int at, char c) {
            return s.isEmpty() ? String.valueOf(c) : s.substring(0, at) + c + s.substring(at + 1);
        }
    }
}
