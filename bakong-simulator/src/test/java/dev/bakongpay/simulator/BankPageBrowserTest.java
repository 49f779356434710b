package dev.bakongpay.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.bakongpay.testsupport.RequiresService;
import dev.bakongpay.testsupport.Service;
import dev.bakongpay.testsupport.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's demo, in Debian's headless Chromium: paste a KHQR into the mock bank app, press Pay,
 * and NBC's API reports it paid. Skipped, with the reason, where Chromium is not installed
 * ({@code apt-get install chromium chromium-driver}), except under {@code CI=true}, where that fails.
 */
@DisplayName("The mock bank app in a real browser")
@RequiresService(Service.CHROMIUM)
class BankPageBrowserTest extends SimulatorTestBase {

    private static final Path CHROMIUM = Services.chromium();
    private static final Path CHROMEDRIVER = Services.chromedriver();

    private static WebDriver browser;

    @BeforeAll
    static void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1200,1400");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait patiently() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @Test
    @DisplayName("paste a QR, see what it decodes to, press Pay: check_transaction_by_md5 reports it paid")
    void pasteAndPay() {
        String qr = freshQr();
        browser.get(simulator.baseUrl() + "/");
        browser.findElement(By.id("qr")).sendKeys(qr);
        browser.findElement(By.id("read")).click();
        patiently().until(ExpectedConditions.textToBe(By.id("merchant"), "Coffee Corner"));
        assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("1.5 USD");
        assertThat(browser.findElement(By.id("account")).getText()).isEqualTo("coffee@aclb");
        browser.findElement(By.id("pay")).click();
        patiently().until(ExpectedConditions.attributeToBe(By.id("result"), "data-status", "SUCCESS"));

        nbc().body(Map.of("md5", TestQrs.md5(qr)))
                .post("/v1/check_transaction_by_md5")
                .then()
                .statusCode(200)
                .body("responseCode", equalTo(0))
                .body("data.toAccountId", equalTo("coffee@aclb"));
    }

