package dev.bakongpay.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.runtime.ServerRuntime;
import dev.bakongpay.simulator.SimulatorControl;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.UpstreamPayment;
import dev.bakongpay.spi.WebhookDeliveryState;
import dev.bakongpay.testsupport.RequiresService;
import dev.bakongpay.testsupport.Service;
import dev.bakongpay.testsupport.Services;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in Debian's headless Chromium against a real server with the embedded
 * simulator: sign in with the admin token, find a payment paid in the simulator by its md5, redeliver
 * a webhook given up on, read the chart, switch to Khmer; hostile text stays text. Screenshots of
 * each tab go to {@code target/console-screenshots}, or to the folder named by
 * {@code -Dbakongpay.console.screenshots} (the README's pictures in {@code docs/console} come from here).
 * The steps share one browser and one server, in order.
 */
@DisplayName("The operator console in a real browser")
@RequiresService(Service.CHROMIUM)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    static final String TOKEN = "console-browser-token-0123456789abcdef";
    static final String KEY = "bk_test_consolebrowser00000001";
    static final String HOSTILE = "<img src=x onerror=pwn()>";

    @TempDir
    static Path dataDir;

    static HttpServer shop;
    static volatile int shopStatus = 500;
    static ServerRuntime runtime;
    static EmbeddedJetty jetty;
    static String base;
    static WebDriver browser;
    static Path shots;
    static JsonPath paid;
    static String paidHash;
    static JsonPath hostile;

    @BeforeAll
    static void start() throws Exception {
        shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        shop.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(shopStatus, -1);
            exchange.close();
        });
        shop.start();
        Map<String, String> env = new HashMap<>(Map.of(
                "BAKONGPAY_PORT",
                "0",
                "BAKONGPAY_HOST",
                "127.0.0.1",
                "BAKONG_SIMULATOR_PORT",
                "0",
                "BAKONGPAY_DATA_DIR",
                dataDir.toString(),
                "BAKONGPAY_SIMULATOR_ENABLED",
                "true",
                "BAKONGPAY_API_KEYS",
                KEY + "=PRO",
                "BAKONGPAY_ADMIN_TOKEN",
                TOKEN,
                "BAKONGPAY_WEBHOOK_URL",
                "http://127.0.0.1:" + shop.getAddress().getPort() + "/hooks",
                "BAKONGPAY_WEBHOOK_SECRET",
                "whsec_console_browser_0123456789",
                "BAKONGPAY_WEBHOOK_MAX_ATTEMPTS",
                "1"));
        runtime = ServerRuntime.open(
                ServerSettings.read(ConfigLookup.builder().environment(env).build(), ServerSettings.Command.SERVE),
                Clock.systemUTC());
        jetty = EmbeddedJetty.start(runtime);
        base = jetty.localUrl().toString();

        // a shop's day: one payment paid in the simulator (its webhook fails and is given up), one hostile one pending
        paid = PaymentRoundTrip.run(
                base,
                KEY,
                SimulatorControl.connect(runtime.embeddedSimulatorUrl().orElseThrow()));
        paidHash = given().baseUri(base)
                .header("Authorization", "Bearer " + KEY)
                .contentType("application/json")
                .body("{\"md5\":\"" + paid.getString("data.md5") + "\"}")
                .post(SandboxGuide.CHECK_PATH)
                .then()
                .statusCode(200)
                .extract()
                .path("data.transaction.hash");
        Awaitility.await("the webhook is given up")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> runtime.storage()
                        .webhooks()
                        .find(eventId())
                        .map(d -> d.state() == WebhookDeliveryState.DEAD)
                        .orElse(false));
        seedActivity();
        hostile = given().baseUri(base)
                .header("Authorization", "Bearer " + KEY)
                .contentType("application/json")
                .body(Map.of(
                        "amount",
                        2.5,
                        "currency",
                        "USD",
                        "merchantName",
                        HOSTILE,
                        "bakongId",
                        "shop@aclb",
                        "description",
                        "<script>document.title='pwned'</script>"))
                .post(SandboxGuide.CREATE_PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(Services.chromium().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,1250");
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(Services.chromedriver().toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
        shots = Path.of(System.getProperty("bakongpay.console.screenshots", "target/console-screenshots"));
        Files.createDirectories(shots);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (jetty != null) jetty.close();
        if (runtime != null) runtime.close();
        if (shop != null) shop.stop(0);
    }

    static final int SEEDED = 60;
    static final Map<PaymentStatus, Integer> SEEDED_BY_STATUS = new EnumMap<>(PaymentStatus.class);

    /** {@value #SEEDED} earlier payments of four shops over the last 50 minutes, so the chart and the tables have something to show. */
    static void seedActivity() {
        String[][] shops = {
            {"shop-coffee", "Coffee Corner"},
            {"shop-books", "Phnom Penh Books"},
            {"shop-bakery", "ហាងនំបុ័ងស្រស់"},
            {"shop-mart", "Angkor Mart"}
        };
        PaymentStatus[] cycle = {
            PaymentStatus.SUCCESS,
            PaymentStatus.SUCCESS,
            PaymentStatus.SUCCESS,
            PaymentStatus.PENDING,
            PaymentStatus.SUCCESS,
            PaymentStatus.EXPIRED,
            PaymentStatus.SUCCESS,
            PaymentStatus.FAILED
        };
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        HexFormat hex = HexFormat.of();
        java.util.Random random = new java.util.Random(16);
        for (int i = 0; i < SEEDED; i++) {
            String[] shop = shops[i % shops.length];
            PaymentStatus status = cycle[i % cycle.length];
            Instant created = now.minus(Duration.ofSeconds(120 + random.nextInt(48 * 60)));
            byte[] md5 = new byte[16], hash = new byte[32];
            random.nextBytes(md5);
            random.nextBytes(hash);
            BigDecimal amount = BigDecimal.valueOf(50 + random.nextInt(5000), 2);
            runtime.storage()
                    .transactions()
                    .insert(Transaction.builder()
                            .id(UUID.randomUUID())
                            .merchantId(shop[0])
                            .mode(PaymentMode.TEST)
                            .md5(hex.formatHex(md5))
                            .qrString("00020101021229190015seeded@aclb" + i)
                            .amount(amount)
                            .currency("USD")
                            .bakongId(shop[0] + "@aclb")
                            .merchantName(shop[1])
                            .status(status)
                            .createdAt(created)
                            // a pending one expires later, so that reconciliation leaves its status as seeded
                            .expiresAt(
                                    status == PaymentStatus.PENDING
                                            ? now.plus(Duration.ofHours(1))
                                            : created.plus(Duration.ofMinutes(15)))
                            .updatedAt(created.plusSeconds(40))
                            .payment(
                                    status == PaymentStatus.SUCCESS
                                            ? new UpstreamPayment(
                                                    hex.formatHex(hash),
                                                    "payer@abaa",
                                                    shop[0] + "@aclb",
                                                    amount,
                                                    "USD",
                                                    created.plusSeconds(35),
                                                    "100FT" + (3000000 + i),
                                                    null)
                                            : null)
                            .statusReason(status == PaymentStatus.FAILED ? "declined by the payer's bank" : null)
                            .build());
            SEEDED_BY_STATUS.merge(status, 1, Integer::sum);
        }
    }

    static String eventId() {
        return paid.getString("data.transactionId") + ":SUCCESS";
    }

    static WebDriverWait patiently() {
        return (WebDriverWait)
                new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class);
    }

    static WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    static void screenshot(String name) throws IOException {
        Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    static void signIn(String token) {
        WebElement field = patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        field.clear();
        field.sendKeys(token);
        byId("sign-in").click();
    }

    static void tab(String name) {
        byId("tab-button-" + name).click();
        patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("tab-" + name)));
    }

    @Test
    @Order(1)
    @DisplayName("a wrong token is refused with a message, and nothing of the console shows")
    void wrongToken() throws IOException {
        browser.get(base + "/admin");
        signIn("not-the-admin-token-at-all-00000");
        patiently().until(ExpectedConditions.textToBe(By.id("login-error"), "This is not the admin token."));
        assertThat(byId("app").isDisplayed()).isFalse();
        screenshot("sign-in");
    }

    @Test
    @Order(2)
    @DisplayName("signed in, a payment paid in the simulator is found by its md5 and shows its upstream block")
    void findPaymentByMd5() throws IOException {
        signIn(TOKEN);
        patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("tab-payments")));
        assertThat(byId("token").getAttribute("value")).isEmpty();
        byId("q-md5").sendKeys(paid.getString("data.md5"));
        byId("search").click();
        By row = By.cssSelector("#payments tbody tr[data-id='" + paid.getString("data.transactionId") + "']");
        patiently().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#payments tbody tr"), 1));
        browser.findElement(row).click();
        patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("payment-upstream")));
        assertThat(byId("payment-fields").getText())
                .contains(paid.getString("data.transactionId"))
                .contains("Paid");
        assertThat(byId("payment-upstream").getText()).contains(paidHash).contains("coffee@aclb");
        assertThat(byId("payment-webhooks").getText())
                .contains("payment.succeeded")
                .contains("Given up");
        screenshot("payments");
    }

    @Test
    @Order(3)
    @DisplayName("a hostile merchant name and description show as text; nothing of them runs")
    void hostileTextIsText() {
        byId("q-md5").clear();
        byId("q-md5").sendKeys(hostile.getString("data.md5"));
        byId("search").click();
        patiently().until(ExpectedConditions.textToBePresentInElementLocated(By.id("payments"), HOSTILE));
        browser.findElement(By.cssSelector("#payments tbody tr")).click();
        patiently()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("payment-fields"), "<script>document.title='pwned'</script>"));
        assertThat(browser.findElements(By.cssSelector("main img, main script")))
                .isEmpty();
        assertThat(browser.getTitle()).isEqualTo("BakongPay operator console");
        byId("q-md5").clear();
    }

    @Test
    @Order(4)
    @DisplayName("a webhook given up on is listed and redelivered; it reaches the fixed shop")
    void redeliverWebhook() throws IOException {
        tab("webhooks");
        new Select(byId("w-state")).selectByValue("DEAD");
        byId("webhooks-refresh").click();
        By redeliver = By.cssSelector("#webhooks tr[data-event='" + eventId() + "'] button");
        patiently().until(ExpectedConditions.elementToBeClickable(redeliver));
        assertThat(byId("webhooks").getText()).contains("HTTP 500");
        screenshot("webhooks");
        shopStatus = 204;
        browser.findElement(redeliver).click();
        patiently().until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), eventId()));
        Awaitility.await("the redelivered webhook reaches the shop")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> runtime.storage()
                        .webhooks()
                        .find(eventId())
                        .map(d -> d.state() == WebhookDeliveryState.DELIVERED)
                        .orElse(false));
        new Select(byId("w-state")).selectByValue("DELIVERED");
        byId("webhooks-refresh").click();
        patiently()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#webhooks tr[data-event='" + eventId() + "']")));
    }

    @Test
    @Order(5)
    @DisplayName("the activity chart draws this hour's payments per minute by status: every payment in one bar segment")
    void chart() throws IOException {
        tab("activity");
        new Select(byId("a-hours")).selectByValue("1");
        Map<String, Integer> expected = new HashMap<>();
        SEEDED_BY_STATUS.forEach((status, n) -> expected.put(status.name(), n));
        expected.merge("SUCCESS", 1, Integer::sum); // paid in the simulator
        expected.merge("PENDING", 1, Integer::sum); // the hostile one
        // the 6-hour chart may still be replaced by the 1-hour one: a bar read mid-redraw is read again
        patiently()
                .ignoring(StaleElementReferenceException.class)
                .until(d -> countsByStatus().equals(expected));
        screenshot("activity");
    }

    /** The chart's bar segments summed by status. */
    static Map<String, Integer> countsByStatus() {
        Map<String, Integer> counts = new HashMap<>();
        for (WebElement bar : browser.findElements(By.cssSelector("#chart-svg rect.bar"))) {
            counts.merge(
                    bar.getAttribute("data-status"), Integer.parseInt(bar.getAttribute("data-count")), Integer::sum);
        }
        return counts;
    }

    @Test
    @Order(6)
    @DisplayName("the console switches to Khmer and back")
    void khmer() throws IOException {
        tab("payments");
        browser.findElement(By.cssSelector("button.lang[data-lang=km]")).click();
        patiently().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "km"));
        assertThat(byId("tab-button-payments").getText()).isEqualTo("ការទូទាត់");
        assertThat(byId("search").getText()).isEqualTo("ស្វែងរក");
        patiently().until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#payments tbody tr"), 1));
        assertThat(byId("payments").getText()).contains("បានបង់");
        screenshot("payments-km");
        tab("activity");
        patiently().until(ExpectedConditions.presenceOfElementLocated(By.id("chart-svg")));
        screenshot("activity-km");
        browser.findElement(By.cssSelector("button.lang[data-lang=en]")).click();
        patiently().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertThat(byId("tab-button-payments").getText()).isEqualTo("Payments");
    }

    @Test
    @Order(7)
    @DisplayName("API keys: create one (shown once), rotate it, revoke the old one; a hostile label shows as text")
    void keys() throws IOException {
        tab("keys");
        String label = HOSTILE + " Shop A";
        byId("k-label").sendKeys(label);
        new Select(byId("k-plan")).selectByValue("PRO");
        new Select(byId("k-mode")).selectByValue("test");
        byId("key-create-button").click();
        patiently().until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key")));
        String created = byId("new-key-value").getText();
        assertThat(created).startsWith("bk_test_");
        patiently().until(ExpectedConditions.textToBePresentInElementLocated(By.id("keys"), label));
        assertThat(browser.findElements(By.cssSelector("main img, main script")))
                .isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(KEY);
        createWith(created).statusCode(200);
        screenshot("keys");

        WebElement row = keyRow(label, "Active");
        row.findElement(By.cssSelector("button.rotate")).click();
        patiently()
                .until(d -> !byId("new-key-value").getText().equals(created)
                        && !byId("new-key-value").getText().isEmpty());
        String rotated = byId("new-key-value").getText();
        patiently()
                .until(d -> browser.findElements(By.cssSelector("#keys tbody tr")).stream()
                        .anyMatch(
                                r -> r.getText().contains(label) && r.getText().contains("Expiring")));
        createWith(rotated).statusCode(200);
        createWith(created).statusCode(200); // the old key works through its grace period

        WebElement old = keyRow(label, "Expiring");
        WebElement revoke = old.findElement(By.cssSelector("button.revoke"));
        revoke.click();
        assertThat(revoke.getAttribute("data-armed")).isEqualTo("true");
        revoke.click();
        patiently()
                .until(d -> browser.findElements(By.cssSelector("#keys tbody tr")).stream()
                        .anyMatch(
                                r -> r.getText().contains(label) && r.getText().contains("Revoked")));
        Awaitility.await("the revoked key is refused")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> createWith(created).extract().statusCode() == 401);
        createWith(rotated).statusCode(200);
        byId("new-key-done").click();
        assertThat(byId("new-key-value").getText()).isEmpty();
        screenshot("keys-after-rotate");
    }

    static WebElement keyRow(String label, String state) {
        return browser.findElements(By.cssSelector("#keys tbody tr")).stream()
                .filter(r -> r.getText().contains(label) && r.getText().contains(state))
                .findFirst()
                .orElseThrow();
    }

    static io.restassured.response.ValidatableResponse createWith(String key) {
        return given().baseUri(base)
                .header("Authorization", "Bearer " + key)
                .contentType("application/json")
                .body(SandboxGuide.SAMPLE_ORDER)
                .post(SandboxGuide.CREATE_PATH)
                .then();
    }
}
