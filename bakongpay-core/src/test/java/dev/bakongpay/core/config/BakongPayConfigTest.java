package dev.bakongpay.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.RateLimit;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("BakongPayConfig")
class BakongPayConfigTest {

    @Nested
    @DisplayName("from the environment")
    class FromEnvironment {
        @Test
        @DisplayName("no variables give every default")
        void defaults() {
            BakongPayConfig c = BakongPayConfig.fromEnvironment(Map.<String, String>of()::get);
            assertThat(c.port()).isEqualTo(8080);
            assertThat(c.publicUrl()).isEqualTo(URI.create("http://localhost:8080"));
            assertThat(c.bakongUrl()).isEqualTo(BakongPayConfig.NBC_URL);
            assertThat(c.rateLimit(Plan.FREE)).isEqualTo(RateLimit.perMinute(60));
            assertThat(c.rateLimit(Plan.PRO)).isEqualTo(RateLimit.perMinute(600));
            assertThat(c.rateLimit(Plan.ENTERPRISE)).isEqualTo(RateLimit.perMinute(6000));
            assertThat(c.defaultExpiry()).isEqualTo(Duration.ofSeconds(900));
            assertThat(c.maxBodyBytes()).isEqualTo(65536);
        }

        @Test
        @DisplayName("every variable is read")
        void everything() {
            BakongPayConfig c = BakongPayConfig.fromEnvironment(Map.ofEntries(
                    Map.entry("BAKONGPAY_PORT", "9000"),
                    Map.entry("BAKONGPAY_PUBLIC_URL", "https://pay.example.com/"),
                    Map.entry("BAKONGPAY_API_KEYS", "bk_live_abcdefgh12=PRO, bk_test_zzzzzzzz=free"),
                    Map.entry("BAKONGPAY_DB_URL", "jdbc:postgresql://db/bakongpay"),
                    Map.entry("BAKONGPAY_REDIS_URL", "redis://cache:6379"),
                    Map.entry("BAKONGPAY_BAKONG_URL", "http://127.0.0.1:9090"),
                    Map.entry("BAKONGPAY_BAKONG_TOKEN", "eyJ.token"),
                    Map.entry("BAKONGPAY_BAKONG_EMAIL", "ops@shop.kh"),
                    Map.entry("BAKONGPAY_BAKONG_PROXY", "proxy.kh:3128"),
                    Map.entry("BAKONGPAY_RATE_LIMITS", "FREE=60/m,PRO=600/m,ENTERPRISE=100/s"),
                    Map.entry("BAKONGPAY_DEFAULT_EXPIRY_SECONDS", "600"),
                    Map.entry("BAKONGPAY_MAX_EXPIRY_SECONDS", "3600"),
                    Map.entry("BAKONGPAY_MAX_BODY_BYTES", "2048"),
                    Map.entry("BAKONGPAY_PENDING_CACHE_MILLIS", "0"))::get);
            assertThat(c.port()).isEqualTo(9000);
            assertThat(c.apiKeys()).containsEntry("bk_live_abcdefgh12", Plan.PRO).containsEntry("bk_test_zzzzzzzz", Plan.FREE);
            assertThat(c.bakongProxy()).isEqualTo(URI.create("http://proxy.kh:3128"));
            assertThat(c.rateLimit(Plan.ENTERPRISE)).isEqualTo(RateLimit.perSecond(100));
            assertThat(c.defaultExpiry()).isEqualTo(Duration.ofSeconds(600));
            assertThat(c.pendingCacheTtl()).isZero();
            assertThat(c.toString()).doesNotContain("bk_live_abcdefgh12", "eyJ.token");
        }

        @Test
        @DisplayName("an empty BAKONGPAY_RATE_LIMITS means the defaults; a partial one keeps the others")
        void partialLimits() {
            assertThat(BakongPayConfig.fromEnvironment(Map.of("BAKONGPAY_RATE_LIMITS", "")::get).rateLimits())
                    .isEqualTo(BakongPayConfig.defaultRateLimits());
            assertThat(BakongPayConfig.fromEnvironment(Map.of("BAKONGPAY_RATE_LIMITS", "PRO=5/h")::get).rateLimits())
                    .containsEntry(Plan.PRO, RateLimit.perHour(5)).containsEntry(Plan.FREE, RateLimit.perMinute(60));
        }

        @Test
        @DisplayName("every bad variable is reported at once, in one pinned format, with keys redacted")
        void allProblems() {
            assertThatThrownBy(() -> BakongPayConfig.fromEnvironment(Map.of(
                    "BAKONGPAY_PORT", "eighty",
                    "BAKONGPAY_RATE_LIMITS", "PRO=ten/s",
                    "BAKONGPAY_API_KEYS", "bk_live_secret123=GOLD",
                    "BAKONGPAY_BAKONG_URL", "nbc",
                    "BAKONGPAY_DB_URL", "postgres://x")::get))
                    .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                            "BAKONGPAY_PORT was 'eighty' but it must be a whole number from 0 to 65535",
                            "BAKONGPAY_API_KEYS was 'bk_live_…=GOLD' but it must look like bk_live_…=PLAN or bk_test_…=PLAN "
                                    + "(at least 8 letters, digits, _ or - after the prefix; PLAN FREE, PRO or ENTERPRISE)",
                            "BAKONGPAY_DB_URL was 'postgres://x' but it must be a JDBC URL starting with jdbc:",
                            "BAKONGPAY_BAKONG_URL was 'nbc' but it must be an absolute http:// or https:// URL",
                            "BAKONGPAY_RATE_LIMITS was 'PRO=ten/s' but it must look like PLAN=N/s|m|h"))
                    .hasMessageStartingWith("BakongPay configuration is invalid:\n  BAKONGPAY_PORT was 'eighty'");
        }

        @Test
        @DisplayName("a default expiry above the maximum is refused")
        void expiryOrder() {
            assertThatThrownBy(() -> BakongPayConfig.fromEnvironment(Map.of("BAKONGPAY_DEFAULT_EXPIRY_SECONDS", "7200",
                    "BAKONGPAY_MAX_EXPIRY_SECONDS", "3600")::get))
                    .hasMessageContaining("BAKONGPAY_DEFAULT_EXPIRY_SECONDS was '7200' but it must not exceed BAKONGPAY_MAX_EXPIRY_SECONDS (3600)");
        }
    }

    @Nested
    @DisplayName("lookups")
    class Lookups {
        @Test
        @DisplayName("system properties win over the environment, which wins over the file")
        void chain(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("bakongpay.properties");
            Files.writeString(file, "BAKONGPAY_PORT=7000\nBAKONGPAY_BAKONG_TOKEN=from-file\n");
            ConfigLookup chain = ConfigLookup.of(Map.of("BAKONGPAY_PORT", "7100"))
                    .orElse(ConfigLookup.of(Map.of("BAKONGPAY_PORT", "7200")))
                    .orElse(ConfigLookup.propertiesFile(file));
            BakongPayConfig c = BakongPayConfig.fromEnvironment(chain);
            assertThat(c.port()).isEqualTo(7100);
            assertThat(c.bakongToken()).isEqualTo("from-file");
            assertThat(ConfigLookup.propertiesFile(dir.resolve("missing")).apply("X")).isNull();
        }
    }
}
