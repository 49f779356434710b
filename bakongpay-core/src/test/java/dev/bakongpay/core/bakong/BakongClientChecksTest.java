package dev.bakongpay.core.bakong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.testsupport.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("BakongClient paths and answers")
class BakongClientChecksTest {

    static final String MD5 = "d60f3db96913029a2af979a1662c1e72";
    static final String HASH = "9bc29426b5e55f171b0e137478d04eb8b8b3a757e0eb2040561ba4f9f052db95";

    private NbcStandIn nbc;
    private BakongClient client;

    @BeforeEach
    void start() throws Exception {
        nbc = new NbcStandIn();
        client = BakongClient.create(BakongClientConfig.builder(nbc.baseUrl(), "test-token-123456")
                .maxRetries(0)
                .retryBackoff(Duration.ZERO)
                .clock(new MutableClock(Instant.parse("2026-11-28T00:00:00Z")))
                .build());
    }

    @AfterEach
    void stop() {
        nbc.close();
    }

    @Nested
    @DisplayName("check_transaction_by_md5")
    class ByMd5 {

        @Test
        @DisplayName("a paid md5 is FOUND with every transaction field, the amount exact")
        void found() {
            nbc.answer("/v1/check_transaction_by_md5", 200, NbcStandIn.FOUND);
            TransactionCheckResult result = client.checkTransactionByMd5(MD5.toUpperCase());
            assertThat(result.status()).isEqualTo(TransactionCheckResult.Status.FOUND);
            assertThat(result.isFinal()).isTrue();
            assertThat(result.transaction())
                    .isEqualTo(new BakongTransaction(
                            HASH,
                            "abaakhppxxx@abaa",
                            "chanvuthy_leap3@aclb",
                            "KHR",
                            new BigDecimal("4400"),
                            null,
                            1756366775000L,
                            1756366777000L,
                            null,
                            null,
                            null,
                            null,
                            "100FT35340355905"));
            NbcStandIn.Request request = nbc.requests.get(0);
            assertThat(request.body()).isEqualTo("{\"md5\":\"" + MD5 + "\"}");
            assertThat(request.authorization()).isEqualTo("Bearer test-token-123456");
        }

        @Test
        @DisplayName("a fractional dollar amount keeps its exact decimal value")
        void exactAmount() {
            nbc.answer(
                    "/v1/check_transaction_by_md5", 200, NbcStandIn.FOUND.replace("\"amount\":4400", "\"amount\":0.1"));
            assertThat(client.checkTransactionByMd5(MD5).transaction().amount()).isEqualTo(new BigDecimal("0.1"));
        }

        @Test
        @DisplayName("errorCode 1 is NOT_FOUND, not final")
        void notFound() {
            nbc.answer("/v1/check_transaction_by_md5", 200, NbcStandIn.NOT_FOUND);
            TransactionCheckResult result = client.checkTransactionByMd5(MD5);
            assertThat(result.status()).isEqualTo(TransactionCheckResult.Status.NOT_FOUND);
            assertThat(result.isFinal()).isFalse();
            assertThat(result.foundTransaction()).isEmpty();
        }

        @Test
        @DisplayName("errorCode 3 is FAILED")
        void failed() {
            nbc.answer("/v1/check_transaction_by_md5", 200, NbcStandIn.FAILED);
            assertThat(client.checkTransactionByMd5(MD5).status()).isEqualTo(TransactionCheckResult.Status.FAILED);
        }

