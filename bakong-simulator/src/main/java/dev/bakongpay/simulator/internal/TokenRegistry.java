package dev.bakongpay.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens the way NBC hands them out: {@code renew_token} issues a JWT (HS256, with
 * {@code iat}, {@code exp} and {@code data.id} like NBC's samples) that stops working at its
 * expiry on the simulator's clock. A fixed token, when configured, never expires: it stands for
 * the token a developer pastes into a configuration file.
 */
public final class TokenRegistry {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String fixedToken;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Long> expiryByToken = new ConcurrentHashMap<>();
    private final byte[] secret = new byte[32];
    private final SecureRandom random = new SecureRandom();
    private volatile Runnable onChange = () -> {};

    public TokenRegistry(String fixedToken, Duration lifetime, Clock clock) {
        this.fixedToken = fixedToken == null || fixedToken.isBlank() ? null : fixedToken;
        this.lifetime = lifetime;
        this.clock = clock;
        random.nextBytes(secret);
    }

    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    public record IssuedToken(String token, long expiresAtMs) {}

    /** Issues a token for {@code email}; the address itself is not kept, as NBC only mails the token to it. */
    public IssuedToken issue(String email) {
        long now = clock.millis();
        long expiresAt = now + lifetime.toMillis();
        String header = encode("{\"typ\":\"JWT\",\"alg\":\"HS256\"}");
        byte[] idBytes = new byte[8];
        random.nextBytes(idBytes);
        String id = java.util.HexFormat.of().formatHex(idBytes).substring(0, 15); // NBC's ids are 15 hex digits
        String payload = encode(
                "{\"exp\":" + expiresAt / 1000 + ",\"iat\":" + now / 1000 + ",\"data\":{\"id\":\"" + id + "\"}}");
        String token = header + "." + payload + "." + sign(header + "." + payload);
        expiryByToken.put(token, expiresAt);
        onChange.run();
        return new IssuedToken(token, expiresAt);
    }

    /** Whether an {@code Authorization} header value carries a token that works now. */
    public boolean authorizes(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String token = authorization.substring(7).trim();
        if (token.equals(fixedToken)) {
            return true;
        }
        Long expiresAt = expiryByToken.get(token);
        return expiresAt != null && clock.millis() < expiresAt;
    }

    public Map<String, Long> issued() {
        return Map.copyOf(expiryByToken);
    }

    public void restore(Map<String, Long> tokens) {
        expiryByToken.putAll(tokens);
    }

    public void clear() {
        expiryByToken.clear();
        onChange.run();
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private String sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
