package dev.bakongpay.core.bakong;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Unsigned-looking JWTs shaped like NBC's (HS256 header, {@code exp}, {@code iat}, {@code data.id}). */
final class Jwts {

    private Jwts() {
    }

    static String expiringAt(Instant exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"exp\":" + exp.getEpochSecond() + ",\"iat\":" + (exp.getEpochSecond() - 90L * 86400)
                + ",\"data\":{\"id\":\"d40731d3dc7b4e1\"}}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".IlDTDt_3qyxyHmBWRhVe_6CELt9gNAOxu_8hb5Ct1Wo";
    }
}
