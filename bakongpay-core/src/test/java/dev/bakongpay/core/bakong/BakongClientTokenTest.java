package dev.bakongpay.core.bakong;

import static dev.bakongpay.core.bakong.BakongClientChecksTest.MD5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.testsupport.Jwts;
import dev.bakongpay.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("BakongClient token and proxy")
class BakongClientTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");
    private static final String MD5_PATH = "/v1/check_transaction_by_md5";
    private static final String RENEW = "/v1/renew_token";

    private final MutableClock clock = new MutableClock(NOW);
    private NbcStandIn nbc;

    @BeforeEach
    void start() throws Exception {
        nbc = new NbcStandIn();
    }

    @AfterEach
    void stop() {
        nbc.close();
    }

    private BakongClient client(String token, String email) {
        return BakongClient.create(BakongClientConfig.builder(nbc.baseUrl(), token)
                .renewalEmail(email)
                .retryBackoff(Duration.ZERO)
                .maxRetries(0)
                .pendingCacheTtl(Duration.ZERO)
                .clock(clock)
                .build());
    }

    private static String renewed(String token) {
        return "{\"data\":{\"token\":\"" + token
                + "\"},\"errorCode\":null,\"responseCode\":0,\"responseMessage\":\"Token has been issued\"}";
    }

    @Nested
    @DisplayName("Expiry")
    class Expiry {

        @Test
        @DisplayName("reads exp from the JWT and counts whole days left")
        void daysLeft() {
            TokenStatus status = client(
                            Jwts.expiringAt(NOW.plus(Duration.ofDays(60)).plusSeconds(3600)), null)
                    .tokenStatus();
            assertThat(status.expiresAt())
                    .isEqualTo(NOW.plus(Duration.ofDays(60)).plusSeconds(3600));
            assertThat(status.daysLeft()).hasValue(60);
            assertThat(status.expiringSoon()).isFalse();
            assertThat(status.expired()).isFalse();
            assertThat(status.renewable()).isFalse();
        }

        @Test
        @DisplayName("NBC's documented sample token expired in 2021")
        void nbcSample() {
            TokenStatus status = client(
                            "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJleHAiOjE2MjUxMTE1NjIsImlhdCI6MTYxNzA3NjM2MiwiZGF0YSI6eyJpZCI6ImQ0MDczMWQzZGM3YjRlMSJ9fQ.IlDTDt_3qyxyHmBWRhVe_6CELt9gNAOxu_8hb5Ct1Wo",
                            null)
                    .tokenStatus();
            assertThat(status.expiresAt()).isEqualTo(Instant.ofEpochSecond(1625111562));
            assertThat(status.expired()).isTrue();
            assertThat(status.daysLeft().getAsLong()).isNegative();
        }

        @Test
        @DisplayName("within 14 days the token is expiring soon")
        void expiringSoon() {
            assertThat(client(Jwts.expiringAt(NOW.plus(Duration.ofDays(13))), null)
                            .tokenStatus()
                            .expiringSoon())
                    .isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"plain-opaque-token", "a.b.c", "aGVsbG8.eyJleHAiOiJzb29uIn0.x", "x.!!!.y", "a.e30.b"})
        @DisplayName("a token that is not a JWT with a numeric exp has an unknown expiry")
        void unknown(String token) {
            TokenStatus status = client(token, null).tokenStatus();
            assertThat(status.expiry()).isEmpty();
            assertThat(status.daysLeft()).isEmpty();
            assertThat(status.expiringSoon()).isFalse();
        }
    }

    @Nested
    @DisplayName("Renewal")
    class Renewal {

        @Test
        @DisplayName("on 401 with a renewal e-mail: renews once without a bearer token, swaps it and retries")
        void renewOn401() {
            String fresh = Jwts.expiringAt(NOW.plus(Duration.ofDays(90)));
            nbc.on(
                    MD5_PATH,
                    r -> ("Bearer " + fresh).equals(r.authorization())
                            ? new NbcStandIn.Reply(200, NbcStandIn.FOUND)
                            : new NbcStandIn.Reply(401, NbcStandIn.UNAUTHORIZED));
            nbc.answer(RENEW, 200, renewed(fresh));
            BakongClient client = client(Jwts.expiringAt(NOW.plus(Duration.ofDays(30))), "shop@example.com");

            assertThat(client.checkTransactionByMd5(MD5).status()).isEqualTo(TransactionCheckResult.Status.FOUND);
            assertThat(nbc.count(RENEW)).isEqualTo(1);
            NbcStandIn.Request renewal = nbc.requests.stream()
                    .filter(r -> r.path().equals(RENEW))
                    .findFirst()
                    .orElseThrow();
            assertThat(renewal.body()).isEqualTo("{\"email\":\"shop@example.com\"}");
            assertThat(renewal.authorization()).isNull();
            assertThat(client.tokenStatus().daysLeft()).hasValue(90);

            client.checkTransactionByMd5(MD5);
            assertThat(nbc.count(RENEW)).isEqualTo(1);
        }

        @Test
        @DisplayName("when the renewed token is refused too, the 401 surfaces after one renewal")
        void renewOnce() {
            nbc.answer(MD5_PATH, 401, NbcStandIn.UNAUTHORIZED);
            nbc.answer(RENEW, 200, renewed("another-token-123"));
            assertThatThrownBy(
                            () -> client("old-token-123456", "shop@example.com").checkTransactionByMd5(MD5))
                    .isInstanceOf(BakongUnauthorizedException.class);
            assertThat(nbc.count(RENEW)).isEqualTo(1);
            assertThat(nbc.count(MD5_PATH)).isEqualTo(2);
        }

        @Test
        @DisplayName("without a renewal e-mail a 401 surfaces at once and renewToken() is refused")
        void noEmail() {
            nbc.answer(MD5_PATH, 401, NbcStandIn.UNAUTHORIZED);
            BakongClient client = client("old-token-123456", null);
            assertThatThrownBy(() -> client.checkTransactionByMd5(MD5)).isInstanceOf(BakongUnauthorizedException.class);
            assertThatThrownBy(client::renewToken).isInstanceOf(IllegalStateException.class);
            assertThat(nbc.count(RENEW)).isZero();
        }

        @Test
        @DisplayName("NBC refusing the renewal (errorCode 10) is BakongUnauthorizedException")
        void refused() {
            nbc.answer(
                    RENEW,
                    200,
                    "{\"data\":null,\"errorCode\":10,\"responseCode\":1,\"responseMessage\":\"Not registered yet.\"}");
            assertThatThrownBy(
                            () -> client("old-token-123456", "shop@example.com").renewToken())
                    .isInstanceOf(BakongUnauthorizedException.class)
                    .hasMessageContaining("errorCode 10");
        }

        @Test
        @DisplayName("a token within 14 days of expiry is renewed ahead of time before the next call")
        void proactive() {
            String fresh = Jwts.expiringAt(NOW.plus(Duration.ofDays(90)));
            nbc.answer(RENEW, 200, renewed(fresh));
            nbc.answer(MD5_PATH, 200, NbcStandIn.NOT_FOUND);
            BakongClient client = client(Jwts.expiringAt(NOW.plus(Duration.ofDays(10))), "shop@example.com");
            client.checkTransactionByMd5(MD5);
            assertThat(nbc.count(RENEW)).isEqualTo(1);
            assertThat(nbc.requests.get(1).authorization()).isEqualTo("Bearer " + fresh);
        }

        @Test
        @DisplayName("a failed early renewal keeps the old token and is not retried within the hour")
        void proactiveFailure() {
            String old = Jwts.expiringAt(NOW.plus(Duration.ofDays(10)));
            nbc.answer(RENEW, 500, "down");
            nbc.answer(MD5_PATH, 200, NbcStandIn.NOT_FOUND);
            BakongClient client = client(old, "shop@example.com");
            client.checkTransactionByMd5(MD5);
            client.checkTransactionByMd5(MD5);
            assertThat(nbc.count(RENEW)).isEqualTo(1);
            assertThat(nbc.requests.get(2).authorization()).isEqualTo("Bearer " + old);
            clock.advance(Duration.ofHours(1));
            client.checkTransactionByMd5(MD5);
            assertThat(nbc.count(RENEW)).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("with a proxy configured, calls go through it in absolute form")
    void proxy() {
        nbc.answer(MD5_PATH, 200, NbcStandIn.NOT_FOUND);
        BakongClient client =
                BakongClient.create(BakongClientConfig.builder("http://api-bakong.nbc.invalid", "test-token-123456")
                        .proxy("127.0.0.1:" + nbc.port())
                        .maxRetries(0)
                        .clock(clock)
                        .build());
        assertThat(client.checkTransactionByMd5(MD5).status()).isEqualTo(TransactionCheckResult.Status.NOT_FOUND);
        assertThat(nbc.requests.get(0).uri()).isEqualTo("http://api-bakong.nbc.invalid/v1/check_transaction_by_md5");
    }
}
