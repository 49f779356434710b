package dev.bakongpay.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bakongpay.adapters.webhook.WebhookSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookVerifierTest {
    /** The vectors every SDK checks itself against, made by the server's signer. */
    private static final Path VECTORS = Path.of("..", "webhook-signature-vectors.json");

    static Stream<Arguments> vectors() throws IOException {
        JsonNode root = new ObjectMapper().readTree(VECTORS.toFile());
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            cases.add(Arguments.of(
                    c.get("name").asText(),
                    c.get("secret").asText(),
                    c.get("header").asText(),
                    c.get("body").asText(),
                    Instant.ofEpochSecond(root.get("now").asLong()),
                    Duration.ofSeconds(root.get("tolerance_seconds").asLong()),
                    c.get("expected").asText()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void agrees_with_the_shared_vectors(
            String name, String secret, String header, String body, Instant now, Duration tolerance, String expected) {
        WebhookVerifier.Verdict verdict =
                WebhookVerifier.check(secret, header, body.getBytes(StandardCharsets.UTF_8), now, tolerance);

        assertThat(verdict.name().toLowerCase(Locale.ROOT)).as(name).isEqualTo(expected);
    }

    @Test
    void accepts_what_the_server_signs_now_and_nothing_else() {
        Instant now = Instant.now();
        String body = "{\"id\":\"tx-1:SUCCESS\",\"type\":\"payment.succeeded\",\"amount\":1.50}";
        String header = WebhookSignature.header("whsec_live", now.getEpochSecond(), body);
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookVerifier.verify("whsec_live", header, raw, now)).isTrue();
        assertThat(WebhookVerifier.verify("whsec_other", header, raw, now)).isFalse();
        assertThat(WebhookVerifier.verify(
                        "whsec_live", header, body.replace("1.50", "150").getBytes(), now))
                .isFalse();
        assertThat(WebhookVerifier.verify("whsec_live", header, raw, now.plus(Duration.ofMinutes(6))))
                .isFalse();
        assertThat(WebhookVerifier.verify("whsec_live", null, raw, now)).isFalse();
    }
}