        @Test
        @DisplayName("an md5 that is not 32 hex digits is refused before any call")
        void invalidMd5() {
            assertThatThrownBy(() -> client.checkTransactionByMd5("xyz"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("32 hex digits");
            assertThat(nbc.requests).isEmpty();
        }
    }

    @Nested
    @DisplayName("Other paths")
    class OtherPaths {

        @Test
        @DisplayName("check_transaction_by_hash sends the full hash")
        void byHash() {
            nbc.answer("/v1/check_transaction_by_hash", 200, NbcStandIn.FOUND);
            assertThat(client.checkTransactionByHash(HASH).transaction().hash()).isEqualTo(HASH);
            assertThat(nbc.requests.get(0).body()).isEqualTo("{\"hash\":\"" + HASH + "\"}");
        }

        @Test
        @DisplayName("check_transaction_by_short_hash sends hash, amount and currency")
        void byShortHash() {
            nbc.answer("/v1/check_transaction_by_short_hash", 200, NbcStandIn.NOT_FOUND);
            assertThat(client.checkTransactionByShortHash("9BC29426", new BigDecimal("1.50"), "USD")
                            .status())
                    .isEqualTo(TransactionCheckResult.Status.NOT_FOUND);
            assertThat(nbc.requests.get(0).body())
                    .isEqualTo("{\"hash\":\"9bc29426\",\"amount\":1.50,\"currency\":\"USD\"}");
        }

        @Test
        @DisplayName("check_bakong_account answers exists, not found (11) and invalid (12)")
        void account() {
            nbc.answer(
                    "/v1/check_bakong_account",
                    200,
                    "{\"responseCode\":0,\"responseMessage\":\"Account ID exists\",\"errorCode\":null,\"data\":null}");
            assertThat(client.checkBakongAccount("john_smith@devb")).isEqualTo(BakongAccountStatus.EXISTS);
            assertThat(nbc.requests.get(0).body()).isEqualTo("{\"accountId\":\"john_smith@devb\"}");
            nbc.answer(
                    "/v1/check_bakong_account",
                    200,
                    "{\"responseCode\":1,\"responseMessage\":\"Account ID not found\",\"errorCode\":11,\"data\":null}");
            assertThat(client.checkBakongAccount("nobody@devb")).isEqualTo(BakongAccountStatus.NOT_FOUND);
            nbc.answer(
                    "/v1/check_bakong_account",
                    200,
                    "{\"responseCode\":1,\"responseMessage\":\"Invalid\",\"errorCode\":12,\"data\":null}");
            assertThat(client.checkBakongAccount("bad")).isEqualTo(BakongAccountStatus.INVALID);
        }

        @Test
        @DisplayName("generate_deeplink_by_qr answers the short link, or empty when NBC declines")
        void deepLink() {
            nbc.answer(
                    "/v1/generate_deeplink_by_qr",
                    200,
                    "{\"data\":{\"shortLink\":\"https://bakongsit.page.link/dGZAr1McBs1UaNmH9\"},"
                            + "\"errorCode\":null,\"responseCode\":0,\"responseMessage\":\"Getting deep link successfully\"}");
            assertThat(client.generateDeepLink(
                            "0002010102…", new DeepLinkSource("https://x/icon.png", "Shop", "https://x/done")))
                    .contains("https://bakongsit.page.link/dGZAr1McBs1UaNmH9");
            assertThat(nbc.requests.get(0).body())
                    .contains("\"qr\":\"0002010102…\"")
                    .contains("\"sourceInfo\":{")
                    .contains("\"appName\":\"Shop\"");
            nbc.answer(
                    "/v1/generate_deeplink_by_qr",
                    200,
                    "{\"data\":null,\"errorCode\":4,\"responseCode\":1,\"responseMessage\":\"Error occurred on requesting deeplink from provider.\"}");
            assertThat(client.generateDeepLink("0002010102…", null)).isEmpty();
        }
    }

    @Nested
    @DisplayName("Failures")
    class Failures {

        @Test
        @DisplayName("HTTP 401 with errorCode 6 is BakongUnauthorizedException")
        void unauthorized() {
            nbc.answer("/v1/check_transaction_by_md5", 401, NbcStandIn.UNAUTHORIZED);
            assertThatThrownBy(() -> client.checkTransactionByMd5(MD5))
                    .isInstanceOf(BakongUnauthorizedException.class)
                    .hasMessageContaining("expired");
        }

        @Test
        @DisplayName("errorCode 6 in an HTTP 200 answer is also unauthorized")
        void unauthorizedIn200() {
            nbc.answer("/v1/check_transaction_by_md5", 200, NbcStandIn.UNAUTHORIZED);
            assertThatThrownBy(() -> client.checkTransactionByMd5(MD5)).isInstanceOf(BakongUnauthorizedException.class);
        }

        @Test
        @DisplayName("a 5xx is BakongUnavailableException carrying the status")
        void serverError() {
            nbc.answer("/v1/check_transaction_by_hash", 503, "<html>down</html>");
            assertThatThrownBy(() -> client.checkTransactionByHash(HASH))
                    .isInstanceOfSatisfying(
                            BakongUnavailableException.class,
                            e -> assertThat(e.httpStatus()).isEqualTo(503));
        }

        @Test
        @DisplayName("a 403 names the Cambodian-network restriction")
        void forbidden() {
            nbc.answer("/v1/check_transaction_by_md5", 403, "<html>403 Forbidden</html>");
            assertThatThrownBy(() -> client.checkTransactionByMd5(MD5))
                    .isInstanceOf(BakongUnavailableException.class)
                    .hasMessageContaining("Cambodian networks");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "not json",
                    "",
                    "[]",
                    "{}",
                    "{\"responseCode\":\"0\"}",
                    "{\"responseCode\":0,\"errorCode\":\"x\"}",
                    "{\"responseCode\":1e99999999999}",
                    "{\"responseCode\":0,\"errorCode\":4294967297}",
                    "{\"responseCode\":0,\"responseCode\":1}",
                    "{\"responseCode\":0} trailing",
                    "{\"responseCode\":1,\"errorCode\":9,\"responseMessage\":\"Cannot connect to server.\"}"
                })
        @DisplayName(
                "a body that is not the envelope, or an unexpected errorCode, is BakongUnavailableException, never a NullPointerException")
        void malformed(String body) {
            nbc.answer("/v1/check_transaction_by_md5", 200, body);
            assertThatThrownBy(() -> client.checkTransactionByMd5(MD5)).isInstanceOf(BakongUnavailableException.class);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "{\"responseCode\":0,\"data\":null}",
                    "{\"responseCode\":0,\"data\":[1]}",
                    "{\"responseCode\":0,\"data\":{\"hash\":\"ab\",\"toAccountId\":\"a@b\",\"currency\":\"USD\"}}",
                    "{\"responseCode\":0,\"data\":{\"hash\":\"ab\",\"toAccountId\":\"a@b\",\"currency\":\"USD\",\"amount\":{}}}",
                    "{\"responseCode\":0,\"data\":{\"hash\":\"" + HASH
                            + "\",\"toAccountId\":\"a@b\",\"currency\":\"USD\",\"amount\":\"1\"}}",
                    "{\"responseCode\":0,\"data\":{\"hash\":\"" + HASH
                            + "\",\"toAccountId\":\"a@b\",\"currency\":\"USD\",\"amount\":1e100000}}",
                    "{\"responseCode\":0,\"data\":{\"hash\":\"" + HASH
                            + "\",\"toAccountId\":\"a@b\",\"currency\":\"USD\",\"amount\":1,"
                            + "\"acknowledgedDateMs\":\"x\"}}"
                })
        @DisplayName("a success whose payment is not sane is UNUSABLE, with the reason in our words, not final")
        void unusablePayment(String body) {
            nbc.answer("/v1/check_transaction_by_md5", 200, body);
            TransactionCheckResult result = client.checkTransactionByMd5(MD5);
            assertThat(result.status()).isEqualTo(TransactionCheckResult.Status.UNUSABLE);
            assertThat(result.isFinal()).isFalse();
            assertThat(result.transaction()).isNull();
            assertThat(result.message()).isNotBlank().doesNotContain("Exception");
        }

