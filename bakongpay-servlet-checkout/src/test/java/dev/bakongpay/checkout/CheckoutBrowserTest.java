package dev.bakongpay.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.Transaction;
import dev.bakongpay.testsupport.QrScanner;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.htmlunit.BrowserVersion;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlImage;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The page in a browser with JavaScript and CSS on (HtmlUnit), against the servlet on Jetty. */
@DisplayName("The checkout page in a browser")
class CheckoutBrowserTest {
    static CheckoutServer server;
    WebClient browser;
    final List<String> alerts = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = CheckoutServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void open() {
        browser = new WebClient(BrowserVersion.CHROME);
        browser.getOptions().setThrowExceptionOnScriptError(true);
        browser.getOptions().setCssEnabled(true);
        browser.setAlertHandler((page, message) -> alerts.add(message));
    }

    @AfterEach
    void close() {
        browser.close();
    }

    private HtmlPage open(Transaction t, String query) throws Exception {
        return browser.getPage(server.page(t) + query);
    }

    private static String status(HtmlPage page) {
        return page.getHtmlElementById("checkout").getAttribute("data-status");
    }

    /** Lets the page's timers run until it shows {@code expected} or the deadline passes. */
    private void awaitStatus(HtmlPage page, String expected, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!status(page).equals(expected) && System.nanoTime() < end) browser.waitForBackgroundJavaScript(100);
        assertThat(status(page)).isEqualTo(expected);
    }

    private static boolean shown(HtmlPage page, String selector) {
        return page.<HtmlElement>querySelector(selector).isDisplayed();
    }

    @Nested
    @DisplayName("while waiting")
    class Waiting {
        @Test
        @DisplayName("shows merchant, amount and a QR image that decodes to the transaction's qrString")
        void content() throws Exception {
            Transaction t = server.add(
                    Fixtures.usd("25.00", Instant.now().plusSeconds(900)).build());
            HtmlPage page = open(t, "");
            assertThat(page.getHtmlElementById("merchant").asNormalizedText()).isEqualTo("FINN SHOP");
            assertThat(page.getHtmlElementById("amount").asNormalizedText()).isEqualTo("25.00");
            assertThat(shown(page, ".state-PENDING")).isTrue();
            HtmlImage qr = page.getHtmlElementById("qr");
            Page png = browser.getPage(page.getFullyQualifiedUrl(qr.getSrcAttribute()));
            try (InputStream in = png.getWebResponse().getContentAsStream()) {
                assertThat(QrScanner.decode(in.readAllBytes())).isEqualTo(t.qrString());
            }
        }

        @Test
        @DisplayName("counts down to the expiry by itself")
        void countdown() throws Exception {
            HtmlPage page = open(
                    server.add(
                            Fixtures.usd("1.00", Instant.now().plusSeconds(125)).build()),
                    "");
            String first = page.getHtmlElementById("countdown").asNormalizedText();
            assertThat(first).matches("02:0[0-5]");
            browser.waitForBackgroundJavaScript(1500);
            assertThat(page.getHtmlElementById("countdown").asNormalizedText())
                    .matches("0[12]:[0-5][0-9]")
                    .isNotEqualTo(first);
        }
    }

    @Nested
    @DisplayName("without a reload")
    class LiveUpdate {
        @Test
        @DisplayName("turns to paid when the payment is recorded, with a return-to-shop link")
        void paid() throws Exception {
            Transaction t = server.add(Fixtures.usd("25.00", Instant.now().plusSeconds(900))
                    .attributes(Map.of("returnUrl", "https://shop.example/thanks"))
                    .build());
            HtmlPage page = open(t, "");
            assertThat(shown(page, "#return")).isFalse();
            server.pay(t);
            awaitStatus(page, "SUCCESS", Duration.ofSeconds(5));
            assertThat(shown(page, ".state-SUCCESS")).isTrue();
            assertThat(shown(page, ".card-qr")).isFalse();
            HtmlAnchor back = page.getHtmlElementById("return");
            assertThat(back.isDisplayed()).isTrue();
            assertThat(back.getHrefAttribute()).isEqualTo("https://shop.example/thanks");
        }

        @Test
        @DisplayName("turns to failed when the payment fails")
        void failed() throws Exception {
            Transaction t = server.add(
                    Fixtures.usd("25.00", Instant.now().plusSeconds(900)).build());
            HtmlPage page = open(t, "");
            server.fail(t, "upstream_failed: Bakong reported the payment failed");
            awaitStatus(page, "FAILED", Duration.ofSeconds(5));
            assertThat(shown(page, ".state-FAILED")).isTrue();
            assertThat(shown(page, "#failed-title")).isTrue();
            assertThat(shown(page, "#mismatch-title")).isFalse();
        }

        @Test
        @DisplayName("turns to 'does not match this order' when a wrong payment arrives, never 'did not go through'")
        void mismatch() throws Exception {
            Transaction t = server.add(
                    Fixtures.usd("25.00", Instant.now().plusSeconds(900)).build());
            HtmlPage page = open(t, "");
            assertThat(shown(page, "#mismatch-title")).isFalse();
            server.fail(t);
            awaitStatus(page, "FAILED", Duration.ofSeconds(5));
            assertThat(page.getHtmlElementById("checkout").getAttribute("data-mismatch"))
                    .isEqualTo("amount");
            assertThat(shown(page, "#mismatch-title")).isTrue();
            assertThat(shown(page, "#mismatch-amount")).isTrue();
            assertThat(shown(page, "#mismatch-currency")).isFalse();
            assertThat(shown(page, "#failed-title")).isFalse();
            assertThat(page.getHtmlElementById("mismatch-amount").asNormalizedText())
                    .contains("(wrong amount)", "do not pay again");
        }

        @Test
        @DisplayName("turns to expired when the countdown ends")
        void expires() throws Exception {
            HtmlPage page = open(
                    server.add(
                            Fixtures.usd("1.00", Instant.now().plusSeconds(2)).build()),
                    "");
            assertThat(status(page)).isEqualTo("PENDING");
            awaitStatus(page, "EXPIRED", Duration.ofSeconds(6));
            assertThat(shown(page, ".state-EXPIRED")).isTrue();
            assertThat(shown(page, ".card-qr")).isFalse();
        }
    }

    @Test
    @DisplayName("keeps watching a just-expired transaction and shows a late payment, with its note")
    void latePayment() throws Exception {
        Transaction t =
                server.add(Fixtures.usd("1.00", Instant.now().minusSeconds(5)).build());
        HtmlPage page = open(t, "");
        assertThat(status(page)).isEqualTo("EXPIRED");
        assertThat(shown(page, "#late")).isFalse();
        server.store
                .transition(dev.bakongpay.spi.StatusTransition.paid(
                        t.id(),
                        dev.bakongpay.spi.PaymentStatus.PENDING,
                        new dev.bakongpay.spi.UpstreamPayment(
                                "ef".repeat(32), null, null, t.amount(), "USD", null, null, null),
                        true,
                        Instant.now()))
                .orElseThrow();
        awaitStatus(page, "SUCCESS", Duration.ofSeconds(5));
        assertThat(shown(page, "#late")).isTrue();
    }

    @Test
    @DisplayName("polls an expired transaction while its late window is open, and stops once the status says final")
    void stopsAfterLateWindow() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        // the window's end is moved by the test, so a slow page load cannot eat it
        AtomicReference<Instant> lateUntil = new AtomicReference<>(Instant.now().plusSeconds(60));
        StoreCheckoutSource store = new StoreCheckoutSource(server.store);
        UnaryOperator<CheckoutView> window = v -> new CheckoutView(
                v.transactionId(),
                v.merchantName(),
                v.merchantNameKhmer(),
                v.amount(),
                v.currency(),
                v.status(),
                v.expiresAt(),
                v.qrString(),
                v.deepLink(),
                v.returnUrl(),
                v.description(),
                v.late(),
                v.mismatch(),
                lateUntil.get());
        server.useSource(new CheckoutSource() {
            @Override
            public Optional<CheckoutView> find(UUID id) {
                reads.incrementAndGet();
                return store.find(id).map(window);
            }

            @Override
            public Optional<CheckoutView> refresh(UUID id) {
                reads.incrementAndGet();
                return store.refresh(id).map(window);
            }
        });
        try {
            Transaction t = server.add(
                    Fixtures.usd("1.00", Instant.now().minusSeconds(1)).build());
            HtmlPage page = open(t, "");
            assertThat(status(page)).isEqualTo("EXPIRED");
            runScriptsUntil(() -> reads.get() >= 3, Instant.now().plusSeconds(10));
            assertThat(reads.get())
                    .as("page load and at least two polls inside the window")
                    .isGreaterThanOrEqualTo(3);

            lateUntil.set(Instant.now()); // the window ends: the next answer says final
            int before = reads.get();
            runScriptsUntil(() -> reads.get() > before, Instant.now().plusSeconds(10));
            int settled = reads.get();
            runScriptsUntil(() -> false, Instant.now().plusMillis(1500)); // three poll intervals
            assertThat(reads.get()).as("no poll once the status said final").isEqualTo(settled);
            assertThat(status(page)).isEqualTo("EXPIRED");
        } finally {
            server.useSource(new StoreCheckoutSource(server.store));
        }
    }

    /** Lets the page's timers run until {@code done} holds or {@code until} passes. */
    private void runScriptsUntil(BooleanSupplier done, Instant until) throws InterruptedException {
        while (!done.getAsBoolean() && Instant.now().isBefore(until)) {
            browser.waitForBackgroundJavaScript(50);
            Thread.sleep(20);
        }
    }

    @Test
    @DisplayName("renders an expired transaction as expired, without its QR")
    void expired() throws Exception {
        HtmlPage page = open(
                server.add(Fixtures.usd("1.00", Instant.now().minusSeconds(60)).build()), "");
        assertThat(status(page)).isEqualTo("EXPIRED");
        assertThat(shown(page, ".state-EXPIRED")).isTrue();
        assertThat(shown(page, ".card-qr")).isFalse();
        assertThat(page.asNormalizedText()).contains("QR code expired");
    }

    @Test
    @DisplayName("shows a script in the merchant name or description as text and runs nothing")
    void xss() throws Exception {
        Transaction t = server.add(Fixtures.usd("1.00", Instant.now().plusSeconds(900))
                .merchantName("<script>alert('name')</script>")
                .description("<img src=x onerror=alert('desc')>")
                .build());
        HtmlPage page = open(t, "");
        browser.waitForBackgroundJavaScript(500);
        assertThat(alerts).isEmpty();
        assertThat(page.getHtmlElementById("merchant").asNormalizedText()).isEqualTo("<script>alert('name')</script>");
        assertThat(page.getHtmlElementById("order").asNormalizedText()).endsWith("<img src=x onerror=alert('desc')>");
        assertThat(page.getElementsByTagName("script")).hasSize(1);
    }

    @Test
    @DisplayName("switches to Khmer by its link, with lang=km and Khmer words")
    void khmer() throws Exception {
        Transaction t = server.add(Fixtures.khr("10000", Instant.now().plusSeconds(900))
                .attributes(Map.of("merchantNameKhmer", "ហាងហ្វីន"))
                .build());
        HtmlPage english = open(t, "");
        HtmlPage khmer = english.<HtmlAnchor>querySelector("a[href='?lang=km']").click();
        assertThat(khmer.getDocumentElement().getAttribute("lang")).isEqualTo("km");
        assertThat(khmer.asNormalizedText()).contains("កំពុងរង់ចាំការទូទាត់", "ហាងហ្វីន", "10,000");
        assertThat(khmer.getUrl().toString()).endsWith(t.id() + "?lang=km");
    }
}
