package dev.bakongpay.core.bakong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("BakongClient bulk md5 checks")
class BakongClientBulkTest {

    private static final String LIST = "/v1/check_transaction_by_md5_list";
    private static final String SINGLE = "/v1/check_transaction_by_md5";
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T00:00:00Z"));
    private NbcStandIn nbc;
    private BakongClient client;

    @BeforeEach
    void start() throws Exception {
        nbc = new NbcStandIn();
        client = BakongClient.create(BakongClientConfig.builder(nbc.baseUrl(), "test-token-123456")
                .retryBackoff(Duration.ZERO)
                .maxRetries(0)
                .clock(clock)
                .build());
    }

    @AfterEach
    void stop() {
        nbc.close();
    }

    static List<String> md5s(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> String.format("%032x", i + 1))
                .collect(Collectors.toList());
    }

    /** Answers a list call as NBC does: the first md5 paid, the second failed, the rest not found. */
    private static NbcStandIn.Reply listAnswer(NbcStandIn.Request request) {
        Matcher m = MD5.matcher(request.body());
        StringBuilder items = new StringBuilder();
        int i = 0;
        while (m.find()) {
            String md5 = m.group();
            String item = md5.equals(String.format("%032x", 1))
                    ? "{\"md5\":\"" + md5 + "\",\"status\":\"SUCCESS\",\"message\":\"ok\",\"data\":"
                            + NbcStandIn.TRANSACTION + "}"
                    : md5.equals(String.format("%032x", 2))
                            ? "{\"md5\":\"" + md5 + "\",\"status\":\"FAILED\",\"message\":\"failed\",\"data\":null}"
                            : "{\"md5\":\"" + md5
                                    + "\",\"status\":\"NOT_FOUND\",\"message\":\"not found\",\"data\":null}";
            items.append(i++ == 0 ? "" : ",").append(item);
        }
        return new NbcStandIn.Reply(
                200,
                "{\"responseCode\":0,\"responseMessage\":\"Success\",\"errorCode\":null,\"data\":[" + items + "]}");
    }

    @Test
    @DisplayName("up to 50 md5s take one list call with a bare JSON array, answers mapped per md5")
    void oneListCall() {
        nbc.on(LIST, BakongClientBulkTest::listAnswer);
        Map<String, TransactionCheckResult> results = client.checkTransactionsByMd5(md5s(50));
        assertThat(nbc.count(LIST)).isEqualTo(1);
        assertThat(nbc.requests.get(0).body()).startsWith("[\"" + String.format("%032x", 1) + "\",");
        assertThat(results).hasSize(50);
        assertThat(results.keySet()).containsExactlyElementsOf(md5s(50));
        assertThat(results.get(md5s(1).get(0)).transaction().toAccountId()).isEqualTo("chanvuthy_leap3@aclb");
        assertThat(results.get(md5s(2).get(1)).status()).isEqualTo(TransactionCheckResult.Status.FAILED);
        assertThat(results.get(md5s(3).get(2)).status()).isEqualTo(TransactionCheckResult.Status.NOT_FOUND);
    }

    @Test
    @DisplayName("more than 50 md5s are split into calls of at most 50")
    void chunks() {
        nbc.on(LIST, BakongClientBulkTest::listAnswer);
        assertThat(client.checkTransactionsByMd5(md5s(120))).hasSize(120);
        assertThat(nbc.requests)
                .extracting(r -> MD5.matcher(r.body()).results().count())
                .containsExactly(50L, 50L, 20L);
    }

    @Test
    @DisplayName("answers cached by earlier checks are not asked again; duplicates and case are folded")
    void usesCache() {
        nbc.answer(SINGLE, 200, NbcStandIn.NOT_FOUND);
        nbc.on(LIST, BakongClientBulkTest::listAnswer);
        client.checkTransactionByMd5(md5s(1).get(0));
        Map<String, TransactionCheckResult> results = client.checkTransactionsByMd5(
                List.of(md5s(1).get(0), md5s(3).get(2), md5s(3).get(2).toUpperCase()));
        assertThat(results).hasSize(2);
        assertThat(results.get(md5s(1).get(0)).status()).isEqualTo(TransactionCheckResult.Status.NOT_FOUND);
        assertThat(nbc.requests.get(1).body()).isEqualTo("[\"" + md5s(3).get(2) + "\"]");
    }

    @Test
    @DisplayName("an md5 missing from NBC's answer or with an unknown status reads as not found")
    void missingItems() {
        nbc.answer(
                LIST,
                200,
                "{\"responseCode\":0,\"responseMessage\":\"Success\",\"errorCode\":null,\"data\":[" + "{\"md5\":\""
                        + md5s(1).get(0) + "\",\"status\":\"STATIC_QR\",\"message\":null,\"data\":null}]}");
        Map<String, TransactionCheckResult> results = client.checkTransactionsByMd5(md5s(2));
        assertThat(results.values())
                .extracting(TransactionCheckResult::status)
                .containsOnly(TransactionCheckResult.Status.NOT_FOUND);
    }

    @Test
    @DisplayName("items without an md5 are skipped; a SUCCESS without a sane payment is UNUSABLE for that md5 only")
    void badItems() {
        nbc.answer(
                LIST,
                200,
                "{\"responseCode\":0,\"responseMessage\":\"Success\",\"errorCode\":null,\"data\":[{\"status\":\"SUCCESS\"},"
                        + "{\"md5\":\"" + md5s(1).get(0) + "\",\"status\":\"SUCCESS\",\"data\":{\"amount\":\"1\"}},"
                        + "{\"md5\":\"" + md5s(2).get(1) + "\",\"status\":\"SUCCESS\",\"data\":"
                        + NbcStandIn.TRANSACTION + "}]}");
        Map<String, TransactionCheckResult> results = client.checkTransactionsByMd5(md5s(3));
        assertThat(results.get(md5s(1).get(0)).status()).isEqualTo(TransactionCheckResult.Status.UNUSABLE);
        assertThat(results.get(md5s(2).get(1)).status()).isEqualTo(TransactionCheckResult.Status.FOUND);
        assertThat(results.get(md5s(3).get(2)).status()).isEqualTo(TransactionCheckResult.Status.NOT_FOUND);
    }

    @Test
    @DisplayName("a list answer that is not a list is asked again md5 by md5, without giving up the list call")
    void malformed() {
        nbc.answer(
                LIST,
                200,
                "{\"responseCode\":0,\"responseMessage\":\"Success\",\"errorCode\":null,\"data\":{\"x\":1}}");
        nbc.answer(SINGLE, 200, NbcStandIn.NOT_FOUND);
        assertThat(client.checkTransactionsByMd5(md5s(3)).values())
                .extracting(TransactionCheckResult::status)
                .containsOnly(TransactionCheckResult.Status.NOT_FOUND);
        assertThat(nbc.count(SINGLE)).isEqualTo(3);
        clock.advance(Duration.ofMinutes(1));
        client.checkTransactionsByMd5(md5s(3));
        assertThat(nbc.count(LIST)).isEqualTo(2); // still tried first: the next answer may be readable
    }

    @Test
    @DisplayName("when neither the list answer nor any single answer can be read, the call fails as a whole")
    void nothingReadable() {
        nbc.answer(LIST, 200, "<html>maintenance</html>");
        nbc.answer(SINGLE, 200, "<html>maintenance</html>");
        assertThatThrownBy(() -> client.checkTransactionsByMd5(md5s(3))).isInstanceOf(BakongUnavailableException.class);
        assertThat(nbc.count(SINGLE)).isEqualTo(3);
    }

    @Test
    @DisplayName("on HTTP 403 from the list call it falls back to single checks, at most 4 at a time, and remembers")
    void fallbackOn403() {
        nbc.answer(LIST, 403, "<html><head><title>403 Forbidden</title></head><body>nginx</body></html>");
        nbc.on(
                SINGLE,
                r -> r.body().contains(String.format("%032x", 1))
                        ? new NbcStandIn.Reply(200, NbcStandIn.FOUND)
                        : new NbcStandIn.Reply(200, NbcStandIn.NOT_FOUND));
        Map<String, TransactionCheckResult> results = client.checkTransactionsByMd5(md5s(20));
        assertThat(results).hasSize(20);
        assertThat(results.get(md5s(1).get(0)).status()).isEqualTo(TransactionCheckResult.Status.FOUND);
        assertThat(nbc.count(LIST)).isEqualTo(1);
        assertThat(nbc.count(SINGLE)).isEqualTo(20);
        assertThat(nbc.maxConcurrent(SINGLE)).isLessThanOrEqualTo(4);

        clock.advance(Duration.ofMinutes(1));
        client.checkTransactionsByMd5(md5s(20));
        assertThat(nbc.count(LIST))
                .as("the refused list call is not tried again")
                .isEqualTo(1);
        assertThat(nbc.count(SINGLE)).isEqualTo(39); // md5 #1 is FOUND, cached as final
    }

    @Test
    @DisplayName("other list failures are not hidden by the fallback")
    void otherFailures() {
        nbc.answer(LIST, 500, "down");
        assertThatThrownBy(() -> client.checkTransactionsByMd5(md5s(3)))
                .isInstanceOfSatisfying(
                        BakongUnavailableException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(500));
        assertThat(nbc.count(SINGLE)).isZero();
    }
}
