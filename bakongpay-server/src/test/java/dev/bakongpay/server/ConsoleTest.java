package dev.bakongpay.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.runtime.ServerRuntime;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's files and headers over HTTP, and the rules its page and script keep (no browser needed). */
@DisplayName("The operator console at /admin")
class ConsoleTest {
    static final String TOKEN = "console-admin-token-0123456789abcdef";
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @TempDir
    Path dataDir;

    private ServerRuntime runtime;
    private EmbeddedJetty jetty;

    private String serve(boolean withAdminToken) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of(
                "BAKONGPAY_PORT",
                "0",
                "BAKONGPAY_HOST",
                "127.0.0.1",
                "BAKONGPAY_DATA_DIR",
                dataDir.toString(),
                "BAKONGPAY_API_KEYS",
                "bk_test_console000000000001=PRO",
                "BAKONGPAY_SIMULATOR_ENABLED",
                "true",
                "BAKONG_SIMULATOR_PORT",
                "0"));
        if (withAdminToken) env.put("BAKONGPAY_ADMIN_TOKEN", TOKEN);
        runtime = ServerRuntime.open(
                ServerSettings.read(ConfigLookup.builder().environment(env).build(), ServerSettings.Command.SERVE),
                Clock.systemUTC());
        jetty = EmbeddedJetty.start(runtime);
        return jetty.localUrl().toString();
    }

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) jetty.close();
        if (runtime != null) runtime.close();
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = ConsoleTest.class.getResourceAsStream("/dev/bakongpay/server/web/console/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("without BAKONGPAY_ADMIN_TOKEN neither the console nor its API exists")
    void offWithoutToken() throws Exception {
        String base = serve(false);
        given().baseUri(base).redirects().follow(false).get("/admin/").then().statusCode(404);
        given().baseUri(base)
                .header("Authorization", "Bearer " + TOKEN)
                .get("/admin/v1/payments")
                .then()
                .statusCode(404);
    }

    @Test
    @DisplayName(
            "/admin leads to /admin/; the page, its script and its style come with the strict CSP, no framing, no sniffing, no caching")
    void filesAndHeaders() throws Exception {
        String base = serve(true);
        given().baseUri(base)
                .redirects()
                .follow(false)
                .get("/admin")
                .then()
                .statusCode(308)
                .header("Location", "/admin/");
        for (String[] file : new String[][] {
            {"/admin/", "text/html"}, {"/admin/console.js", "text/javascript"}, {"/admin/console.css", "text/css"}
        }) {
            Response r = given().baseUri(base).get(file[0]);
            r.then()
                    .statusCode(200)
                    .contentType(startsWith(file[1]))
                    .header("Content-Security-Policy", CSP)
                    .header("X-Frame-Options", "DENY")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "no-store")
                    .header("Referrer-Policy", "no-referrer");
        }
        given().baseUri(base).get("/admin/").then().body(containsString("<script src=\"console.js\" defer></script>"));
    }

    @Test
    @DisplayName("other paths are a 404 and other methods a 405, in the API's error envelope")
    void refusals() throws Exception {
        String base = serve(true);
        given().baseUri(base)
                .get("/admin/secrets.txt")
                .then()
                .statusCode(404)
                .body("success", equalTo(false))
                .body("error.code", equalTo("not_found"));
        given().baseUri(base)
                .post("/admin/")
                .then()
                .statusCode(405)
                .header("Allow", "GET, HEAD")
                .body("error.code", equalTo("method_not_allowed"));
    }

    @Test
    @DisplayName("the console's calls need the admin token: it opens /admin/v1, an API key or another token is a 401")
    void apiNeedsToken() throws Exception {
        String base = serve(true);
        given().baseUri(base)
                .header("Authorization", "Bearer " + TOKEN)
                .get("/admin/v1/payments")
                .then()
                .statusCode(200)
                .body("payments.size()", equalTo(0));
        given().baseUri(base)
                .header("Authorization", "Bearer bk_test_console000000000001")
                .get("/admin/v1/payments")
                .then()
                .statusCode(401)
                .body("error.code", equalTo("invalid_admin_token"));
    }

    @Test
    @DisplayName("the page carries no inline script, style or handler, and the script never writes markup")
    void noInlineCodeNoMarkupFromData() throws IOException {
        String html = resource("index.html");
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(html).find())
                .as("inline <script>")
                .isFalse();
        assertThat(Pattern.compile("<style|\\sstyle=|\\son[a-z]+=", Pattern.CASE_INSENSITIVE)
                        .matcher(html)
                        .find())
                .as("inline style or event handler")
                .isFalse();
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn");
        String js = resource("console.js");
        assertThat(js)
                .doesNotContain("innerHTML")
                .doesNotContain("outerHTML")
                .doesNotContain("insertAdjacentHTML")
                .doesNotContain("document.write")
                .doesNotContain("eval(")
                .doesNotContain("new Function")
                .doesNotContain("localStorage.setItem(TOKEN_KEY");
        assertThat(js).contains("sessionStorage.setItem(TOKEN_KEY");
    }
}
