package dev.bakongpay.spi.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("settings: declarations, the common rules and the problem collector")
class SettingsParsingTest {

    private static <T> String reason(Parser<T> parser, String text) {
        try {
            parser.parse(text);
        } catch (Rejected e) {
            return e.entries().get(0).reason();
        }
        throw new AssertionError(text + " was accepted");
    }

    @Nested
    @DisplayName("the common rules")
    class Rules {
        @Test
        @DisplayName("a port is 0 to 65535; 0 picks a free one")
        void port() {
            assertThat(Parsers.port().parse("0")).isZero();
            assertThat(Parsers.port().parse("65535")).isEqualTo(65535);
            assertThat(reason(Parsers.port(), "65536"))
                    .isEqualTo("must be a whole number from 0 to 65535 (0 picks a free port)");
            assertThat(reason(Parsers.port(), "eighty"))
                    .isEqualTo("must be a whole number from 0 to 65535 (0 picks a free port)");
        }

        @Test
        @DisplayName("whole numbers hold their range, longs included")
        void wholeNumbers() {
            assertThat(Parsers.wholeNumber(1, Long.MAX_VALUE, "r").parse("9223372036854775807"))
                    .isEqualTo(Long.MAX_VALUE);
            assertThat(reason(Parsers.intRange(1, 50, "must be from 1 to 50"), "51"))
                    .isEqualTo("must be from 1 to 50");
            assertThat(reason(Parsers.intRange(1, 50, "must be from 1 to 50"), "1.5"))
                    .isEqualTo("must be from 1 to 50");
        }

        @Test
        @DisplayName("durations: 2500ms, 3s, 1.5s, 2m or bare seconds, within bounds worded in the rule")
        void durations() {
            Parser<Duration> d = Parsers.duration(Duration.ofMillis(100), Duration.ofSeconds(120));
            assertThat(d.parse("2500ms")).isEqualTo(Duration.ofMillis(2500));
            assertThat(d.parse("3s")).isEqualTo(Duration.ofSeconds(3));
            assertThat(d.parse("2.5S")).isEqualTo(Duration.ofMillis(2500));
            assertThat(d.parse("2m")).isEqualTo(Duration.ofMinutes(2));
            assertThat(d.parse("4")).isEqualTo(Duration.ofSeconds(4));
            assertThat(reason(d, "10ms")).isEqualTo("must be a duration from 100ms to 120s, like 3s or 2500ms");
            assertThat(reason(d, "soon")).isEqualTo("must be a duration from 100ms to 120s, like 3s or 2500ms");
            assertThat(reason(Parsers.duration(Duration.ZERO, Duration.ofHours(1)), "-1s"))
                    .isEqualTo("must be a duration from 0s to 1h, like 3s or 2500ms");
        }

        @Test
        @DisplayName("URLs are absolute http or https with a host, kept as given; a base URL loses its trailing slash")
        void urls() {
            assertThat(Parsers.httpUrl().parse("HTTPS://pay.example.com/")).hasToString("HTTPS://pay.example.com/");
            assertThat(Parsers.withoutTrailingSlash(URI.create("http://127.0.0.1:9999/")))
                    .hasToString("http://127.0.0.1:9999");
            assertThat(reason(Parsers.httpUrl(), "shop.example"))
                    .isEqualTo("must be an absolute http:// or https:// URL");
            assertThat(reason(Parsers.httpUrl(), "ftp://x")).isEqualTo("must be an absolute http:// or https:// URL");
            assertThat(reason(Parsers.httpUrl().orSay("must be a URL (empty turns it off)"), "x"))
                    .isEqualTo("must be a URL (empty turns it off)");
        }

