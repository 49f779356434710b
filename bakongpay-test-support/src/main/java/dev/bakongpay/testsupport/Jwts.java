package dev.bakongpay.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * NBC-shaped access tokens: JWTs with an HS256 header, {@code exp}, {@code iat} (90 days before)
 * and {@code data.id}, signed with nothing anyone checks. Clients and the server read {@code exp}
 * to report the days a token has left.
 */
public final class Jwts {
    private Jwts() {}

    /** A token that expires at {@code exp}. */
    public static String expiringAt(Instant exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"exp\":" + exp.getEpochSecond() + ",\"iat\":"
                        + (exp.getEpochSecond() - 90L * 86400) + ",\"data\":{\"id\":\"d40731d3dc7b4e1\"}}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".IlDTDt_3qyxyHmBWRhVe_6CELt9gNAOxu_8hb5Ct1Wo";
    }
}
