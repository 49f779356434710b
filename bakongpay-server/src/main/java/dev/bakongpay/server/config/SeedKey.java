package dev.bakongpay.server.config;

import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An API key to store at start-up. Only its SHA-256 reaches the store; the key itself is kept in
 * memory so that the sandbox can print it once.
 *
 * @param key  {@code bk_test_…} (TEST mode, simulator) or {@code bk_live_…} (LIVE mode, NBC)
 * @param plan the plan it is seeded with
 */
public record SeedKey(String key, Plan plan) {
    public static final String TEST_PREFIX = "bk_test_";
    public static final String LIVE_PREFIX = "bk_live_";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The shape {@code BAKONGPAY_API_KEYS} accepts (see {@link Settings#API_KEYS}). */
    private static final java.util.regex.Pattern SHAPE =
            java.util.regex.Pattern.compile("bk_(live|test)_[A-Za-z0-9_-]{8,200}");

    public SeedKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(plan, "plan");
        if (modeOf(key) == null)
            throw new IllegalArgumentException(
                    "an API key must be bk_test_ or bk_live_ and at least 8 letters, digits, _ or -");
    }

    /** A fresh test key with 160 random bits, as the sandbox hands out when none are configured. */
    public static SeedKey generateTest(Plan plan) {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return new SeedKey(TEST_PREFIX + HexFormat.of().formatHex(bytes), plan);
    }

    /** TEST for {@code bk_test_…}, LIVE for {@code bk_live_…}, null otherwise. */
    public static PaymentMode modeOf(String key) {
        if (!SHAPE.matcher(key).matches()) return null;
        return key.startsWith(TEST_PREFIX) ? PaymentMode.TEST : PaymentMode.LIVE;
    }

    public PaymentMode mode() {
        return modeOf(key);
    }

    public String sha256() {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A merchant id that stays the same for the same key across restarts and nodes. */
    public String merchantId() {
        return "merchant-" + sha256().substring(0, 12);
    }

    /** The key's prefix and first characters, safe for logs and error messages. */
    public static String redact(String key) {
        return key.length() <= 12 ? key.replaceAll(".", "*") : key.substring(0, 12) + "…";
    }

    @Override
    public String toString() {
        return "SeedKey[" + redact(key) + "=" + plan + "]";
    }
}
