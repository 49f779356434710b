package dev.bakongpay.core.bakong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("BakongClientConfig")
class BakongClientConfigTest {

    @Test
    @DisplayName("has documented defaults and drops a trailing slash from the base URL")
    void defaults() {
        BakongClientConfig c = BakongClientConfig.builder("https://api-bakong.nbc.gov.kh/", "tok-123456789")
                .build();
        assertThat(c.baseUrl()).hasToString("https://api-bakong.nbc.gov.kh");
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.deadline()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.maxRetries()).isEqualTo(2);
        assertThat(c.circuitFailureThreshold()).isEqualTo(5);
        assertThat(c.circuitOpenDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.pendingCacheTtl()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.finalCacheTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.fallbackConcurrency()).isEqualTo(4);
        assertThat(c.proxy()).isNull();
        assertThat(c.renewalEmail()).isNull();
    }

    @Test
    @DisplayName("reads a proxy as host:port")
    void proxy() {
        BakongClientConfig c = BakongClientConfig.builder("https://api-bakong.nbc.gov.kh", "tok-123456789")
                .proxy("proxy.example.kh:3128")
                .build();
        assertThat(c.proxy().getHostString()).isEqualTo("proxy.example.kh");
        assertThat(c.proxy().getPort()).isEqualTo(3128);
        assertThat(BakongClientConfig.builder("https://x", "tok-123456789")
                        .proxy("  ")
                        .build()
                        .proxy())
                .isNull();
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"proxy.example.kh", ":3128", "host:0", "host:70000", "host:port"})
    @DisplayName("refuses a proxy that is not host:port")
    void badProxy(String proxy) {
        assertThatThrownBy(() -> BakongClientConfig.builder("https://x", "tok-123456789")
                        .proxy(proxy)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy was '" + proxy + "' but it must look like host:port");
    }

    @Test
    @DisplayName("reports every bad setting in one message")
    void allProblems() {
        assertThatThrownBy(() -> BakongClientConfig.builder("ftp://nbc", " ")
                        .maxRetries(-1)
                        .requestTimeout(Duration.ZERO)
                        .fallbackConcurrency(0)
                        .renewalEmail("nope")
                        .clock(null)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl was 'ftp://nbc' but it must be an http(s) URL with a host")
                .hasMessageContaining("token was '***' but it must be non-empty printable ASCII without spaces")
                .hasMessageContaining("requestTimeout was 'PT0S' but it must be a positive duration")
                .hasMessageContaining("maxRetries was '-1' but it must be between 0 and 10")
                .hasMessageContaining("fallbackConcurrency was '0' but it must be between 1 and 50")
                .hasMessageContaining("renewalEmail was 'nope'")
                .hasMessageContaining("clock was missing");
    }

    @Test
    @DisplayName("never prints the whole token")
    void masksToken() {
        String token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.secret-part.signature";
        assertThat(BakongClientConfig.builder("https://x", token)
                        .clock(Clock.systemUTC())
                        .build()
                        .toString())
                .doesNotContain("secret-part")
                .contains("eyJ0…ture");
    }
}
