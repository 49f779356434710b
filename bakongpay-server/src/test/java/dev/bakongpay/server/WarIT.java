package dev.bakongpay.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.bakongpay.simulator.BakongSimulator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged WAR, unchanged, on two Servlet 6 containers. It is configured only through context
 * parameters, the way an operator configures a WAR they did not build.
 */
@DisplayName("the WAR")
class WarIT {
    static final String KEY = "bk_test_war0123456789abcdef";
    static BakongSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        simulator = BakongSimulator.builder()
                .port(0)
                .token("war-test-token")
                .build()
                .start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.stop();
    }

    static Path war() {
        String version = System.getProperty("project.version", "0.1.0-SNAPSHOT");
        Path war = Path.of("target", "bakongpay-server-" + version + ".war");
        assertThat(war).as("mvn package builds the WAR before this test").exists();
        return war.toAbsolutePath();
    }

    /** A port free now; the container binds it, and the checkout links name it. */
    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static final String ADMIN_TOKEN = "war-admin-token-0123456789abcdef";

    static Map<String, String> contextParameters(Path dataDir, int port) {
        return Map.of(
                "BAKONGPAY_PUBLIC_URL",
                "http://127.0.0.1:" + port,
                "BAKONGPAY_DB_URL",
                "jdbc:h2:file:" + dataDir.resolve("war") + ";DB_CLOSE_ON_EXIT=FALSE",
                "BAKONGPAY_DATA_DIR",
                dataDir.toString(),
                "BAKONGPAY_API_KEYS",
                KEY + "=PRO",
                "BAKONGPAY_TEST_BAKONG_URL",
                simulator.baseUrl().toString(),
                "BAKONGPAY_TEST_BAKONG_TOKEN",
                "war-test-token",
                "BAKONGPAY_ADMIN_TOKEN",
                ADMIN_TOKEN);
    }

    static void servesBakongPay(String base) {
        given().baseUri(base)
                .get("/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("store", equalTo("jdbc"))
                .body("upstream.test.url", equalTo(simulator.baseUrl().toString()));
        given().baseUri(base).get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(base)
                .get("/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("store.status", equalTo("UP"))
                .body("limiter.status", equalTo("UP"));
        // 404, not 503: the checkout page is mapped and has its source
        given().baseUri(base)
                .get("/pay/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'none'"));
        PaymentRoundTrip.requireEndpoints();
        String md5 = PaymentRoundTrip.run(base, KEY, simulator.control()).getString("data.md5");
        answersErrorsInTheEnvelope(base);
        // /metrics in the WAR: the admin token's, Prometheus text with the payment just made
        given().baseUri(base).get("/metrics").then().statusCode(401).body("error.code", equalTo("missing_admin_token"));
        given().baseUri(base)
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .get("/metrics")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString(
                        "bakongpay_payments_create_seconds_count{outcome=\"created\"} 1"))
                .body(org.hamcrest.Matchers.containsString(
                        "bakongpay_payments_status_changes_total{from=\"pending\",to=\"success\"} 1"));
        // the operator console and its API, mounted as in the executable JAR
        given().baseUri(base)
                .get("/admin/")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/html"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'"));
        given().baseUri(base)
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .get("/admin/v1/payments?md5=" + md5)
                .then()
                .statusCode(200)
                .body("payments[0].status", equalTo("SUCCESS"));
    }

    /** The container's errors inside the web application are the API's envelope too (its error page), never its HTML page. */
    static void answersErrorsInTheEnvelope(String base) {
        given().baseUri(base)
                .get("/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("success", equalTo(false))
                .body("error.code", equalTo("not_found"));
        // containers refuse TRACE themselves before any filter (Jetty 405 in the envelope, Tomcat a bare 403): never an
        // echo
        given().baseUri(base)
                .request("TRACE", "/health")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(403, 405))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("TRACE /health")));
        given().baseUri(base)
                .request("PUT", "/health")
                .then()
                .statusCode(405)
                .contentType("application/json")
                .header("Allow", "GET, HEAD, OPTIONS")
                .body("error.code", equalTo("method_not_allowed"));
        // Jersey refuses an unparsable Content-Type with sendError(400) before any filter runs: the error page answers
        // it
        given().baseUri(base)
                .header("Authorization", "Bearer " + KEY)
                .header("Content-Type", ";;;garbage")
                .body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/check/md5")
                .then()
                .statusCode(400)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("error.code", equalTo("bad_request"));
        given().baseUri(base)
                .header("Authorization", "Bearer " + KEY)
                .contentType("application/json")
                .body("{\"md5\":\"x\"}")
                .post("/api/v1/check/md5")
                .then()
                .header("Cache-Control", "no-store");
    }

    @Test
    @DisplayName("carries no logging binding: its container decides how it logs")
    void noLoggingBinding() throws Exception {
        java.util.List<String> libraries;
        try (java.util.zip.ZipFile war = new java.util.zip.ZipFile(war().toFile())) {
            libraries = war.stream()
                    .map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.startsWith("WEB-INF/lib/"))
                    .toList();
        }
        assertThat(libraries)
                .anyMatch(n -> n.startsWith("WEB-INF/lib/slf4j-api-"))
                .noneMatch(n -> n.startsWith("WEB-INF/lib/logback-")
                        || n.startsWith("WEB-INF/lib/jul-to-slf4j-")
                        || n.startsWith("WEB-INF/lib/slf4j-simple-"));
    }

    @Nested
    @DisplayName("on Jetty 12 (ee11 web application context)")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnJetty {
        Server server;

        @Test
        @DisplayName("starts from its web-fragment, answers /health, and takes a payment from create to paid")
        void createPayCheck(@TempDir Path dataDir) throws Exception {
            server = new Server();
            int port = freePort();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(port);
            server.addConnector(connector);
            WebAppContext webapp = new WebAppContext();
            webapp.setContextPath("/");
            webapp.setWar(war().toString());
            webapp.setTempDirectory(
                    Files.createDirectories(dataDir.resolve("jetty-work")).toFile());
            webapp.setThrowUnavailableOnStartupException(true);
            contextParameters(dataDir, port).forEach(webapp::setInitParameter);
            server.setHandler(webapp);
            server.start();
            servesBakongPay("http://127.0.0.1:" + port);
        }

        @org.junit.jupiter.api.AfterEach
        void stop() throws Exception {
            if (server != null) server.stop();
        }
    }

    @Nested
    @DisplayName("on Apache Tomcat 11 (embedded)")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnTomcat {
        Tomcat tomcat;

        @Test
        @DisplayName("starts from its web-fragment, answers /health, and takes a payment from create to paid")
        void createPayCheck(@TempDir Path dataDir) throws Exception {
            tomcat = new Tomcat();
            File base = Files.createDirectories(dataDir.resolve("tomcat")).toFile();
            tomcat.setBaseDir(base.getPath());
            tomcat.getHost()
                    .setAppBase(
                            Files.createDirectories(dataDir.resolve("webapps")).toString());
            int port = freePort();
            tomcat.setPort(port);
            tomcat.getConnector().setProperty("address", "127.0.0.1");
            tomcat.setAddDefaultWebXmlToWebapp(false); // no JSP engine here, and BakongPay needs none
            Context context = tomcat.addWebapp("", war().toString());
            // a real Tomcat has only its own jars on the class path; this test JVM also has the
            // server's classes there, which Tomcat would otherwise scan as a second web fragment
            ((org.apache.tomcat.util.scan.StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
            contextParameters(dataDir, port).forEach(context::addParameter);
            tomcat.start();
            assertThat(context.getState().isAvailable()).as("the WAR deployed").isTrue();
            servesBakongPay("http://127.0.0.1:" + port);
        }

        @org.junit.jupiter.api.AfterEach
        void stop() throws Exception {
            if (tomcat != null) {
                tomcat.stop();
                tomcat.destroy();
            }
        }
    }
}
