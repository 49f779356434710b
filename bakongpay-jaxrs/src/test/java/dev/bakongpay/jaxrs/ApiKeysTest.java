package dev.bakongpay.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.memory.MemoryApiKeyStore;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("API keys")
class ApiKeysTest {
    final Instant now = Instant.parse("2026-11-28T00:00:00Z");

    @Test
    @DisplayName("are stored as SHA-256 only, with the mode of their prefix and a merchant of their own")
    void seed() {
        MemoryApiKeyStore store = new MemoryApiKeyStore();
        ApiKeys.seed(store, Map.of("bk_live_abcdefgh", Plan.PRO, "bk_test_abcdefgh", Plan.FREE), now);
        ApiKeyRecord live = store.findByHash(ApiKeys.hash("bk_live_abcdefgh")).orElseThrow();
        assertThat(live.keyHash()).hasSize(64).doesNotContain("bk_live");
        assertThat(live.mode()).isEqualTo(PaymentMode.LIVE);
        assertThat(live.plan()).isEqualTo(Plan.PRO);
        assertThat(live.merchantId()).isEqualTo("key_" + live.keyHash().substring(0, 16));
        assertThat(store.findByHash(ApiKeys.hash("bk_test_abcdefgh"))
                        .orElseThrow()
                        .mode())
                .isEqualTo(PaymentMode.TEST);
    }

    @Test
    @DisplayName("seeding again changes the plan but keeps the merchant, the creation time and a revocation")
    void reseed() {
        MemoryApiKeyStore store = new MemoryApiKeyStore();
        ApiKeys.seed(store, Map.of("bk_live_abcdefgh", Plan.FREE), now);
        store.revoke(ApiKeys.hash("bk_live_abcdefgh"));
        ApiKeys.seed(store, Map.of("bk_live_abcdefgh", Plan.ENTERPRISE), now.plusSeconds(60));
        ApiKeyRecord r = store.findByHash(ApiKeys.hash("bk_live_abcdefgh")).orElseThrow();
        assertThat(r.plan()).isEqualTo(Plan.ENTERPRISE);
        assertThat(r.active()).isFalse();
        assertThat(r.createdAt()).isEqualTo(now);
    }

    @Test
    @DisplayName("must look like bk_live_… or bk_test_…")
    void format() {
        assertThat(ApiKeys.wellFormed("bk_live_x")).isTrue();
        assertThat(ApiKeys.wellFormed("sk_live_x")).isFalse();
        assertThat(ApiKeys.wellFormed("bk_live_")).isFalse();
        assertThatThrownBy(() -> ApiKeys.seed(new MemoryApiKeyStore(), Map.of("secret", Plan.FREE), now))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
