package dev.bakongpay.core.bakong.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bakongpay.core.bakong.BakongTransaction;
import dev.bakongpay.core.bakong.BakongUnavailableException;
import dev.bakongpay.core.bakong.TransactionCheckResult;
import dev.bakongpay.core.bakong.UpstreamMutations;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded property test of the parser alone: random and mutated envelopes, payments and md5-list
 * answers never make it throw anything but its own exceptions, and every amount it lets through
 * is bounded (at most 100 digits either side of the point), so no later arithmetic can blow up.
 */
@DisplayName("NbcJson: random upstream JSON (seeded)")
class NbcJsonPropertiesTest {

    private static void assertBounded(BakongTransaction t) {
        BigDecimal a = t.amount();
        assertThat(a.scale()).isLessThanOrEqualTo(NbcJson.MAX_NUMBER_DIGITS);
        assertThat(a.precision() - a.scale()).isLessThanOrEqualTo(NbcJson.MAX_NUMBER_DIGITS);
        assertThat(t.hash()).hasSize(64);
        assertThat(t.toAccountId()).hasSizeLessThanOrEqualTo(NbcJson.MAX_ID_CHARS);
    }

    @Test
    @DisplayName("20,000 random payments and envelopes: a transaction, Unusable, or no envelope; nothing else escapes")
    void payments() {
        Random random = new Random(14L);
        int[] outcomes = new int[3];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 20_000; i++) {
                String data = UpstreamMutations.data(random);
                String body = random.nextInt(10) == 0
                        ? data
                        : "{\"responseCode\":0,\"errorCode\":null,\"data\":" + data + "}";
                Optional<NbcJson.Envelope> envelope = NbcJson.envelope(body.getBytes(StandardCharsets.UTF_8));
                if (envelope.isEmpty()) {
                    outcomes[0]++;
                    continue;
                }
                try {
                    assertBounded(NbcJson.transaction(envelope.get().data()));
                    outcomes[1]++;
                } catch (NbcJson.Unusable e) {
                    assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(200);
                    outcomes[2]++;
                }
            }
        });
        assertThat(java.util.Arrays.stream(outcomes).boxed().toList())
                .as("no envelope, transaction, unusable")
                .allMatch(n -> n > 500);
    }

    @Test
    @DisplayName(
            "2,000 random md5-list answers: one result per md5 asked, or BakongUnavailableException for the whole answer")
    void lists() {
        Random random = new Random(1406L);
        List<String> asked = List.of("0".repeat(31) + "1", "0".repeat(31) + "2", "0".repeat(31) + "3");
        CheckCache cache = new CheckCache(Clock.systemUTC(), Duration.ZERO, Duration.ZERO);
        int[] unusable = new int[1];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 2_000; i++) {
                List<String> items = new ArrayList<>();
                for (int k = random.nextInt(6); k > 0; k--) {
                    String md5 = random.nextInt(8) == 0
                            ? UpstreamMutations.value(random)
                            : "\"" + asked.get(random.nextInt(3)) + "\"";
                    String status = random.nextInt(8) == 0
                            ? UpstreamMutations.value(random)
                            : "\""
                                    + List.of("SUCCESS", "FAILED", "NOT_FOUND", "STATIC_QR", "success")
                                            .get(random.nextInt(5))
                                    + "\"";
                    items.add(
                            random.nextInt(20) == 0
                                    ? UpstreamMutations.value(random)
                                    : "{\"md5\":" + md5 + ",\"status\":" + status + ",\"message\":null,\"data\":"
                                            + UpstreamMutations.data(random) + "}");
                }
                String body = "{\"responseCode\":0,\"data\":[" + String.join(",", items) + "]}";
                Optional<NbcJson.Envelope> envelope = NbcJson.envelope(body.getBytes(StandardCharsets.UTF_8));
                if (envelope.isEmpty()) continue;
                try {
                    Map<String, TransactionCheckResult> results = Md5ListAnswer.read(envelope.get(), asked, cache);
                    assertThat(results.keySet()).containsExactlyInAnyOrderElementsOf(asked);
                    for (TransactionCheckResult r : results.values()) {
                        r.foundTransaction().ifPresent(NbcJsonPropertiesTest::assertBounded);
                        if (r.status() == TransactionCheckResult.Status.UNUSABLE) unusable[0]++;
                    }
                } catch (BakongUnavailableException e) {
                    assertThat(e.getMessage()).doesNotContain("Exception");
                }
            }
        });
        assertThat(unusable[0]).isGreaterThan(100);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1e100000", "1e999999999", "-1e2147483647", "1E-2147483648", "1e99999999999999999999"})
    @DisplayName("an absurd exponent is out of range by its text, at once, never expanded")
    void absurdExponents(String text) {
        JsonNode node = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> NbcJson.number(text, false));
        assertThat(node.isPojo()).isTrue();
        assertThat(node.isNumber()).isFalse();
    }

    @Test
    @DisplayName("a million-digit number is out of range by its length, at once")
    void millionDigits() {
        String body = "{\"responseCode\":0,\"data\":{\"amount\":" + "9".repeat(1_000_000) + "}}";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            Optional<NbcJson.Envelope> envelope = NbcJson.envelope(body.getBytes(StandardCharsets.UTF_8));
            assertThat(envelope).isPresent(); // still NBC's envelope: only this payment is unusable
            assertThat(envelope.get().data().get("amount").isPojo()).isTrue();
        });
    }
}
