package dev.bakongpay.core.khqr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The codec, the API and the simulator (which hashes the string it receives with
 * {@link Khqr#md5}) must agree on every KHQR the codec produces: its md5 is the md5 of its plain
 * UTF-8 bytes, before and after a trip through JSON.
 */
@DisplayName("KHQR text: UTF-8 and md5 agreement")
class KhqrUnicodeTest {
    static final Instant NOW = Instant.parse("2026-06-02T13:45:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static KhqrPayload.Builder base() {
        return KhqrPayload.individual("shop@aclb")
                .merchantName("Shop")
                .currency(KhqrCurrency.USD)
                .amount(new BigDecimal("1.50"))
                .createdAt(NOW)
                .expiresAt(NOW.plusSeconds(600));
    }

    static String plainMd5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "ហាងហ្វីន",
                "ហាង\u200Bកាហ្វេ",
                "Pho 😀🍜",
                "👩\u200D💻 Dev",
                "Café Ñoño",
                "Straße ÄÖÜ ÿ",
                "¡Olé! ©®±µ",
                "Mix ក 😀 é"
            })
    @DisplayName("Khmer, emoji and Latin-1 names: md5 = md5 of the UTF-8 bytes, also after a JSON round trip")
    void agreement(String name) throws Exception {
        KhqrResult r = Khqr.encode(
                base().merchantName(name)
                        .merchantNameAlternateLanguage(name)
                        .languagePreference("km")
                        .storeLabel(name)
                        .build(),
                CLOCK);
        assertThat(r.md5()).isEqualTo(plainMd5(r.qr())).isEqualTo(Khqr.md5(r.qr()));
        ObjectMapper json = new ObjectMapper();
        String received = json.readValue(json.writeValueAsBytes(Map.of("qr", r.qr())), Map.class)
                .get("qr")
                .toString();
        assertThat(received).isEqualTo(r.qr());
        assertThat(Khqr.md5(received)).isEqualTo(r.md5());
        String decoded = new String(r.qr().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(Khqr.md5(decoded)).isEqualTo(r.md5());
        assertThat(Khqr.verify(received, CLOCK).valid()).isTrue();
        assertThat(Khqr.decode(received).merchantName()).isEqualTo(name);
    }

    @Test
    @DisplayName("an unpaired surrogate in any text value is refused with code 8, naming the field")
    void loneSurrogates() {
        Map<String, Function<KhqrPayload.Builder, KhqrPayload.Builder>> fields = Map.of(
                "merchantName", b -> b.merchantName("S\uD800"),
                "merchantCity", b -> b.merchantCity("City\uDC00"),
                "storeLabel", b -> b.storeLabel("\uDBFFx"),
                "terminalLabel", b -> b.terminalLabel("T\uD83D"),
                "billNumber", b -> b.billNumber("\uDE00"),
                "merchantNameAlternateLanguage",
                        b -> b.languagePreference("km").merchantNameAlternateLanguage("ក\uD800"));
        fields.forEach((field, set) -> assertThatThrownBy(
                        () -> Khqr.encode(set.apply(base()).build(), CLOCK))
                .as(field)
                .isInstanceOfSatisfying(KhqrValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.code()).isEqualTo(8);
                    assertThat(e.getMessage()).contains("unpaired");
                }));
    }

    @Test
    @DisplayName("an absurd amount is refused at once, by its size")
    void absurdAmounts() {
        for (String a : new String[] {"1e20000000", "1e999999999", "1e-20000000", "1e-999999999"}) {
            assertThatThrownBy(
                            () -> Khqr.encode(base().amount(new BigDecimal(a)).build(), CLOCK))
                    .as(a)
                    .isInstanceOfSatisfying(
                            KhqrValidationException.class,
                            e -> assertThat(e.code()).isEqualTo(4));
        }
        BigDecimal zeros = new BigDecimal("1." + "0".repeat(10_000)); // 1.000…: too many written decimals
        assertThatThrownBy(() -> Khqr.encode(base().amount(zeros).build(), CLOCK))
                .isInstanceOfSatisfying(
                        KhqrValidationException.class, e -> assertThat(e.code()).isEqualTo(4));
    }
}