        @Test
        @DisplayName("fields only passed on (description, createdDateMs, ...) are dropped when odd, not fatal")
        void oddInfoFields() {
            nbc.answer(
                    "/v1/check_transaction_by_md5",
                    200,
                    NbcStandIn.FOUND
                            .replace("\"description\":null", "\"description\":{\"x\":1}")
                            .replace("\"createdDateMs\":1756366775000", "\"createdDateMs\":\"x\"")
                            .replace("\"trackingStatus\":null", "\"trackingStatus\":\"" + "t".repeat(5000) + "\""));
            BakongTransaction t = client.checkTransactionByMd5(MD5).transaction();
            assertThat(t.amount()).isEqualTo(new BigDecimal("4400"));
            assertThat(t.description()).isNull();
            assertThat(t.createdDateMs()).isNull();
            assertThat(t.trackingStatus()).isNull();
        }

        @Test
        @DisplayName("nothing listening is BakongUnavailableException")
        void connectionRefused() {
            int port = nbc.port();
            nbc.close();
            BakongClient offline =
                    BakongClient.create(BakongClientConfig.builder("http://127.0.0.1:" + port, "t0ken-123456789")
                            .maxRetries(0)
                            .build());
            assertThatThrownBy(() -> offline.checkTransactionByMd5(MD5))
                    .isInstanceOf(BakongUnavailableException.class)
                    .hasMessageContaining("cannot reach NBC")
                    .hasMessageContaining("connection refused")
                    .hasMessageNotContaining("java.")
                    .hasMessageNotContaining("Exception");
        }
    }
}
