package dev.bakongpay.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.adapters.webhook.WebhookSignature.Result;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Webhook signatures")
class WebhookSignatureTest {
    private static final String SECRET = "whsec_test_secret";
    private static final String BODY = "{\"id\":\"evt\",\"amount\":25.00}";
    private static final long T = 1764489600L;
    private static final Instant NOW = Instant.ofEpochSecond(T);

    @Test
    @DisplayName(
            "the header is t=<seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">, the same as any other HMAC library computes")
    void knownVector() {
        // computed independently: python3 hmac.new(b'whsec_test_secret', b'1764489600.' + body, sha256).hexdigest()
        assertThat(WebhookSignature.header(SECRET, T, BODY))
                .isEqualTo("t=1764489600,v1=c430d7c295a0e0b3aca8cb0dd678eaa6deb0d5de6fa7903145989f05a45e3ff3");
    }

    @Test
    @DisplayName("a genuine signature verifies, on the text and on the raw bytes, within the tolerance either way")
    void accepts() {
        String header = WebhookSignature.header(SECRET, T, BODY);
        assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, BODY.getBytes(StandardCharsets.UTF_8), NOW.plusSeconds(299)))
                .isTrue();
        assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW.minusSeconds(299)))
                .isTrue();
    }

    @Test
    @DisplayName(
            "a changed body, another secret, an old or future timestamp, or a garbled header is rejected, with the reason")
    void rejects() {
        String header = WebhookSignature.header(SECRET, T, BODY);
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        Duration tol = WebhookSignature.DEFAULT_TOLERANCE;
        assertThat(WebhookSignature.check(
                        SECRET, header, BODY.replace("25.00", "2500").getBytes(StandardCharsets.UTF_8), NOW, tol))
                .isEqualTo(Result.MISMATCH);
        assertThat(WebhookSignature.check("whsec_other", header, body, NOW, tol))
                .isEqualTo(Result.MISMATCH);
        assertThat(WebhookSignature.check(SECRET, header, body, NOW.plusSeconds(301), tol))
                .isEqualTo(Result.STALE);
        assertThat(WebhookSignature.check(SECRET, header, body, NOW.minusSeconds(301), tol))
                .isEqualTo(Result.STALE);
        assertThat(WebhookSignature.check(SECRET, header.replace("t=1764489600", "t=1764489601"), body, NOW, tol))
                .isEqualTo(Result.MISMATCH); // the timestamp is signed too
        assertThat(WebhookSignature.check(SECRET, null, body, NOW, tol)).isEqualTo(Result.MALFORMED);
        assertThat(WebhookSignature.check(SECRET, "v1=abcd", body, NOW, tol)).isEqualTo(Result.MALFORMED);
        assertThat(WebhookSignature.check(SECRET, "t=x,v1=abcd", body, NOW, tol))
                .isEqualTo(Result.MALFORMED);
        assertThat(WebhookSignature.check(SECRET, "t=1764489600,v1=zz", body, NOW, tol))
                .isEqualTo(Result.MALFORMED);
        assertThat(WebhookSignature.verify(SECRET, header, BODY, NOW.plus(Duration.ofHours(1))))
                .isFalse();
    }

    @Test
    @DisplayName("with several v1 entries (a secret being rotated) one match is enough")
    void rotation() {
        String old = WebhookSignature.header("whsec_old", T, BODY);
        String current = WebhookSignature.header(SECRET, T, BODY);
        String both = old + "," + current.substring(current.indexOf("v1="));
        assertThat(WebhookSignature.verify(SECRET, both, BODY, NOW)).isTrue();
        assertThat(WebhookSignature.verify("whsec_old", both, BODY, NOW)).isTrue();
        assertThat(WebhookSignature.verify("whsec_third", both, BODY, NOW)).isFalse();
    }
}
