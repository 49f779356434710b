package dev.bakongpay.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.UpstreamPayment;
import dev.bakongpay.testsupport.MutableClock;
import dev.bakongpay.testsupport.QrScanner;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The checkout servlet over HTTP")
class CheckoutServletTest {
    static CheckoutServer server;

    @BeforeAll
    static void start() throws Exception {
        server = CheckoutServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static Transaction pending() {
        return server.add(Fixtures.usd("25.00", Instant.now().plusSeconds(900)).build());
    }

    @Nested
    @DisplayName("the page")
    class Page {
        @Test
        @DisplayName("shows merchant, amount, currency, order and the QR image, server-rendered as waiting")
        void content() throws Exception {
            Transaction t = pending();
            HttpResponse<byte[]> r = server.get("/pay/" + t.id());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
            assertThat(text(r))
                    .contains(
                            "FINN SHOP",
                            ">25.00<",
                            ">USD<",
                            ">For Order #1234<",
                            "data-status=\"PENDING\" data-late=\"false\"",
                            "src=\"/shop/pay/" + t.id() + "/qr.png\"",
                            "lang=\"en\"",
                            "<noscript>",
                            "Waiting for payment");
        }

        @Test
        @DisplayName("carries strict security headers with a per-response nonce")
        void headers() throws Exception {
            HttpResponse<byte[]> r = server.get("/pay/" + pending().id());
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp)
                    .contains(
                            "default-src 'none'",
                            "img-src 'self' data:",
                            "font-src 'self'",
                            "connect-src 'self'",
                            "frame-ancestors 'none'")
                    .containsPattern("script-src 'nonce-[A-Za-z0-9+/=]{24}'");
            String nonce = csp.replaceAll(".*script-src 'nonce-([^']+)'.*", "$1");
            assertThat(text(r)).contains("<script nonce=\"" + nonce + "\">", "<style nonce=\"" + nonce + "\">");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }

        @Test
        @DisplayName("escapes merchant-supplied text: a script in the name or description stays text")
        void xss() throws Exception {
            Transaction t = server.add(Fixtures.usd("1.00", Instant.now().plusSeconds(900))
                    .merchantName("<script>alert('name')</script>")
                    .description("<img src=x onerror=alert(1)>")
                    .attributes(Map.of("merchantNameKhmer", "\"><script>alert(2)</script>"))
                    .build());
            String html = text(server.get("/pay/" + t.id()));
            assertThat(html)
                    .contains(
                            "&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;",
                            "&lt;img src=x onerror=alert(1)&gt;",
                            "&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
            assertThat(html).doesNotContain("<script>alert", "<img src=x");
        }

        @Test
        @DisplayName("offers a return link only for an http(s) return URL")
        void returnUrl() throws Exception {
            Transaction safe = server.add(Fixtures.usd("1.00", Instant.now().plusSeconds(900))
                    .attributes(Map.of("returnUrl", "https://shop.example/thanks?o=1&p=2"))
                    .build());
            Transaction evil = server.add(Fixtures.usd("1.00", Instant.now().plusSeconds(900))
                    .attributes(Map.of("returnUrl", "javascript:alert(document.cookie)"))
                    .build());
            assertThat(text(server.get("/pay/" + safe.id())))
                    .contains("href=\"https://shop.example/thanks?o=1&amp;p=2\"");
            assertThat(text(server.get("/pay/" + evil.id()))).doesNotContain("javascript:", "id=\"return\"");
        }

        @Test
        @DisplayName("says so when a payment arrived after the expiry")
        void late() throws Exception {
            Transaction t = server.add(
                    Fixtures.usd("1.00", Instant.now().plusSeconds(900)).build());
            server.store
                    .transition(dev.bakongpay.spi.StatusTransition.paid(
                            t.id(),
                            dev.bakongpay.spi.PaymentStatus.PENDING,
                            new dev.bakongpay.spi.UpstreamPayment(
                                    "cd".repeat(32), null, null, t.amount(), "USD", null, null, null),
                            true,
                            Instant.now()))
                    .orElseThrow();
            assertThat(text(server.get("/pay/" + t.id())))
                    .contains("data-status=\"SUCCESS\" data-late=\"true\"", "after the QR code had expired");
        }

        @Test
        @DisplayName("a wrong payment says a payment was made that does not match, never that it did not go through")
        void mismatch() throws Exception {
            Transaction t = pending();
            server.fail(t);
            String html = text(server.get("/pay/" + t.id()));
            assertThat(html)
                    .contains(
                            "data-status=\"FAILED\" data-late=\"false\" data-mismatch=\"amount\"",
                            "Payment does not match this order",
                            "does not match this order (wrong amount)",
                            "do not pay again");
            assertThat(text(server.get("/pay/" + t.id() + "?lang=km")))
                    .contains(
                            "ការទូទាត់មិនត្រូវនឹងការបញ្ជាទិញនេះទេ",
                            "(ចំនួនទឹកប្រាក់មិនត្រូវ)",
                            "data-mismatch=\"amount\"");
        }

        @Test
        @DisplayName("a failure without a wrong payment keeps the plain failed message")
        void plainFailure() throws Exception {
            Transaction t = pending();
            server.fail(t, "upstream_failed: Bakong reported the payment failed");
            assertThat(text(server.get("/pay/" + t.id())))
                    .contains("data-mismatch=\"\"", "The payment did not go through");
        }

        @Test
        @DisplayName("labels the description so it reads naturally when it is an order number itself")
        void description() throws Exception {
            Transaction t = server.add(Fixtures.usd("1.00", Instant.now().plusSeconds(900))
                    .description("Order #1")
                    .build());
            assertThat(text(server.get("/pay/" + t.id())))
                    .contains("<p class=\"order\" id=\"order\">For Order #1</p>")
                    .doesNotContain("Order: Order");
        }

        @Test
        @DisplayName("in Khmer carries lang=km, Khmer words and the Khmer shop name first")
        void khmer() throws Exception {
            Transaction t = server.add(Fixtures.khr("10000", Instant.now().plusSeconds(900))
                    .attributes(Map.of("merchantNameKhmer", "ហាងហ្វីន"))
                    .build());
            String html = text(server.get("/pay/" + t.id() + "?lang=km"));
            assertThat(html)
                    .contains(
                            "<html lang=\"km\">",
                            "កំពុងរង់ចាំការទូទាត់",
                            ">10,000<",
                            ">KHR<",
                            "៛",
                            ">សម្រាប់ Order #1234<");
            assertThat(html.indexOf("ហាងហ្វីន")).isLessThan(html.indexOf("FINN SHOP</p>"));
        }

        @Test
        @DisplayName("switches language by link and follows the browser's preference otherwise")
        void languages() throws Exception {
            Transaction t = pending();
            assertThat(text(server.get("/pay/" + t.id())))
                    .contains("href=\"?lang=km\"", "href=\"?lang=en\"", "lang=\"en\">");
            assertThat(text(server.get("/pay/" + t.id(), "km-KH,km;q=0.9,en;q=0.5")))
                    .contains("<html lang=\"km\">");
            assertThat(text(server.get("/pay/" + t.id() + "?lang=en", "km"))).contains("<html lang=\"en\">");
        }
    }

    @Nested
    @DisplayName("the QR image")
    class Qr {
        @Test
        @DisplayName("is a PNG that decodes to the transaction's qrString")
        void decodes() throws Exception {
            Transaction t = pending();
            HttpResponse<byte[]> r = server.get("/pay/" + t.id() + "/qr.png");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(QrScanner.decode(r.body())).isEqualTo(t.qrString());
        }
    }

    @Nested
    @DisplayName("the status feed")
    class StatusFeed {
        @Test
        @DisplayName("answers the status as JSON and follows the store")
        void json() throws Exception {
            Transaction t = pending();
            assertThat(text(server.get("/pay/" + t.id() + "/status")))
                    .contains("\"status\":\"PENDING\"", "\"final\":false");
            server.pay(t);
            HttpResponse<byte[]> r = server.get("/pay/" + t.id() + "/status");
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(text(r)).contains("\"status\":\"SUCCESS\"", "\"final\":true", "\"mismatch\":null");
        }

        @Test
        @DisplayName("names a wrong payment's mismatch, so the live update can say so")
        void mismatch() throws Exception {
            Transaction t = pending();
            server.fail(t);
            assertThat(text(server.get("/pay/" + t.id() + "/status")))
                    .contains("\"status\":\"FAILED\"", "\"final\":true", "\"mismatch\":\"amount\"");
        }

        @Test
        @DisplayName("reports a pending transaction past its expiry as expired")
        void expired() throws Exception {
            Transaction t = server.add(
                    Fixtures.usd("1.00", Instant.now().minusSeconds(1)).build());
            assertThat(text(server.get("/pay/" + t.id() + "/status")))
                    .contains("\"status\":\"EXPIRED\"", "\"secondsLeft\":0");
        }
    }

    @Nested
    @DisplayName("the late window")
    class LateWindow {
        final MutableClock clock = new MutableClock();

        @Test
        @DisplayName("EXPIRED is not final until the late window has passed, and a late payment in it shows as paid")
        void expiredThenFinal() throws Exception {
            try (CheckoutServer timed = new CheckoutServer(Map.of(), true, clock)) {
                Transaction t = timed.add(Fixtures.usd("1.00", clock.instant().plusSeconds(60))
                        .createdAt(clock.instant())
                        .build());
                Transaction other =
                        timed.add(Fixtures.usd("1.00", clock.instant().plusSeconds(60))
                                .createdAt(clock.instant())
                                .build());
                String lateUntil = "\"lateUntil\":\"" + t.expiresAt().plus(CheckoutView.DEFAULT_LATE_WINDOW) + "\"";
                assertThat(text(timed.get("/pay/" + t.id() + "/status")))
                        .contains("\"status\":\"PENDING\"", "\"final\":false", lateUntil);

                clock.advance(Duration.ofSeconds(61));
                assertThat(text(timed.get("/pay/" + t.id() + "/status")))
                        .contains("\"status\":\"EXPIRED\"", "\"final\":false", lateUntil);
                assertThat(text(timed.get("/pay/" + t.id())))
                        .contains("data-late-until=\""
                                + t.expiresAt()
                                        .plus(CheckoutView.DEFAULT_LATE_WINDOW)
                                        .toEpochMilli() + "\"");

                clock.set(t.expiresAt().plus(CheckoutView.DEFAULT_LATE_WINDOW).minusSeconds(1));
                assertThat(text(timed.get("/pay/" + t.id() + "/status")))
                        .contains("\"status\":\"EXPIRED\"", "\"final\":false");
                timed.store
                        .transition(StatusTransition.expired(other.id(), clock.instant()))
                        .orElseThrow();
                timed.store
                        .transition(StatusTransition.paid(
                                other.id(),
                                PaymentStatus.EXPIRED,
                                new UpstreamPayment(
                                        "cd".repeat(32), null, null, other.amount(), "USD", null, null, null),
                                true,
                                clock.instant()))
                        .orElseThrow();
                assertThat(text(timed.get("/pay/" + other.id() + "/status")))
                        .contains("\"status\":\"SUCCESS\"", "\"final\":true", "\"late\":true");

                clock.set(t.expiresAt().plus(CheckoutView.DEFAULT_LATE_WINDOW));
                assertThat(text(timed.get("/pay/" + t.id() + "/status")))
                        .contains("\"status\":\"EXPIRED\"", "\"final\":true");
            }
        }
    }

    @Nested
    @DisplayName("the bundled Khmer font")
    class Font {
        @Test
        @DisplayName("the page declares it with @font-face at hashed URLs under the servlet")
        void fontFace() throws Exception {
            String html = text(server.get("/pay/" + pending().id()));
            assertThat(html)
                    .containsPattern(
                            "@font-face\\{font-family:\"Noto Sans Khmer\";font-style:normal;font-weight:400;"
                                    + "font-display:swap;src:url\\(\"/shop/pay/fonts/noto-sans-khmer-400\\.[0-9a-f]{10}\\.woff2\"\\)")
                    .containsPattern("url\\(\"/shop/pay/fonts/noto-sans-khmer-700\\.[0-9a-f]{10}\\.woff2\"\\)");
        }

        @ParameterizedTest(name = "weight {0}")
        @ValueSource(ints = {400, 700})
        @DisplayName("is served as font/woff2, the bundled bytes, cacheable for a year")
        void served(int weight) throws Exception {
            String url = fontUrl(text(server.get("/pay/" + pending().id())), weight);
            HttpResponse<byte[]> r = server.get(url.substring("/shop".length()));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("font/woff2");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            try (InputStream in = getClass()
                    .getResourceAsStream("/dev/bakongpay/checkout/fonts/noto-sans-khmer-" + weight + ".woff2")) {
                assertThat(r.body()).isEqualTo(in.readAllBytes());
            }
            assertThat(new String(r.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("wOF2");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "noto-sans-khmer-400.woff2",
                    "noto-sans-khmer-400.0000000000.woff2",
                    "noto-sans-khmer-500.0000000000.woff2",
                    "OFL.txt",
                    "",
                    "../messages_en.properties",
                    "noto-sans-khmer-400.%2E%2E.woff2"
                })
        @DisplayName("any other name is a friendly 404")
        void unknown(String name) throws Exception {
            HttpResponse<byte[]> r = server.get("/pay/fonts/" + name);
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
            assertThat(text(r)).contains("Payment not found").doesNotContain("Exception");
        }

        @Test
        @DisplayName("is served even before a checkout source is configured, for the 503 page's Khmer")
        void withoutSource() throws Exception {
            try (CheckoutServer bare = new CheckoutServer(Map.of(), false)) {
                String html = text(bare.get("/pay/3f0c6b9e-1111-4c1e-9a55-0123456789ab?lang=km"));
                HttpResponse<byte[]> r = bare.get(fontUrl(html, 400).substring("/shop".length()));
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type")).hasValue("font/woff2");
            }
        }

        private static String fontUrl(String html, int weight) {
            Matcher m = Pattern.compile("/shop/pay/fonts/noto-sans-khmer-" + weight + "\\.[0-9a-f]{10}\\.woff2")
                    .matcher(html);
            assertThat(m.find()).as("font URL of weight %d in the page", weight).isTrue();
            return m.group();
        }
    }

    @Nested
    @DisplayName("errors")
    class Errors {
        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "/pay/3f0c6b9e-1111-4c1e-9a55-0123456789ab",
                    "/pay/not-a-uuid",
                    "/pay/1-1-1-1-1",
                    "/pay/3f0c6b9e-1111-4c1e-9a55-0123456789ab/status",
                    "/pay/",
                    "/pay/%3Cscript%3E"
                })
        @DisplayName("an unknown or malformed id gets a friendly 404 page without a stack trace")
        void notFound(String path) throws Exception {
            HttpResponse<byte[]> r = server.get(path);
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(text(r)).contains("Payment not found").doesNotContain("Exception", "at dev.", "<script>");
            assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
        }

        @Test
        @DisplayName("without a configured source the page answers 503 and names nothing internal")
        void noSource() throws Exception {
            try (CheckoutServer bare = new CheckoutServer(Map.of(), false)) {
                HttpResponse<byte[]> r = bare.get("/pay/3f0c6b9e-1111-4c1e-9a55-0123456789ab?lang=km");
                assertThat(r.statusCode()).isEqualTo(503);
                assertThat(text(r))
                        .contains("lang=\"km\"", "ការទូទាត់មិនអាចប្រើបាន")
                        .doesNotContain("Exception");
            }
        }

        @Test
        @DisplayName("framing is allowed only to the configured ancestors, and then X-Frame-Options is left out")
        void framing() throws Exception {
            try (CheckoutServer framed =
                    new CheckoutServer(Map.of(CheckoutServlet.FRAME_ANCESTORS, "https://shop.example"), true)) {
                Transaction t = framed.add(
                        Fixtures.usd("1.00", Instant.now().plusSeconds(900)).build());
                HttpResponse<byte[]> r = framed.get("/pay/" + t.id());
                assertThat(r.headers().firstValue("Content-Security-Policy"))
                        .hasValueSatisfying(v -> assertThat(v).endsWith("frame-ancestors https://shop.example"));
                assertThat(r.headers().firstValue("X-Frame-Options")).isEmpty();
            }
        }
    }
}
