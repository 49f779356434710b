package dev.bakongpay.core.khqr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.core.khqr.Khqr;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("the khqr jar's command line")
class KhqrCommandLineTest {

    static final String G15 =
            "00020101021229190015john_smith@devb520459995303840540512.345802KH5910John Smith6010Phnom Penh"
                    + "62690108INV-00010211855122334550311Coffee Shop0709Cashier_10810Buy coffee993400131764547200000011341024448000006304D3BA";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String stdin, String... args) {
        return new KhqrCommandLine(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                        CLOCK)
                .run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Nested
    @DisplayName("decode")
    class Decode {
        @Test
        @DisplayName("prints every field by the SDK's names, nulls included, and exits 0")
        void printsEveryField() {
            assertThat(run("", "decode", G15)).isZero();
            assertThat(out())
                    .contains(
                            "\"merchantType\": \"29\"",
                            "\"accountInformation\": null",
                            "\"transactionAmount\": \"12.34\"",
                            "\"pointofInitiationMethod\": \"12\"",
                            "\"crc\": \"D3BA\"",
                            "\"unknownTags\": {}");
        }

        @Test
        @DisplayName("reads the QR from standard input when given '-'")
        void readsStandardInput() {
            assertThat(run(G15 + "\n", "decode", "-")).isZero();
            assertThat(out()).contains("\"billNumber\": \"INV-0001\"");
        }

        @Test
        @DisplayName("prints the typed error and exits 1 on garbage")
        void refusesGarbage() {
            assertThat(run("", "decode", "hello world")).isEqualTo(1);
            assertThat(out()).contains("\"code\": 8", "\"field\": \"qr\"");
        }
    }

    @Nested
    @DisplayName("verify")
    class Verify {
        @Test
        @DisplayName("exits 0 with valid true and a null error for a valid QR")
        void valid() {
            assertThat(run("", "verify", G15)).isZero();
            assertThat(out().strip()).isEqualTo("{\"valid\": true, \"error\": null}");
        }

        @Test
        @DisplayName("exits 1 with the reason for an invalid QR")
        void invalid() {
            assertThat(run("", "verify", G15.replace("D3BA", "D3B0"))).isEqualTo(1);
            assertThat(out().strip())
                    .isEqualTo(
                            "{\"valid\": false, \"error\": {\"code\": 8, \"message\": \"KHQR provided is invalid\", \"field\": \"crc\"}}");
        }
    }

    @Test
    @DisplayName("md5 prints the lower-case hex md5")
    void md5() {
        assertThat(run("", "md5", G15)).isZero();
        assertThat(out()).contains("45a2817aae34428a3ed7553f60df1dff");
    }

    @Nested
    @DisplayName("encode")
    class Encode {
        @Test
        @DisplayName("builds a dynamic KHQR from flags that verifies and decodes to the flags")
        void fromFlags() {
            assertThat(run(
                            "",
                            "encode",
                            "--bakong-account-id",
                            "john@wing",
                            "--merchant-name",
                            "FINN SHOP",
                            "--amount",
                            "25",
                            "--currency",
                            "usd",
                            "--expires-in",
                            "900",
                            "--bill-number",
                            "A-1"))
                    .isZero();
            String qr = out().replaceAll("(?s).*\"qr\": \"([^\"]+)\".*", "$1");
            assertThat(Khqr.verify(qr, CLOCK).valid()).isTrue();
            assertThat(Khqr.decode(qr).billNumber()).isEqualTo("A-1");
            assertThat(Khqr.decode(qr).expiresAt()).contains(CLOCK.instant().plusSeconds(900));
        }

        @Test
        @DisplayName("prints the SDK's error and exits 1 when the payload is refused")
        void refused() {
            assertThat(run("", "encode", "--bakong-account-id", "john", "--merchant-name", "X"))
                    .isEqualTo(1);
            assertThat(out()).contains("\"code\": 3", "\"field\": \"bakongAccountID\"");
        }

        @Test
        @DisplayName("exits 2 on an unknown flag")
        void unknownFlag() {
            assertThat(run("", "encode", "--colour", "red")).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown flag --colour");
        }
    }

    @Test
    @DisplayName("demo prints a dynamic KHQR that verifies, its md5 and its decoding")
    void demo() {
        assertThat(run("", "demo")).isZero();
        assertThat(out())
                .contains(
                        "qr:      000201010212",
                        "md5:     ",
                        "{\"valid\": true, \"error\": null}",
                        "\"merchantNameAlternateLanguage\": \"ចន ស្មីន\"");
    }

    @Test
    @DisplayName("--help prints the usage and exits 0; no arguments exits 2")
    void help() {
        assertThat(run("", "--help")).isZero();
        assertThat(out()).contains("decode <khqr>", "encode --bakong-account-id");
        assertThat(run("")).isEqualTo(2);
    }
}
