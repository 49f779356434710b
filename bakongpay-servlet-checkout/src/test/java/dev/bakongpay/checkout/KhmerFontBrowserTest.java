package dev.bakongpay.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.Transaction;
import dev.bakongpay.testsupport.RequiresService;
import dev.bakongpay.testsupport.Service;
import dev.bakongpay.testsupport.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The bundled Noto Sans Khmer in Debian's headless Chromium, on a machine made to have no Khmer
 * font of its own: Chromium sees only the DejaVu fonts (a fontconfig of one folder), so any Khmer
 * on the page can come from the servlet's font alone. HtmlUnit loads no web fonts, hence a real
 * browser. Skipped where Chromium is not installed, except under {@code CI=true}, where that fails.
 */
@DisplayName("The bundled Khmer font in headless Chromium")
@RequiresService(Service.CHROMIUM)
class KhmerFontBrowserTest {
    static CheckoutServer server;
    static ChromeDriver browser;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        server = CheckoutServer.start();
        Path fontconfig = dir.resolve("fonts.conf");
        Files.writeString(
                fontconfig,
                "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>"
                        + "<dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>" + dir.resolve("font-cache")
                        + "</cachedir></fontconfig>\n");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Services.chromium().toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--window-size=420,900",
                "--user-data-dir=" + dir.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Services.chromedriver().toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("FONTCONFIG_FILE", fontconfig.toString()))
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) browser.quit();
        } finally {
            server.close();
        }
    }

    @Test
    @DisplayName(
            "draws the Khmer page's Khmer text with the bundled font, both weights loaded from the servlet under its CSP")
    void khmerPage() {
        Transaction t = server.add(Fixtures.khr("10000", Instant.now().plusSeconds(900))
                .attributes(Map.of("merchantNameKhmer", "ហាងហ្វីន"))
                .build());
        browser.get(server.page(t) + "?lang=km");
        Map<String, Object> fonts = loadedFonts();
        assertThat(fonts.get("faces"))
                .asList()
                .containsExactlyInAnyOrder("Noto Sans Khmer 400 loaded", "Noto Sans Khmer 700 loaded");
        assertThat(fonts.get("fetched"))
                .asList()
                .hasSize(2)
                .allSatisfy(
                        url -> assertThat(url.toString())
                                .matches(
                                        "http://127\\.0\\.0\\.1:[0-9]+/shop/pay/fonts/noto-sans-khmer-(400|700)\\.[0-9a-f]{10}\\.woff2"));
        assertThat(fonts.get("check")).isEqualTo(true);

        assertThat(platformFonts("#merchant-km"))
                .as("the shop's Khmer name (weight 400)")
                .containsExactly("NotoSansKhmer-Regular web font");
        assertThat(platformFonts(".state-PENDING .state-title"))
                .as("the waiting title (weight 600: the 700 face)")
                .containsExactly("NotoSansKhmer-Bold web font");
        // the control: without the page's font, this browser has nothing to draw Khmer with
        assertThat(platformFonts("#control")).isNotEmpty().noneMatch(font -> font.contains("Khmer"));
    }

    @Test
    @DisplayName("draws the English page's Khmer language link with the bundled font too")
    void englishPage() {
        Transaction t =
                server.add(Fixtures.usd("1.00", Instant.now().plusSeconds(900)).build());
        browser.get(server.page(t));
        assertThat(loadedFonts().get("faces")).asList().contains("Noto Sans Khmer 400 loaded");
        assertThat(platformFonts("a[lang=km]")).containsExactly("NotoSansKhmer-Regular web font");
    }

    /**
     * After {@code document.fonts.ready}: the page's font faces with their status, the font URLs it
     * fetched, and {@code document.fonts.check} for Khmer. Adds {@code #control}, Khmer in {@code serif}.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> loadedFonts() {
        return (Map<String, Object>) browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var control = document.createElement('span');
                control.id = 'control';
                control.style.fontFamily = 'serif';
                control.textContent = 'ក';
                document.body.appendChild(control);
                document.fonts.ready.then(function () {
                  var faces = [];
                  document.fonts.forEach(function (f) { faces.push(f.family.replace(/["']/g, '') + ' ' + f.weight + ' ' + f.status); });
                  var fetched = performance.getEntriesByType('resource').map(function (e) { return e.name; })
                      .filter(function (n) { return n.indexOf('/fonts/') >= 0; });
                  done({faces: faces, fetched: fetched, check: document.fonts.check('16px "Noto Sans Khmer"', 'ក')});
                });
                """);
    }

    /** The fonts Chromium drew the element's text with, as {@code "NotoSansKhmer-Bold web font"} (DevTools' own record). */
    @SuppressWarnings("unchecked")
    private static List<String> platformFonts(String selector) {
        browser.executeCdpCommand("DOM.enable", Map.of());
        browser.executeCdpCommand("CSS.enable", Map.of());
        Map<String, Object> root = (Map<String, Object>)
                browser.executeCdpCommand("DOM.getDocument", Map.of()).get("root");
        Object node = browser.executeCdpCommand(
                        "DOM.querySelector", Map.of("nodeId", root.get("nodeId"), "selector", selector))
                .get("nodeId");
        assertThat(((Number) node).intValue()).as("element %s", selector).isPositive();
        List<Map<String, Object>> fonts = (List<Map<String, Object>>)
                browser.executeCdpCommand("CSS.getPlatformFontsForNode", Map.of("nodeId", node))
                        .get("fonts");
        return fonts.stream()
                .map(f -> f.get("postScriptName")
                        + (Boolean.TRUE.equals(f.get("isCustomFont")) ? " web font" : " system font"))
                .toList();
    }
}
