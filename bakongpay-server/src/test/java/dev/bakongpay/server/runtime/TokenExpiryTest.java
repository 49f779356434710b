package dev.bakongpay.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

public class TokenExpiryTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

    public static String jwt(Instant exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"data\":{\"id\":\"x\"},\"iat\":1,\"exp\":" + exp.getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    @Test
    @DisplayName("an NBC token's days left come from its exp claim")
    void daysLeft() {
        assertThat(TokenExpiry.daysLeft(jwt(Instant.parse("2027-02-26T12:00:00Z")), NOW)).contains(90L);
        assertThat(TokenExpiry.daysLeft(jwt(Instant.parse("2026-11-27T00:00:00Z")), NOW)).contains(-1L);
    }

    @Test
    @DisplayName("a token that is no JWT has no known expiry")
    void notAJwt() {
        assertThat(TokenExpiry.daysLeft("plain-token", NOW)).isEmpty();
        assertThat(TokenExpiry.daysLeft("a.%%%.c", NOW)).isEmpty();
        assertThat(TokenExpiry.daysLeft(null, NOW)).isEmpty();
    }
}
