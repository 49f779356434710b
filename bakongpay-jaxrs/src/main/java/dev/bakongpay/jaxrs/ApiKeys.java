package dev.bakongpay.jaxrs;

import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.ApiKeyStore;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import java.time.Instant;
import java.util.Map;

/**
 * API keys as the endpoints see them: {@code bk_live_…} or {@code bk_test_…}, stored only as
 * their SHA-256.
 */
public final class ApiKeys {
    private static final int MAX_SECRET_LENGTH = 200;

    private ApiKeys() {}

    /** Whether {@code key} has the shape of an API key. */
    public static boolean wellFormed(String key) {
        // bk_(live|test)_[A-Za-z0-9_-]{1,200}, as a loop: it runs on every request
        if (key == null || !(key.startsWith("bk_live_") || key.startsWith("bk_test_"))) return false;
        int length = key.length() - "bk_live_".length();
        if (length < 1 || length > MAX_SECRET_LENGTH) return false;
        for (int i = "bk_live_".length(); i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) return false;
        }
        return true;
    }

    /** SHA-256 of the key's UTF-8 bytes, 64 lower-case hex digits. */
    public static String hash(String key) {
        return dev.bakongpay.core.admin.ApiKeyAdmin.hash(key);
    }

    /** TEST for {@code bk_test_…}, LIVE for {@code bk_live_…}. */
    public static PaymentMode mode(String key) {
        return key.startsWith("bk_test_") ? PaymentMode.TEST : PaymentMode.LIVE;
    }

    /**
     * Stores configured keys (from {@code BAKONGPAY_API_KEYS}) hashed. Each key acts for its own
     * merchant, {@code key_<first 16 hex of its hash>}, since a variable cannot say more; a host
     * with real merchants saves {@link ApiKeyRecord}s itself. Keys already stored keep their
     * merchant and creation time, and take the configured plan.
     */
    public static void seed(ApiKeyStore store, Map<String, Plan> keys, Instant now) {
        keys.forEach((key, plan) -> {
            if (!wellFormed(key)) throw new IllegalArgumentException("API keys must look like bk_live_… or bk_test_…");
            String h = hash(key);
            ApiKeyRecord r = store.findByHash(h)
                    .map(old -> old.withPlan(plan))
                    .orElseGet(
                            () -> new ApiKeyRecord(h, "key_" + h.substring(0, 16), plan, mode(key), true, now, null));
            store.save(r);
        });
    }
}
