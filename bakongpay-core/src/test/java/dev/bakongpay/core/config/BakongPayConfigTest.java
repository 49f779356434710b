package dev.bakongpay.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.RateLimit;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Core takes typed values only; reading them from the environment is the server's (ServerSettingsTest). */
@DisplayName("BakongPayConfig")
class BakongPayConfigTest {

    @Test
    @DisplayName("the builder's defaults: localhost:8080, NBC's URL, 60/600/6000 per minute, 900 s, 64 KiB")
    void defaults() {
        BakongPayConfig c = BakongPayConfig.defaults();
        assertThat(c.publicUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(c.bakongUrl()).isEqualTo(BakongPayConfig.NBC_URL);
        assertThat(c.rateLimit(Plan.FREE)).isEqualTo(RateLimit.perMinute(60));
        assertThat(c.rateLimit(Plan.PRO)).isEqualTo(RateLimit.perMinute(600));
        assertThat(c.rateLimit(Plan.ENTERPRISE)).isEqualTo(RateLimit.perMinute(6000));
        assertThat(c.defaultExpiry()).isEqualTo(Duration.ofSeconds(900));
        assertThat(c.maxExpiry()).isEqualTo(Duration.ofHours(24));
        assertThat(c.maxBodyBytes()).isEqualTo(65536);
        assertThat(c.pendingCacheTtl()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    @DisplayName("a partial set of limits keeps the other plans' defaults; toBuilder round-trips; secrets never print")
    void builder() {
        BakongPayConfig c = BakongPayConfig.builder()
                .publicUrl(URI.create("https://pay.example.com"))
                .apiKeys(Map.of("bk_live_abcdefgh12", Plan.PRO))
                .bakongToken("eyJ.token")
                .rateLimits(Map.of(Plan.PRO, RateLimit.perHour(5)))
                .pendingCacheTtl(Duration.ZERO)
                .build();
        assertThat(c.rateLimits())
                .containsEntry(Plan.PRO, RateLimit.perHour(5))
                .containsEntry(Plan.FREE, RateLimit.perMinute(60));
        assertThat(c.toBuilder().build()).isEqualTo(c);
        assertThat(c.toString()).doesNotContain("bk_live_abcdefgh12", "eyJ.token");
    }

    @Test
    @DisplayName("values no deployment can use are refused")
    void refusals() {
        assertThatThrownBy(() -> BakongPayConfig.builder()
                        .apiKeys(Map.of("sk_live_abcdefgh", Plan.PRO))
                        .build())
                .hasMessageContaining("bk_live_ or bk_test_");
        assertThatThrownBy(() -> BakongPayConfig.builder()
                        .defaultExpiry(Duration.ofHours(2))
                        .maxExpiry(Duration.ofHours(1))
                        .build())
                .hasMessageContaining("defaultExpiry");
        assertThatThrownBy(() -> BakongPayConfig.builder().maxBodyBytes(100).build())
                .hasMessageContaining("maxBodyBytes");
    }
}
