package dev.bakongpay.server;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** NBC-shaped tokens: JWTs whose {@code exp} the server reports as days left. */
final class Jwts {
    private Jwts() {}

    static String expiringAt(Instant exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"data\":{\"id\":\"x\"},\"iat\":1,\"exp\":" + exp.getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8)) + ".sig";
    }
}
