package dev.bakongpay.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.runtime.ServerRuntime;
import dev.bakongpay.testsupport.RequiresService;
import dev.bakongpay.testsupport.Service;
import dev.bakongpay.testsupport.Services;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Paying on the phone that shows the checkout, in Debian's headless Chromium at a phone's viewport
 * against a real server with the embedded simulator: the page lists "Open in bank app", "Save QR",
 * then the QR; the create answer's {@code deepLink} opens the mock bank app with the QR already
 * read; Pay; "Return to …" leads back to the checkout, which shows the payment. Nothing is scanned.
 * Screenshots go to {@code target/checkout-screenshots}, or to {@code -Dbakongpay.checkout.screenshots}
 * (the pictures in {@code docs/checkout} come from here).
 */
@DisplayName("Paying from the same phone, in a real browser at a phone's viewport")
@RequiresService(Service.CHROMIUM)
class PhoneCheckoutBrowserTest {
    static final String KEY = "bk_test_phonecheckout0000001";

    @TempDir
    static Path dataDir;

    static ServerRuntime runtime;
    static EmbeddedJetty jetty;
    static String base;
    static WebDriver browser;
    static Path shots;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = Map.of(
                "BAKONGPAY_PORT", "0",
                "BAKONGPAY_HOST", "127.0.0.1",
                "BAKONG_SIMULATOR_PORT", "0",
                "BAKONGPAY_DATA_DIR", dataDir.toString(),
                "BAKONGPAY_SIMULATOR_ENABLED", "true",
                "BAKONGPAY_API_KEYS", KEY + "=PRO",
                "BAKONGPAY_APP_NAME", "Coffee Corner");
        runtime = ServerRuntime.open(
                ServerSettings.read(ConfigLookup.builder().environment(env).build(), ServerSettings.Command.SERVE),
                Clock.systemUTC());
        jetty = EmbeddedJetty.start(runtime);
        base = jetty.localUrl().toString();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(Services.chromium().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        // a 390 × 844 phone screen at 2 device pixels per CSS pixel, touch, a phone's browser
        options.setExperimentalOption(
                "mobileEmulation",
                Map.of(
                        "deviceMetrics",
                        Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true),
                        "userAgent",
                        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                                + "Chrome/126.0 Mobile Safari/537.36"));
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(Services.chromedriver().toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
        shots = Path.of(System.getProperty("bakongpay.checkout.screenshots", "target/checkout-screenshots"));
        Files.createDirectories(shots);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (jetty != null) jetty.close();
        if (runtime != null) runtime.close();
    }

    static WebDriverWait patiently() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    static void screenshot(String name) throws IOException {
        Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    static JsonPath create(String merchant, String amount, String currency) {
        return given().baseUri(base)
                .header("Authorization", "Bearer " + KEY)
                .contentType("application/json")
                .body("{\"amount\":" + amount + ",\"currency\":\"" + currency + "\",\"merchantName\":\"" + merchant
                        + "\",\"bakongId\":\"coffee@aclb\",\"description\":\"Order #1001\"}")
                .post(SandboxGuide.CREATE_PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static int top(String id) {
        return browser.findElement(By.id(id)).getRect().getY();
    }

    @Test
    @DisplayName(
            "from the create answer's deepLink to a paid checkout without scanning; the buttons come first, in English and Khmer")
    void payFromTheSamePhone() throws Exception {
        JsonPath created = create("Coffee Corner", "1.50", "USD");
        String checkoutUrl = created.getString("data.checkoutUrl");

        browser.get(checkoutUrl + "?lang=en");
        patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("deeplink")));
        assertThat(browser.findElement(By.id("deeplink")).getText()).isEqualTo("Open in bank app");
        assertThat(browser.findElement(By.id("save-qr")).getText()).isEqualTo("Save QR");
        assertThat(browser.findElement(By.id("save-qr")).getAttribute("download"))
                .isEqualTo("KHQR Coffee Corner 1.50 USD.png");
        assertThat(top("deeplink")).isLessThan(top("save-qr"));
        assertThat(top("save-qr")).isLessThan(top("qr"));
        screenshot("phone-waiting-en");

        browser.get(checkoutUrl + "?lang=km");
        patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("deeplink")));
        assertThat(browser.findElement(By.id("deeplink")).getText()).isEqualTo("បើកក្នុងកម្មវិធីធនាគារ");
        assertThat(browser.findElement(By.id("save-qr")).getText()).isEqualTo("រក្សាទុក QR");
        screenshot("phone-waiting-km");

        // Save QR: NBC's card of this payment, which reads back as its KHQR
        byte[] card = given().get(browser.findElement(By.id("save-qr")).getAttribute("href"))
                .then()
                .statusCode(200)
                .contentType("image/png")
                .extract()
                .asByteArray();
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(card))
                        .getWidth())
                .isEqualTo(600);
        Files.write(shots.resolve("saved-card.png"), card);

        // the create answer's deepLink: the simulator's short link opens its mock bank app, QR read
        browser.get(created.getString("data.deepLink"));
        patiently().until(ExpectedConditions.textToBe(By.id("merchant"), "Coffee Corner"));
        assertThat(browser.findElement(By.id("qr")).getAttribute("value"))
                .isEqualTo(created.getString("data.qrString"));
        screenshot("phone-bank-app");
        browser.findElement(By.id("pay")).click();
        patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("return")));
        assertThat(browser.findElement(By.id("return")).getText()).isEqualTo("Return to Coffee Corner");
        screenshot("phone-bank-app-paid");

        patiently()
                .until(ExpectedConditions.elementToBeClickable(By.id("return")))
                .click();
        patiently().until(ExpectedConditions.urlContains("/pay/"));
        patiently().until(ExpectedConditions.attributeToBe(By.id("checkout"), "data-status", "SUCCESS"));
        assertThat(browser.getCurrentUrl()).startsWith(checkoutUrl);
        assertThat(browser.findElement(By.id("paid-title")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("deeplink")).isDisplayed()).isFalse();
        screenshot("phone-paid");

        // a paid payment's deepLink leads to its checkout page, not to the bank app again
        browser.get(created.getString("data.deepLink"));
        patiently().until(ExpectedConditions.attributeToBe(By.id("checkout"), "data-status", "SUCCESS"));
    }
}
