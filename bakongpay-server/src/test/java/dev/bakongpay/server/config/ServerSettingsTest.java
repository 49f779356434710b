package dev.bakongpay.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.server.config.ServerSettings.Command;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.RateLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSettingsTest {

    private static ServerSettings read(Map<String, String> env, Command command) {
        return ServerSettings.read(ConfigLookup.builder().environment(env).build(), command);
    }

    private static Properties props(String... pairs) {
        Properties p = new Properties();
        for (int i = 0; i < pairs.length; i += 2) p.setProperty(pairs[i], pairs[i + 1]);
        return p;
    }

    @Nested
    @DisplayName("where a value comes from")
    class Precedence {
        @TempDir
        Path dir;

        @Test
        @DisplayName("a system property beats the environment, which beats the file, which beats a context parameter")
        void layersInOrder() throws IOException {
            Path file = dir.resolve("bakongpay.properties");
            Files.writeString(
                    file, "BAKONGPAY_PORT=7003\nBAKONGPAY_PUBLIC_URL=https://file.example\nBAKONGPAY_LOG_LEVEL=warn\n");
            Map<String, String> context = Map.of(
                    "BAKONGPAY_PORT",
                    "7004",
                    "BAKONGPAY_PUBLIC_URL",
                    "https://ctx.example",
                    "BAKONGPAY_LOG_LEVEL",
                    "error",
                    "BAKONGPAY_DB_POOL_SIZE",
                    "7");
            ConfigLookup lookup = ConfigLookup.builder()
                    .systemProperties(props("BAKONGPAY_PORT", "7001"))
                    .environment(Map.of("BAKONGPAY_PORT", "7002", "BAKONGPAY_PUBLIC_URL", "https://env.example"))
                    .configFile(file.toString())
                    .contextParameters(context::get)
                    .build();

            ServerSettings s = ServerSettings.read(lookup, Command.SERVE);

            assertThat(s.port()).isEqualTo(7001);
            assertThat(s.publicUrl()).hasToString("https://env.example");
            assertThat(s.logLevel()).isEqualTo("warn");
            assertThat(s.db().poolSize()).isEqualTo(7);
            assertThat(lookup.sourceOf("BAKONGPAY_PORT")).isEqualTo("system property");
            assertThat(lookup.sourceOf("BAKONGPAY_LOG_LEVEL")).isEqualTo("file " + file);
            assertThat(lookup.sourceOf("BAKONGPAY_REDIS_URL")).isEqualTo("default");
        }

        @Test
        @DisplayName("the dotted form of a name works everywhere (-Dbakongpay.port=…)")
        void dottedNames() {
            ConfigLookup lookup = ConfigLookup.builder()
                    .systemProperties(props("bakongpay.port", "9100"))
                    .environment(Map.of("bakong.simulator.port", "9101"))
                    .build();
            ServerSettings s = ServerSettings.read(lookup, Command.SANDBOX);
            assertThat(s.port()).isEqualTo(9100);
            assertThat(s.simulatorPort()).isEqualTo(9101);
        }

        @Test
        @DisplayName("BAKONGPAY_CONFIG_FILE names the file when --config does not")
        void fileFromEnvironment() throws IOException {
            Path file = dir.resolve("a.properties");
            Files.writeString(file, "bakongpay.redis.url=redis://cache:6379\n");
            ServerSettings s = read(Map.of("BAKONGPAY_CONFIG_FILE", file.toString()), Command.SERVE);
            assertThat(s.redisUrl()).isEqualTo("redis://cache:6379");
        }

        @Test
        @DisplayName("a missing properties file stops the start, naming the file")
        void missingFile() {
            assertThatThrownBy(() -> ConfigLookup.builder()
                            .configFile(dir.resolve("nope.properties").toString())
                            .build())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(
                            "BAKONGPAY_CONFIG_FILE was '" + dir.resolve("nope.properties") + "' but it cannot be read");
        }
    }

    @Nested
    @DisplayName("defaults")
    class Defaults {
        @Test
        @DisplayName("serve listens on all interfaces at 8080, stores in an H2 file under ./data and limits in memory")
        void serveDefaults() {
            ServerSettings s = read(Map.of(), Command.SERVE);
            assertThat(s.host()).isEqualTo("0.0.0.0");
            assertThat(s.port()).isEqualTo(8080);
            assertThat(s.db().embeddedDefault()).isTrue();
            assertThat(s.db().url())
                    .startsWith(
                            "jdbc:h2:file:" + Path.of("data").toAbsolutePath().resolve("bakongpay"))
                    .contains(";WRITE_DELAY=0") // an answered create must survive kill -9
                    .contains(";CACHE_SIZE=4096"); // pages written by commits die young: short GC pauses
            assertThat(s.redisUrl()).isNull();
            assertThat(s.live().baseUrl()).isEqualTo(dev.bakongpay.core.config.BakongPayConfig.NBC_URL);
            assertThat(s.simulatorEnabled()).isFalse();
            assertThat(s.rateLimits())
                    .containsEntry(Plan.FREE, RateLimit.perMinute(60))
                    .containsEntry(Plan.PRO, RateLimit.perMinute(600));
        }

        @Test
        @DisplayName(
                "the embedded simulator listens on 127.0.0.1 even where the API listens on 0.0.0.0; BAKONG_SIMULATOR_HOST moves it")
        void simulatorHost() {
            ServerSettings s = read(Map.of("BAKONGPAY_SIMULATOR_ENABLED", "true"), Command.SERVE);
            assertThat(s.host()).isEqualTo("0.0.0.0");
            assertThat(s.simulator()).isEqualTo(ServerSettings.Simulator.DEFAULTS);
            ServerSettings moved = read(
                    Map.of(
                            "BAKONGPAY_SIMULATOR_ENABLED",
                            "true",
                            "BAKONG_SIMULATOR_HOST",
                            "0.0.0.0",
                            "BAKONG_SIMULATOR_CONTROL_TOKEN",
                            "s3cret-control"),
                    Command.SERVE);
            assertThat(moved.simulator().host()).isEqualTo("0.0.0.0");
            assertThat(moved.simulator().controlToken()).isEqualTo("s3cret-control");
            assertThat(moved.toString()).doesNotContain("s3cret-control");
            assertThatThrownBy(() -> read(Map.of("BAKONG_SIMULATOR_HOST", "a b"), Command.SANDBOX))
                    .hasMessageContaining("BAKONG_SIMULATOR_HOST was 'a b' but it must be an interface address");
        }

        @Test
        @DisplayName("the sandbox always embeds the simulator on 9090 and listens on this machine only")
        void sandboxDefaults() {
            ServerSettings s = read(Map.of("BAKONGPAY_SIMULATOR_ENABLED", "false"), Command.SANDBOX);
            assertThat(s.simulatorEnabled()).isTrue();
            assertThat(s.simulatorPort()).isEqualTo(9090);
            assertThat(s.host()).isEqualTo("127.0.0.1");
        }

        @Test
        @DisplayName(
                "keys and limits are read: bk_test_ keys are TEST mode, bk_live_ keys LIVE; a limit replaces only its plan")
        void keysAndLimits() {
            ServerSettings s = read(
                    Map.of(
                            "BAKONGPAY_API_KEYS",
                            "bk_test_aaaa1111=free, bk_live_bbbb2222=PRO",
                            "BAKONGPAY_SIMULATOR_ENABLED",
                            "true",
                            "BAKONGPAY_RATE_LIMITS",
                            "PRO=10/s"),
                    Command.SERVE);
            assertThat(s.seedKeys())
                    .as("sorted by plan, as the sandbox prints them")
                    .extracting(SeedKey::mode, SeedKey::plan)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(PaymentMode.TEST, Plan.FREE),
                            org.assertj.core.groups.Tuple.tuple(PaymentMode.LIVE, Plan.PRO));
            assertThat(s.rateLimitsText()).isEqualTo("FREE=60/m, PRO=10/s, ENTERPRISE=6000/m");
        }

        @Test
        @DisplayName(
                "Bakong's time budgets and the reconciliation lease: 3 s per attempt, 5 s per operation, lease = interval but at least deadline + 5 s; ms, s or bare seconds")
        void budgets() {
            ServerSettings.Budgets d = read(Map.of(), Command.SERVE).budgets();
            assertThat(d.bakongTimeout()).isEqualTo(java.time.Duration.ofSeconds(3));
            assertThat(d.bakongDeadline()).isEqualTo(java.time.Duration.ofSeconds(5));
            assertThat(d.reconcileLease()).isEqualTo(java.time.Duration.ofSeconds(30));
            assertThat(read(Map.of("BAKONGPAY_RECONCILE_SECONDS", "1"), Command.SERVE)
                            .budgets()
                            .reconcileLease())
                    .isEqualTo(java.time.Duration.ofSeconds(10));
            assertThat(read(Map.of("BAKONGPAY_RECONCILE_SECONDS", "120"), Command.SERVE)
                            .budgets()
                            .reconcileLease())
                    .isEqualTo(java.time.Duration.ofSeconds(120));
            ServerSettings.Budgets b = read(
                            Map.of(
                                    "BAKONGPAY_BAKONG_TIMEOUT",
                                    "1500ms",
                                    "BAKONGPAY_BAKONG_DEADLINE",
                                    "4",
                                    "BAKONGPAY_RECONCILE_LEASE_SECONDS",
                                    "120"),
                            Command.SERVE)
                    .budgets();
            assertThat(b.bakongTimeout()).isEqualTo(java.time.Duration.ofMillis(1500));
            assertThat(b.bakongDeadline()).isEqualTo(java.time.Duration.ofSeconds(4));
            assertThat(b.reconcileLease()).isEqualTo(java.time.Duration.ofSeconds(120));
            assertThat(read(Map.of("BAKONGPAY_BAKONG_DEADLINE", "2.5s"), Command.SERVE)
                            .budgets()
                            .bakongDeadline())
                    .isEqualTo(java.time.Duration.ofMillis(2500));
        }

        @Test
        @DisplayName(
                "reconciliation runs up to 10 batches per tick unless BAKONGPAY_RECONCILE_MAX_BATCHES says otherwise")
        void reconcileBatches() {
            assertThat(read(Map.of(), Command.SERVE).budgets().reconcileBatches())
                    .isEqualTo(10);
            assertThat(read(Map.of("BAKONGPAY_RECONCILE_MAX_BATCHES", "200"), Command.SERVE)
                            .budgets()
                            .reconcileBatches())
                    .isEqualTo(200);
        }

        @Test
        @DisplayName("group commit is on unless BAKONGPAY_GROUP_COMMIT=false; another value is refused")
        void groupCommit() {
            assertThat(read(Map.of(), Command.SERVE).db().groupCommit()).isTrue();
            assertThat(read(Map.of("BAKONGPAY_GROUP_COMMIT", "false"), Command.SERVE)
                            .db()
                            .groupCommit())
                    .isFalse();
            assertThatThrownBy(() -> read(Map.of("BAKONGPAY_GROUP_COMMIT", "off"), Command.SERVE))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("BAKONGPAY_GROUP_COMMIT was 'off' but it must be true or false");
        }
    }

    @Nested
    @DisplayName("mistakes")
    class Mistakes {
        @Test
        @DisplayName("every bad setting is reported in one error, each as '<NAME> was <value> but it <reason>'")
        void allAtOnce() {
            Map<String, String> env = new java.util.HashMap<>(Map.of(
                    "BAKONGPAY_PORT", "80800",
                    "BAKONGPAY_RATE_LIMITS", "PRO=ten/s",
                    "BAKONGPAY_DB_URL", "postgres://db/test",
                    "BAKONGPAY_REDIS_URL", "cache:6379",
                    "BAKONGPAY_PUBLIC_URL", "shop.example",
                    "BAKONGPAY_SIMULATOR_ENABLED", "yes",
                    "BAKONGPAY_LOG_LEVEL", "loud",
                    "BAKONGPAY_BAKONG_TIMEOUT", "10ms",
                    "BAKONGPAY_BAKONG_DEADLINE", "soon",
                    "BAKONGPAY_RECONCILE_LEASE_SECONDS", "1"));
            env.put("BAKONGPAY_RECONCILE_MAX_BATCHES", "0"); // Map.of takes ten pairs at most
            assertThatThrownBy(() -> read(env, Command.SERVE))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("BakongPay configuration has 11 problems:")
                    .hasMessageContaining("BAKONGPAY_PORT was '80800' but it must be a whole number from 0 to 65535")
                    .hasMessageContaining("BAKONGPAY_RATE_LIMITS was 'PRO=ten/s' but it must look like PLAN=N/s|m|h")
                    .hasMessageContaining(
                            "BAKONGPAY_DB_URL was 'postgres://db/test' but it must be a JDBC URL starting with jdbc:")
                    .hasMessageContaining(
                            "BAKONGPAY_REDIS_URL was 'cache:6379' but it must be a URL starting with redis:// or rediss://")
                    .hasMessageContaining(
                            "BAKONGPAY_PUBLIC_URL was 'shop.example' but it must be an absolute http:// or https:// URL")
                    .hasMessageContaining("BAKONGPAY_SIMULATOR_ENABLED was 'yes' but it must be true or false")
                    .hasMessageContaining("BAKONGPAY_LOG_LEVEL was 'loud' but it must be one of")
                    .hasMessageContaining(
                            "BAKONGPAY_BAKONG_TIMEOUT was '10ms' but it must be a duration from 100ms to 60s, like 3s or 2500ms")
                    .hasMessageContaining(
                            "BAKONGPAY_BAKONG_DEADLINE was 'soon' but it must be a duration from 100ms to 120s, like 3s or 2500ms")
                    .hasMessageContaining(
                            "BAKONGPAY_RECONCILE_LEASE_SECONDS was '1' but it must be a whole number of seconds from 5 to 86400")
                    .hasMessageContaining(
                            "BAKONGPAY_RECONCILE_MAX_BATCHES was '0' but it must be a whole number of batches from 1 to 1000");
        }

        @Test
        @DisplayName("a malformed API key is reported without printing the secret")
        void keysStaySecret() {
            assertThatThrownBy(() -> read(
                            Map.of("BAKONGPAY_API_KEYS", "sk_live_supersecretvalue=PRO,bk_test_anothersecret=GOLD"),
                            Command.SANDBOX))
                    .hasMessageContaining(
                            "BAKONGPAY_API_KEYS was 'sk_live_…=PRO' but it must look like bk_live_…=PLAN or bk_test_…=PLAN")
                    .hasMessageContaining("BAKONGPAY_API_KEYS was 'bk_test_…=GOLD' but it must look like")
                    .message()
                    .doesNotContain("supersecretvalue")
                    .doesNotContain("anothersecret");
        }

        @Test
        @DisplayName("test keys on a server without a simulator are refused, saying how to give them one")
        void testKeysNeedASimulator() {
            assertThatThrownBy(() -> read(Map.of("BAKONGPAY_API_KEYS", "bk_test_abcdef12=FREE"), Command.SERVE))
                    .hasMessage(
                            "BakongPay configuration: BAKONGPAY_API_KEYS has bk_test_ keys but there is no simulator for them"
                                    + " to run against: set BAKONGPAY_SIMULATOR_ENABLED=true or BAKONGPAY_TEST_BAKONG_URL to a running simulator");
        }

        @Test
        @DisplayName("an external simulator needs its token, and cannot be combined with the embedded one")
        void externalSimulator() {
            assertThatThrownBy(
                            () -> read(Map.of("BAKONGPAY_TEST_BAKONG_URL", "http://127.0.0.1:9999"), Command.SANDBOX))
                    .hasMessageContaining(
                            "BAKONGPAY_TEST_BAKONG_URL was 'http://127.0.0.1:9999' but it cannot be used together"
                                    + " with the embedded simulator (the sandbox always embeds one)")
                    .hasMessageContaining("BAKONGPAY_TEST_BAKONG_TOKEN is missing");
            ServerSettings ok = read(
                    Map.of(
                            "BAKONGPAY_TEST_BAKONG_URL",
                            "http://127.0.0.1:9999/",
                            "BAKONGPAY_TEST_BAKONG_TOKEN",
                            "t",
                            "BAKONGPAY_API_KEYS",
                            "bk_test_abcdef12=FREE"),
                    Command.SERVE);
            assertThat(ok.test().baseUrl()).hasToString("http://127.0.0.1:9999");
            assertThat(ok.testModeAvailable()).isTrue();
        }

        @Test
        @DisplayName("passwords and tokens never show in the settings' text")
        void secretsHidden() {
            ServerSettings s = read(
                    Map.of("BAKONGPAY_DB_PASSWORD", "hunter2", "BAKONGPAY_BAKONG_TOKEN", "eyJsecret"), Command.SERVE);
            assertThat(s.toString()).doesNotContain("hunter2").doesNotContain("eyJsecret");
        }
    }

    @Nested
    @DisplayName("the payment rules' settings (moved from core's BakongPayConfigTest: core reads no environment now)")
    class PaymentRules {
        @Test
        @DisplayName("no settings give every default")
        void defaults() {
            ServerSettings s = read(Map.of(), Command.SERVE);
            dev.bakongpay.core.config.BakongPayConfig c = s.core();
            assertThat(s.port()).isEqualTo(8080);
            assertThat(c.publicUrl()).isEqualTo(java.net.URI.create("http://localhost:8080"));
            assertThat(c.bakongUrl()).isEqualTo(dev.bakongpay.core.config.BakongPayConfig.NBC_URL);
            assertThat(c.rateLimit(Plan.FREE)).isEqualTo(RateLimit.perMinute(60));
            assertThat(c.rateLimit(Plan.PRO)).isEqualTo(RateLimit.perMinute(600));
            assertThat(c.rateLimit(Plan.ENTERPRISE)).isEqualTo(RateLimit.perMinute(6000));
            assertThat(c.defaultExpiry()).isEqualTo(java.time.Duration.ofSeconds(900));
            assertThat(c.maxExpiry()).isEqualTo(java.time.Duration.ofSeconds(86400));
            assertThat(c.maxBodyBytes()).isEqualTo(65536);
            assertThat(c.pendingCacheTtl()).isEqualTo(java.time.Duration.ofSeconds(2));
        }

        @Test
        @DisplayName("every setting is read")
        void everything() {
            ServerSettings s = read(
                    Map.ofEntries(
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
                            Map.entry("BAKONGPAY_PENDING_CACHE_MILLIS", "0"),
                            Map.entry("BAKONGPAY_SIMULATOR_ENABLED", "true")),
                    Command.SERVE);
            dev.bakongpay.core.config.BakongPayConfig c = s.core();
            assertThat(s.port()).isEqualTo(9000);
            assertThat(s.db().url()).isEqualTo("jdbc:postgresql://db/bakongpay");
            assertThat(s.db().embeddedDefault()).isFalse();
            assertThat(s.redisUrl()).isEqualTo("redis://cache:6379");
            assertThat(c.apiKeys())
                    .containsEntry("bk_live_abcdefgh12", Plan.PRO)
                    .containsEntry("bk_test_zzzzzzzz", Plan.FREE);
            assertThat(s.live().baseUrl()).hasToString("http://127.0.0.1:9090");
            assertThat(s.live().renewEmail()).isEqualTo("ops@shop.kh");
            assertThat(s.live().proxy()).isEqualTo(java.net.URI.create("http://proxy.kh:3128"));
            assertThat(c.bakongProxy()).isEqualTo(java.net.URI.create("http://proxy.kh:3128"));
            assertThat(c.rateLimit(Plan.ENTERPRISE)).isEqualTo(RateLimit.perSecond(100));
            assertThat(c.defaultExpiry()).isEqualTo(java.time.Duration.ofSeconds(600));
            assertThat(c.maxExpiry()).isEqualTo(java.time.Duration.ofSeconds(3600));
            assertThat(c.maxBodyBytes()).isEqualTo(2048);
            assertThat(c.pendingCacheTtl()).isZero();
            assertThat(c.toString()).doesNotContain("bk_live_abcdefgh12", "eyJ.token");
            assertThat(s.toString()).doesNotContain("bk_live_abcdefgh12", "eyJ.token");
        }

        @Test
        @DisplayName("an empty BAKONGPAY_RATE_LIMITS means the defaults; a partial one keeps the others")
        void partialLimits() {
            assertThat(read(Map.of("BAKONGPAY_RATE_LIMITS", ""), Command.SERVE).rateLimits())
                    .isEqualTo(dev.bakongpay.core.config.BakongPayConfig.defaultRateLimits());
            assertThat(read(Map.of("BAKONGPAY_RATE_LIMITS", "PRO=5/h"), Command.SERVE)
                            .rateLimits())
                    .containsEntry(Plan.PRO, RateLimit.perHour(5))
                    .containsEntry(Plan.FREE, RateLimit.perMinute(60));
        }

        @Test
        @DisplayName(
                "every bad setting is reported at once, in one pinned format, in the order of the table, with keys redacted")
        void allProblems() {
            assertThatThrownBy(() -> read(
                            Map.of(
                                    "BAKONGPAY_PORT", "eighty",
                                    "BAKONGPAY_RATE_LIMITS", "PRO=ten/s",
                                    "BAKONGPAY_API_KEYS", "bk_live_secret123=GOLD",
                                    "BAKONGPAY_BAKONG_URL", "nbc",
                                    "BAKONGPAY_DB_URL", "postgres://x"),
                            Command.SERVE))
                    .isInstanceOfSatisfying(
                            ConfigurationException.class,
                            e -> assertThat(e.problems())
                                    .containsExactly(
                                            "BAKONGPAY_PORT was 'eighty' but it must be a whole number from 0 to 65535 (0 picks a free port)",
                                            "BAKONGPAY_API_KEYS was 'bk_live_…=GOLD' but it must look like bk_live_…=PLAN or bk_test_…=PLAN "
                                                    + "(at least 8 letters, digits, _ or - after the prefix; PLAN FREE, PRO or ENTERPRISE)",
                                            "BAKONGPAY_DB_URL was 'postgres://x' but it must be a JDBC URL starting with jdbc:",
                                            "BAKONGPAY_RATE_LIMITS was 'PRO=ten/s' but it must look like PLAN=N/s|m|h",
                                            "BAKONGPAY_BAKONG_URL was 'nbc' but it must be an absolute http:// or https:// URL"))
                    .hasMessageStartingWith("BakongPay configuration has 5 problems:\n  - BAKONGPAY_PORT was 'eighty'");
        }

        @Test
        @DisplayName("a default expiry above the maximum is refused")
        void expiryOrder() {
            assertThatThrownBy(() -> read(
                            Map.of("BAKONGPAY_DEFAULT_EXPIRY_SECONDS", "7200", "BAKONGPAY_MAX_EXPIRY_SECONDS", "3600"),
                            Command.SERVE))
                    .hasMessageContaining(
                            "BAKONGPAY_DEFAULT_EXPIRY_SECONDS was '7200' but it must not exceed BAKONGPAY_MAX_EXPIRY_SECONDS (3600)");
        }

        @Test
        @DisplayName(
                "a key listed twice, a bad e-mail, a proxy without a port and out-of-range numbers are each reported")
        void moreMistakes() {
            assertThatThrownBy(() -> read(
                            Map.of(
                                    "BAKONGPAY_API_KEYS", "bk_live_abcdefgh12=PRO,bk_live_abcdefgh12=FREE",
                                    "BAKONGPAY_BAKONG_EMAIL", "not-an-address",
                                    "BAKONGPAY_BAKONG_PROXY", "proxy.kh",
                                    "BAKONGPAY_MAX_BODY_BYTES", "100",
                                    "BAKONGPAY_PENDING_CACHE_MILLIS", "-1",
                                    "BAKONGPAY_HOST", "a b"),
                            Command.SERVE))
                    .hasMessageContaining("BAKONGPAY_API_KEYS was 'bk_live_…' but it must list each key once")
                    .hasMessageContaining(
                            "BAKONGPAY_BAKONG_EMAIL was 'not-an-address' but it must be the e-mail address registered with NBC")
                    .hasMessageContaining(
                            "BAKONGPAY_BAKONG_PROXY was 'proxy.kh' but it must be host:port or http://host:port")
                    .hasMessageContaining(
                            "BAKONGPAY_MAX_BODY_BYTES was '100' but it must be a whole number of bytes from 1024 to 16777216")
                    .hasMessageContaining(
                            "BAKONGPAY_PENDING_CACHE_MILLIS was '-1' but it must be a whole number of milliseconds from 0 to 60000")
                    .hasMessageContaining("BAKONGPAY_HOST was 'a b' but it must be an interface address")
                    .message()
                    .doesNotContain("abcdefgh12");
        }
    }

    @Nested
    @DisplayName("webhooks")
    class Webhooks {
        @Test
        @DisplayName("off unless BAKONGPAY_WEBHOOK_URL is set (an empty value counts as unset)")
        void offByDefault() {
            assertThat(ServerSettingsTest.read(Map.of(), Command.SERVE).webhook())
                    .isNull();
            assertThat(ServerSettingsTest.read(
                                    Map.of("BAKONGPAY_WEBHOOK_URL", "", "BAKONGPAY_WEBHOOK_MAX_ATTEMPTS", "3"),
                                    Command.SERVE)
                            .webhook())
                    .isNull();
        }

        @Test
        @DisplayName(
                "URL kept exactly as given, secret read, 8 attempts unless BAKONGPAY_WEBHOOK_MAX_ATTEMPTS says otherwise")
        void readsAll() {
            ServerSettings s = ServerSettingsTest.read(
                    Map.of(
                            "BAKONGPAY_WEBHOOK_URL",
                            "https://shop.example/hooks/bakongpay/",
                            "BAKONGPAY_WEBHOOK_SECRET",
                            "whsec_0123456789abcdef"),
                    Command.SERVE);
            assertThat(s.webhook().url()).hasToString("https://shop.example/hooks/bakongpay/");
            assertThat(s.webhook().secret()).isEqualTo("whsec_0123456789abcdef");
            assertThat(s.webhook().maxAttempts()).isEqualTo(8);
            assertThat(s.toString()).doesNotContain("whsec_0123456789abcdef");
            assertThat(ServerSettingsTest.read(
                                    Map.of(
                                            "BAKONGPAY_WEBHOOK_URL",
                                            "http://127.0.0.1:8000/h",
                                            "BAKONGPAY_WEBHOOK_SECRET",
                                            "s",
                                            "BAKONGPAY_WEBHOOK_MAX_ATTEMPTS",
                                            "20"),
                                    Command.SERVE)
                            .webhook()
                            .maxAttempts())
                    .isEqualTo(20);
        }

        @Test
        @DisplayName(
                "a URL without its secret, a bad URL and a bad attempt count are reported together, the secret never")
        void mistakes() {
            assertThatThrownBy(() -> ServerSettingsTest.read(
                            Map.of("BAKONGPAY_WEBHOOK_URL", "https://shop.example/hooks"), Command.SERVE))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage(
                            "BakongPay configuration: BAKONGPAY_WEBHOOK_SECRET is missing but BAKONGPAY_WEBHOOK_URL is set:"
                                    + " give the secret the shop verifies each webhook's signature with");
            assertThatThrownBy(() -> ServerSettingsTest.read(
                            Map.of(
                                    "BAKONGPAY_WEBHOOK_URL",
                                    "shop.example/hooks",
                                    "BAKONGPAY_WEBHOOK_SECRET",
                                    "whsec_topsecret_value",
                                    "BAKONGPAY_WEBHOOK_MAX_ATTEMPTS",
                                    "0"),
                            Command.SERVE))
                    .hasMessageContaining(
                            "BAKONGPAY_WEBHOOK_URL was 'shop.example/hooks' but it must be an absolute http:// or"
                                    + " https:// URL (empty turns webhooks off)")
                    .hasMessageContaining(
                            "BAKONGPAY_WEBHOOK_MAX_ATTEMPTS was '0' but it must be a whole number of attempts from 1 to 50")
                    .message()
                    .doesNotContain("whsec_topsecret_value");
        }
    }
}