        @Test
        @DisplayName("hosts, booleans, word lists and paths")
        void others() {
            assertThat(Parsers.host().parse("0.0.0.0")).isEqualTo("0.0.0.0");
            assertThat(reason(Parsers.host(), "a b")).startsWith("must be an interface address");
            assertThat(reason(Parsers.host(), "http://x")).startsWith("must be an interface address");
            assertThat(Parsers.bool().parse("TRUE")).isTrue();
            assertThat(reason(Parsers.bool(), "yes")).isEqualTo("must be true or false");
            assertThat(Parsers.oneOf(List.of("info", "warn")).parse("WARN")).isEqualTo("warn");
            assertThat(reason(Parsers.oneOf(List.of("info", "warn")), "loud")).isEqualTo("must be one of [info, warn]");
            assertThat(Parsers.path().parse("data")).isEqualTo(Path.of("data"));
            assertThat(reason(Parsers.path(), "a\0b")).startsWith("is not a usable path");
        }
    }

    @Nested
    @DisplayName("the problem collector")
    class Collector {
        static final Setting<Integer> PORT = Setting.of("X_PORT", Parsers.port(), 8080);
        static final Setting<Boolean> ON = Setting.of("X_ON", Parsers.bool(), false);
        static final Setting<String> TOKEN = Setting.of(
                        "X_TOKEN", Parsers.matching(t -> t.length() > 8, "must be longer than 8"), null)
                .asSecret();

        @Test
        @DisplayName("unset and blank take the fallback; values are stripped")
        void fallbacks() {
            Problems p = new Problems(Map.of("X_ON", "  ", "X_PORT", " 9000 ")::get);
            assertThat(p.read(PORT)).isEqualTo(9000);
            assertThat(p.read(ON)).isFalse();
            assertThat(p.read(TOKEN)).isNull();
            assertThat(p.isSet(ON)).isFalse();
            assertThat(p.isEmpty()).isTrue();
            p.throwIfAny("X");
        }

        @Test
        @DisplayName("every problem is collected as '<NAME> was <value> but it <reason>', a secret's value never shown")
        void everyProblem() {
            Problems p = new Problems(Map.of("X_PORT", "80800", "X_ON", "yes", "X_TOKEN", "short")::get);
            assertThat(p.read(PORT)).isEqualTo(8080);
            assertThat(p.read(ON)).isFalse();
            assertThat(p.read(TOKEN)).isNull();
            assertThat(p.list())
                    .containsExactly(
                            "X_PORT was '80800' but it must be a whole number from 0 to 65535 (0 picks a free port)",
                            "X_ON was 'yes' but it must be true or false",
                            "X_TOKEN was '***' but it must be longer than 8");
            assertThatThrownBy(() -> p.throwIfAny("X configuration"))
                    .isInstanceOf(SettingsException.class)
                    .hasMessage(
                            "X configuration has 3 problems:\n  - X_PORT was '80800' but it must be a whole number from 0 to 65535"
                                    + " (0 picks a free port)\n  - X_ON was 'yes' but it must be true or false\n  - X_TOKEN was '***' but it must be longer than 8");
        }

        @Test
        @DisplayName("a list setting reports each bad entry, shown as the parser chooses")
        void entries() {
            Setting<List<String>> list = Setting.of(
                    "X_LIST",
                    text -> {
                        throw new Rejected(
                                List.of(new Rejected.Entry("a…", "must be b"), new Rejected.Entry("c", "must be d")));
                    },
                    List.of());
            Problems p = new Problems(Map.of("X_LIST", "a-secret,c")::get);
            assertThat(p.read(list)).isEmpty();
            assertThat(p.list()).containsExactly("X_LIST was 'a…' but it must be b", "X_LIST was 'c' but it must be d");
            assertThatThrownBy(() -> p.throwIfAny("X"))
                    .hasMessage(
                            "X has 2 problems:\n  - X_LIST was 'a…' but it must be b\n  - X_LIST was 'c' but it must be d");
        }

        @Test
        @DisplayName("one problem is one line; a declaration reads as its name")
        void oneProblem() {
            Problems p = new Problems(Map.of("X_PORT", "-1")::get);
            p.read(PORT);
            assertThatThrownBy(() -> p.throwIfAny("X configuration"))
                    .hasMessage(
                            "X configuration: X_PORT was '-1' but it must be a whole number from 0 to 65535 (0 picks a free port)");
            assertThat("set " + PORT).isEqualTo("set X_PORT");
            assertThatThrownBy(() -> Setting.text("lower_case")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
