package dev.bakongpay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.simulator.SimulatorControl;
import dev.bakongpay.testsupport.QrScanner;
import dev.bakongpay.testsupport.ServerNode;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The hosted checkout page in headless Chromium, against a running {@code sandbox} (the JAR as a
 * child process, its embedded simulator paying). Screenshots go to target/screenshots/.
 */
@DisplayName("the checkout page in a browser, against the sandbox")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckoutBrowserTest {
    private static final int SHORT_EXPIRY = 60; // the shortest lifetime a create may ask

    @TempDir
    static Path workDir;

    private ServerNode sandbox;
    private SimulatorControl bank;
    private Browser browser;
    private Api api;
    private JsonPath expiring;
    private Instant expiringAt;

    @BeforeAll
    void start() throws Exception {
        Infra.requireChromium();
        String key = "bk_test_browser" + Infra.random(8);
        sandbox = ServerNode.sandbox(
                "checkout-sandbox",
                workDir.resolve("sandbox"),
                Map.of("BAKONGPAY_API_KEYS", key + "=PRO", "BAKONGPAY_RECONCILE_SECONDS", "0"));
        bank = SimulatorControl.connect(URI.create(sandbox.sandboxSimulatorUrl()));
        api = new Api(sandbox.url(), key);
        // first, so its minute runs out while the other cases run
        expiring = api.create(Api.order("Expiring Shop", "2.00", SHORT_EXPIRY));
        expiringAt = Instant.parse(expiring.getString("expiresAt"));
        browser = Browser.start();
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (browser != null) browser.close();
        } finally {
            if (sandbox != null) sandbox.close();
        }
    }

    private WebElement card() {
        return browser.driver.findElement(By.id("checkout"));
    }

    private void open(JsonPath created, String lang) {
        browser.driver.get(created.getString("checkoutUrl") + "?lang=" + lang);
    }

    private WebDriverWait waiting(Duration d) {
        WebDriverWait wait = new WebDriverWait(browser.driver, d);
        wait.pollingEvery(Duration.ofMillis(100));
        return wait;
    }

    @Test
    @Order(1)
    @DisplayName("shows the merchant, the amount and a QR that decodes to the transaction's qrString")
    void showsMerchantAmountAndQr() throws Exception {
        JsonPath created = api.create(Api.order("Coffee Corner", "1.50", 900));
        open(created, "en");
        assertThat(card().getAttribute("data-status")).isEqualTo("PENDING");
        String text = card().getText();
        assertThat(text).contains("Coffee Corner").contains("1.50").contains("USD");
        WebElement qr = browser.driver.findElement(By.id("qr"));
        waiting(Duration.ofSeconds(10))
                .until(d -> Boolean.TRUE.equals(browser.driver.executeScript(
                        "var i = arguments[0]; return i.complete && i.naturalWidth > 0;", qr)));
        assertThat(qr.isDisplayed()).isTrue();
        browser.screenshot("checkout-pending-en");
        String decoded = QrScanner.decode(qr.getScreenshotAs(OutputType.BYTES));
        assertThat(decoded).as("the QR as the browser draws it").isEqualTo(created.getString("qrString"));
    }

    @Test
    @Order(2)
    @DisplayName("turns to paid within 5 s of the payment in the simulator, without a reload")
    void turnsPaidWithoutReload() throws Exception {
        JsonPath created = api.create(Api.order("Coffee Corner", "3.25", 900));
        open(created, "en");
        assertThat(card().getAttribute("data-status")).isEqualTo("PENDING");
        browser.driver.executeScript("window.__sameDocument = 'yes';");
        bank.pay(created.getString("qrString"));
        long paidAt = System.nanoTime();
        waiting(Duration.ofSeconds(5)).until(d -> "SUCCESS".equals(card().getAttribute("data-status")));
        long millis = (System.nanoTime() - paidAt) / 1_000_000;
        assertThat(browser.driver.findElement(By.id("paid-title")).isDisplayed())
                .isTrue();
        assertThat(browser.driver.executeScript("return window.__sameDocument;"))
                .as("no reload happened")
                .isEqualTo("yes");
        browser.screenshot("checkout-paid-en");
        System.out.println("[bakongpay-it] checkout page turned paid " + millis + " ms after the payment");
    }

    @Test
    @Order(3)
    @DisplayName("the Khmer view renders Khmer text (and the merchant's Khmer name)")
    void khmerView() throws Exception {
        JsonPath created = api.create("{\"amount\": 5000, \"currency\": \"KHR\", \"merchantName\": \"Coffee Corner\","
                + " \"merchantNameKhmer\": \"ហាងកាហ្វេ\", \"bakongId\": \"coffee@aclb\", \"expiresInSeconds\": 900}");
        open(created, "km");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo("km");
        String text = card().getText();
        assertThat(text).contains("កំពុងរង់ចាំការទូទាត់").contains("ហាងកាហ្វេ");
        // the Khmer title takes real room on the page: its glyphs are drawn, not dropped
        WebElement title = browser.driver.findElement(By.cssSelector(".state-PENDING .state-title"));
        assertThat(title.getSize().getWidth()).isGreaterThan(50);
        Path shot = browser.screenshot("checkout-pending-km");
        assertThat(shot).isNotEmptyFile();
    }

    @Test
    @Order(4)
    @DisplayName("markup in the merchant name (<script>, <img onerror>) is shown as text and never runs")
    void xssInMerchantNameIsText() throws Exception {
        for (String name : new String[] {"<script>alert(1)</script>", "<img src onerror=alert()>"}) {
            // KHQR merchant names hold 25 characters; both payloads fit
            var r = api.createRaw(Api.order(name, "1.00", 900));
            assertThat(r.statusCode())
                    .as("create with merchantName %s: %s", name, r.asString())
                    .isEqualTo(200);
            JsonPath created = r.jsonPath().setRootPath("data");
            open(created, "en");
            assertThat(card().getText()).contains(name);
            assertThat(browser.driver.findElements(By.cssSelector("#checkout script, img[onerror]")))
                    .isEmpty();
            assertThat(browser.driver.getTitle()).contains(name);
            try {
                String alert = browser.driver.switchTo().alert().getText();
                throw new AssertionError("the merchant name ran as script: alert '" + alert + "'");
            } catch (NoAlertPresentException expected) {
                // nothing ran
            }
            browser.screenshot("checkout-xss-" + (name.startsWith("<script") ? "script" : "img"));
        }
        // the description, too, is merchant text
        JsonPath created = api.create(
                "{\"amount\": 1.00, \"currency\": \"USD\", \"merchantName\": \"Coffee Corner\","
                        + " \"bakongId\": \"coffee@aclb\", \"description\": \"<img src=x onerror=alert(3)><script>alert(4)</script>\"}");
        open(created, "en");
        assertThat(card().getText()).contains("<img src=x onerror=alert(3)><script>alert(4)</script>");
        assertThat(browser.driver.findElements(By.cssSelector("img[onerror], img[src='x']")))
                .isEmpty();
        try {
            browser.driver.switchTo().alert();
            throw new AssertionError("the description ran as script");
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    @Test
    @Order(5)
    @DisplayName("an open page turns to expired by itself when its QR runs out; reopened, it shows expired")
    void expiredTransaction() throws Exception {
        open(expiring, "en");
        assertThat(card().getAttribute("data-status")).isEqualTo("PENDING");
        Duration left = Duration.between(Instant.now(), expiringAt);
        waiting(left.plusSeconds(15)).until(d -> "EXPIRED".equals(card().getAttribute("data-status")));
        assertThat(browser.driver.findElement(By.id("expired-title")).isDisplayed())
                .isTrue();
        browser.screenshot("checkout-expired-live-en");
        open(expiring, "en");
        assertThat(card().getAttribute("data-status")).isEqualTo("EXPIRED");
        assertThat(browser.driver.findElement(By.id("expired-title")).isDisplayed())
                .isTrue();
        browser.screenshot("checkout-expired-en");
        assertThat(api.status(expiring.getString("md5"))).isEqualTo("EXPIRED");
    }
}
