package dev.bakongpay.server;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.runtime.ServerRuntime;
import dev.bakongpay.testsupport.Jwts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("serve")
class ServeTest {
    @TempDir
    Path dataDir;

    private ServerRuntime runtime;
    private EmbeddedJetty jetty;

    /** What {@code java -jar … serve} does, in this JVM, on a free port. */
    private String serve(Map<String, String> env) throws Exception {
        Map<String, String> all = new HashMap<>(env);
        all.put("BAKONGPAY_PORT", "0");
        all.put("BAKONGPAY_HOST", "127.0.0.1");
        all.put("BAKONGPAY_DATA_DIR", dataDir.toString());
        ServerSettings settings =
                ServerSettings.read(ConfigLookup.builder().environment(all).build(), ServerSettings.Command.SERVE);
        runtime = ServerRuntime.open(settings, Clock.systemUTC());
        jetty = EmbeddedJetty.start(runtime);
        return jetty.localUrl().toString();
    }

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) jetty.close();
        if (runtime != null) runtime.close();
    }

    @Nested
    @DisplayName("on the embedded H2 file store")
    class H2 {
        @Test
        @DisplayName("/health answers UP with the store, the limiter and each upstream")
        void healthUp() throws Exception {
            String token = Jwts.expiringAt(Instant.now().plusSeconds(86_400L * 30 + 60));
            String url = serve(Map.of("BAKONGPAY_BAKONG_TOKEN", token));
            given().baseUri(url)
                    .get("/health")
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", "no-store")
                    .body("status", equalTo("UP"))
                    .body("store", equalTo("jdbc"))
                    .body("limiter", equalTo("memory"))
                    .body("upstream.live.url", equalTo("https://api-bakong.nbc.gov.kh"))
                    .body("upstream.live.token", equalTo("set"))
                    .body("upstream.live.tokenDaysLeft", equalTo(30))
                    .body("upstream.test", org.hamcrest.Matchers.nullValue());
        }

        @Test
        @DisplayName("/health answers 503 DOWN once the store stops answering")
        void healthDown() throws Exception {
            String url = serve(Map.of());
            runtime.storage().close();
            given().baseUri(url)
                    .get("/health")
                    .then()
                    .statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("problem", startsWith("StoreException"));
        }

        @Test
        @DisplayName(
                "the checkout page of a stored transaction shows its merchant and amount; an unknown one is a 404 page")
        void checkoutPage() throws Exception {
            String url = serve(Map.of());
            String qr = dev.bakongpay.core.khqr.Khqr.encode(
                            dev.bakongpay.core.khqr.KhqrPayload.individual("coffee@aclb")
                                    .merchantName("Coffee Corner")
                                    .currency(dev.bakongpay.core.khqr.KhqrCurrency.USD)
                                    .amount(new java.math.BigDecimal("1.50"))
                                    .expiresAt(Instant.now().plusSeconds(600))
                                    .build())
                    .qr();
            java.util.UUID id = java.util.UUID.randomUUID();
            runtime.storage()
                    .transactions()
                    .insert(dev.bakongpay.spi.Transaction.builder()
                            .id(id)
                            .merchantId("m-1")
                            .mode(dev.bakongpay.spi.PaymentMode.TEST)
                            .md5(dev.bakongpay.core.khqr.Khqr.md5(qr))
                            .qrString(qr)
                            .amount(new java.math.BigDecimal("1.50"))
                            .currency("USD")
                            .bakongId("coffee@aclb")
                            .merchantName("Coffee Corner")
                            .createdAt(Instant.now())
                            .expiresAt(Instant.now().plusSeconds(600))
                            .attributes(Map.of())
                            .build());
            given().baseUri(url)
                    .get("/pay/" + id + "?lang=en")
                    .then()
                    .statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("Coffee Corner"))
                    .body(org.hamcrest.Matchers.containsString("1.50"));
            given().baseUri(url)
                    .get("/pay/" + java.util.UUID.randomUUID())
                    .then()
                    .statusCode(404);
        }

        @Test
        @DisplayName("seeded keys are stored as their SHA-256 only, in the mode their prefix says")
        void keysHashed() throws Exception {
            serve(Map.of("BAKONGPAY_API_KEYS", "bk_live_0123456789abcdef=PRO"));
            var key = new dev.bakongpay.server.config.SeedKey("bk_live_0123456789abcdef", dev.bakongpay.spi.Plan.PRO);
            var stored = runtime.storage().apiKeys().findByHash(key.sha256()).orElseThrow();
            org.assertj.core.api.Assertions.assertThat(stored.mode()).isEqualTo(dev.bakongpay.spi.PaymentMode.LIVE);
            org.assertj.core.api.Assertions.assertThat(stored.plan()).isEqualTo(dev.bakongpay.spi.Plan.PRO);
            org.assertj.core.api.Assertions.assertThat(stored.toString()).doesNotContain("bk_live_0123456789abcdef");
        }
    }

    @Nested
    @DisplayName("on PostgreSQL")
    class PostgreSQL {
        @Test
        @DisplayName("/health answers UP with the jdbc store")
        void healthUp() throws Exception {
            String url = serve(Map.of("BAKONGPAY_DB_URL", TestPostgres.freshSchemaUrl()));
            given().baseUri(url)
                    .get("/health")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("store", equalTo("jdbc"));
        }
    }
}
