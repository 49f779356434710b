package dev.bakongpay.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A checkout view")
class CheckoutViewTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static CheckoutView view(Transaction.Builder b) {
        return CheckoutView.from(b.build(), NOW);
    }

    @Nested
    @DisplayName("amounts")
    class Amounts {
        @Test
        @DisplayName("a USD amount shows two decimals with thousands separators")
        void usd() {
            CheckoutView v = view(Fixtures.usd("1234.5", NOW.plusSeconds(600)));
            assertThat(v.amountDigits()).isEqualTo("1,234.50");
            assertThat(v.formattedAmount()).isEqualTo("$1,234.50");
            assertThat(v.currencySymbol()).isEqualTo("$");
        }

        @Test
        @DisplayName("a KHR amount shows whole riel with thousands separators and the riel sign")
        void khr() {
            CheckoutView v = view(Fixtures.khr("100000", NOW.plusSeconds(600)));
            assertThat(v.amountDigits()).isEqualTo("100,000");
            assertThat(v.formattedAmount()).isEqualTo("100,000 ៛");
        }
    }

    @Nested
    @DisplayName("status")
    class Status {
        @Test
        @DisplayName("a pending transaction past its expiry shows expired, so nobody pays a dead QR")
        void pendingPastExpiry() {
            CheckoutView v = view(Fixtures.usd("1", NOW.minusSeconds(1)));
            assertThat(v.status()).isEqualTo(PaymentStatus.EXPIRED);
        }

        @Test
        @DisplayName(
                "an expired transaction is final only once its late window has passed (default: the reconciler's two leases)")
        void expiredFinalAfterLateWindow() {
            Instant expiry = NOW.minusSeconds(1);
            CheckoutView v = view(Fixtures.usd("1", expiry).status(PaymentStatus.EXPIRED));
            assertThat(CheckoutView.DEFAULT_LATE_WINDOW).isEqualTo(Duration.ofSeconds(120));
            assertThat(v.lateUntil()).isEqualTo(expiry.plusSeconds(120));
            assertThat(v.isFinal(NOW)).isFalse();
            assertThat(v.isFinal(expiry.plusSeconds(119))).isFalse();
            assertThat(v.isFinal(expiry.plusSeconds(120))).isTrue();
        }

        @Test
        @DisplayName("the late window can be the deployment's own")
        void ownLateWindow() {
            Instant expiry = NOW.minusSeconds(1);
            CheckoutView v = CheckoutView.from(Fixtures.usd("1", expiry).build(), NOW, Duration.ofMinutes(10));
            assertThat(v.lateUntil()).isEqualTo(expiry.plus(Duration.ofMinutes(10)));
            assertThat(v.isFinal(expiry.plusSeconds(599))).isFalse();
            assertThat(v.isFinal(expiry.plusSeconds(600))).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = PaymentStatus.class,
                names = {"SUCCESS", "FAILED"})
        @DisplayName("paid and failed are final at once; pending never is")
        void finalStatuses(PaymentStatus status) {
            assertThat(view(Fixtures.usd("1", NOW.plusSeconds(60)).status(status))
                            .isFinal(NOW))
                    .isTrue();
            assertThat(view(Fixtures.usd("1", NOW.plusSeconds(60))).isFinal(NOW.plusSeconds(30)))
                    .isFalse();
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "'amount_mismatch: paid 9.00 USD, expected 10.00 USD', amount",
            "'currency_mismatch: paid 10.00 KHR, expected 10.00 USD', currency",
            "'account_mismatch: paid to someone@bank, expected finn_shop@aclb', account",
            "amount_mismatch, amount"
        })
        @DisplayName("a transaction failed by a wrong payment names what did not match")
        void mismatch(String reason, String expected) {
            CheckoutView v = view(Fixtures.usd("10", NOW.plusSeconds(60))
                    .status(PaymentStatus.FAILED)
                    .statusReason(reason));
            assertThat(v.mismatch()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"upstream_failed: Bakong reported the payment failed", "something else"})
        @DisplayName("any other failure names no mismatch")
        void otherFailure(String reason) {
            CheckoutView v = view(Fixtures.usd("10", NOW.plusSeconds(60))
                    .status(PaymentStatus.FAILED)
                    .statusReason(reason));
            assertThat(v.mismatch()).isNull();
        }

        @Test
        @DisplayName("a pending transaction before its expiry shows pending")
        void pending() {
            assertThat(view(Fixtures.usd("1", NOW.plusSeconds(1))).status()).isEqualTo(PaymentStatus.PENDING);
        }
    }

    @Nested
    @DisplayName("links")
    class LinksOfTheView {
        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "javascript:alert(1)",
                    "JavaScript:alert(1)",
                    "java\nscript:alert(1)",
                    "data:text/html,<script>alert(1)</script>",
                    "//evil.example/",
                    "/relative",
                    "ftp://shop.example/",
                    "https:///no-host",
                    " https://shop.example/"
                })
        @DisplayName("a return URL that is not an absolute http(s) URL is dropped")
        void unsafeReturnUrl(String url) {
            assertThat(view(Fixtures.usd("1", NOW.plusSeconds(60)).attributes(Map.of("returnUrl", url)))
                            .returnUrl())
                    .isNull();
        }

        @Test
        @DisplayName("an https return URL is kept as given")
        void safeReturnUrl() {
            String ok = "https://shop.example/orders/1234?paid=1";
            assertThat(view(Fixtures.usd("1", NOW.plusSeconds(60)).attributes(Map.of("returnUrl", ok)))
                            .returnUrl())
                    .isEqualTo(ok);
        }

        @Test
        @DisplayName("without a stored deep link, the deep link is bakong://pay with the QR")
        void defaultDeepLink() {
            CheckoutView v = view(Fixtures.usd("1", NOW.plusSeconds(60)));
            assertThat(v.deepLink()).startsWith("bakong://pay?qr=00020101021");
        }

        @Test
        @DisplayName("a javascript: deep link is dropped")
        void unsafeDeepLink() {
            assertThat(view(Fixtures.usd("1", NOW.plusSeconds(60)).attributes(Map.of("deepLink", "javascript:x()")))
                            .deepLink())
                    .isNull();
        }
    }

    @Test
    @DisplayName("the Khmer name comes from the merchantNameKhmer attribute")
    void khmerName() {
        CheckoutView v =
                view(Fixtures.usd("1", NOW.plusSeconds(60)).attributes(Map.of("merchantNameKhmer", "ហាងហ្វីន")));
        assertThat(v.merchantNameKhmer()).isEqualTo("ហាងហ្វីន");
    }
}