    @Test
    @DisplayName(
            "a short link opens the page with the QR already read; after Pay it offers the way back to the app that asked")
    void shortLinkAndReturn() {
        String qr = freshQr();
        String link = nbc().body(Map.of(
                        "qr",
                        qr,
                        "sourceInfo",
                        Map.of(
                                "appIconUrl", "https://shop.example/icon.png",
                                "appName", "Coffee Corner",
                                "appDeepLinkCallback", "https://shop.example/pay/1")))
                .post("/v1/generate_deeplink_by_qr")
                .then()
                .statusCode(200)
                .extract()
                .path("data.shortLink");
        browser.get(link);
        patiently().until(ExpectedConditions.textToBe(By.id("merchant"), "Coffee Corner"));
        assertThat(browser.findElement(By.id("qr")).getAttribute("value")).isEqualTo(qr);
        assertThat(browser.findElement(By.id("return")).isDisplayed()).isFalse();
        browser.findElement(By.id("pay")).click();
        patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("return")));
        assertThat(browser.findElement(By.id("return")).getText()).isEqualTo("Return to Coffee Corner");
        assertThat(browser.findElement(By.id("return")).getAttribute("href")).isEqualTo("https://shop.example/pay/1");
        nbc().body(Map.of("md5", TestQrs.md5(qr)))
                .post("/v1/check_transaction_by_md5")
                .then()
                .body("responseCode", equalTo(0));
    }

    @Test
    @DisplayName("press Fail: check_transaction_by_md5 reports the transaction failed")
    void pasteAndFail() {
        String qr = freshQr();
        browser.get(simulator.baseUrl() + "/");
        browser.findElement(By.id("qr")).sendKeys(qr);
        browser.findElement(By.id("fail")).click();
        patiently().until(ExpectedConditions.attributeToBe(By.id("result"), "data-status", "FAILED"));
        nbc().body(Map.of("md5", TestQrs.md5(qr)))
                .post("/v1/check_transaction_by_md5")
                .then()
                .body("errorCode", equalTo(3));
    }

    @Test
    @DisplayName("upload a QR picture: the page reads it and shows its merchant")
    void uploadPicture(@TempDir Path dir) throws Exception {
        String qr = freshQr();
        Path png = Files.write(dir.resolve("khqr.png"), TestQrs.png(qr));
        browser.get(simulator.baseUrl() + "/");
        browser.findElement(By.id("image")).sendKeys(png.toString());
        patiently().until(ExpectedConditions.textToBe(By.id("merchant"), "Coffee Corner"));
        assertThat(browser.findElement(By.id("qr")).getAttribute("value")).isEqualTo(qr);
    }

    @Test
    @DisplayName("markup in a QR is shown as text, never run; an expired QR shows why it cannot be paid")
    void escapesEverything() {
        String hostile = TestQrs.dynamic(
                "x@aclb",
                "<b id=pwn>hi</b>",
                "KHR",
                "100",
                clock.instant().minusSeconds(900),
                clock.instant().minusSeconds(300));
        browser.get(simulator.baseUrl() + "/");
        browser.findElement(By.id("qr")).sendKeys(hostile);
        browser.findElement(By.id("read")).click();
        patiently().until(ExpectedConditions.textToBe(By.id("merchant"), "<b id=pwn>hi</b>"));
        assertThat(browser.findElements(By.id("pwn"))).isEmpty();
        assertThat(browser.findElement(By.id("problem")).getText()).contains("expired");
    }

    @Test
    @DisplayName("with a control token the page asks for it once, then Pay works; without it nothing is paid")
    void asksForTheControlToken() {
        try (BakongSimulator guarded = BakongSimulator.builder()
                .port(0)
                .token(TOKEN)
                .controlToken("page-secret")
                .clock(clock)
                .build()
                .start()) {
            String qr = freshQr();
            browser.get(guarded.baseUrl() + "/");
            browser.findElement(By.id("qr")).sendKeys(qr);
            browser.findElement(By.id("pay")).click();
            patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("token-box")));
            assertThat(guarded.control().transactions()).isEmpty();
            browser.findElement(By.id("control-token")).sendKeys("page-secret");
            browser.findElement(By.id("use-token")).click();
            browser.findElement(By.id("pay")).click();
            patiently().until(ExpectedConditions.attributeToBe(By.id("result"), "data-status", "SUCCESS"));
            assertThat(guarded.control().transactions()).hasSize(1);
        }
    }

    @Test
    @DisplayName("a page from another origin cannot pay: its form POST and its no-cors text/plain fetch are refused")
    void otherSitesCannotPay() throws Exception {
        String qr = freshQr();
        String target = simulator.baseUrl() + "/simulator/payments";
        String body = "{\"qr\":\"" + qr + "\"}";
        String evil = "<!DOCTYPE html><html><body><form id=f method=post enctype=text/plain action='" + target + "'>"
                + "<input type=hidden name='" + body.replace("'", "&#39;") + "' value=''></form><script>"
                + "fetch('" + target + "',{method:'POST',mode:'no-cors',headers:{'Content-Type':'text/plain'},body:'"
                + body + "'})"
                + ".finally(function(){document.title='fetched';setTimeout(function(){document.getElementById('f').submit();},10);});"
                + "</script></body></html>";
        com.sun.net.httpserver.HttpServer site =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            byte[] page = evil.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        site.start();
        try {
            // "localhost" and 127.0.0.1 are different sites to the browser: a cross-site attacker page
            browser.get("http://localhost:" + site.getAddress().getPort() + "/");
            patiently()
                    .until(d -> d.getCurrentUrl().startsWith(simulator.baseUrl().toString()));
            assertThat(browser.getPageSource()).contains("refused");
            assertThat(control.transactions()).isEmpty();
        } finally {
            site.stop(0);
        }
    }
}
