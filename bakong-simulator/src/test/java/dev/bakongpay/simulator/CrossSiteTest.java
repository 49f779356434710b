package dev.bakongpay.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14: any web page open in a developer's browser could pay, reset or inject faults through
 * the control API (text/plain from any Origin). These are the requests such a page can make.
 */
@DisplayName("The control API and the mock bank page refuse cross-site requests")
class CrossSiteTest extends SimulatorTestBase {

    static String own() {
        return simulator.baseUrl().toString();
    }

    static String order(String qr) {
        return "{\"qr\":\"" + qr + "\"}";
    }

    @Nested
    @DisplayName("Content-Type")
    class ContentTypes {

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "text/plain",
                    "text/plain;charset=UTF-8",
                    "application/x-www-form-urlencoded",
                    "application/xml"
                })
        @DisplayName("a POST that is not JSON (what a page sends cross-site without asking) gets 415 and pays nothing")
        void notJson(String type) {
            String qr = freshQr();
            RestAssured.given()
                    .baseUri(own())
                    .contentType(type)
                    .body(order(qr))
                    .post("/simulator/payments")
                    .then()
                    .statusCode(415)
                    .body("responseCode", equalTo(1))
                    .body("responseMessage", containsString("application/json"));
            assertThat(control.transactions()).isEmpty();
        }

        @Test
        @DisplayName("reset and faults need JSON too: text/plain gets 415 and changes nothing")
        void resetAndFaults() {
            control.pay(freshQr());
            RestAssured.given()
                    .baseUri(own())
                    .contentType("text/plain")
                    .body("{}")
                    .post("/simulator/reset")
                    .then()
                    .statusCode(415);
            RestAssured.given()
                    .baseUri(own())
                    .contentType("text/plain")
                    .body("{\"kind\":\"SERVER_ERROR\"}")
                    .post("/simulator/faults")
                    .then()
                    .statusCode(415);
            assertThat(control.transactions()).hasSize(1);
            RestAssured.given().baseUri(own()).get("/simulator/faults").then().body("data.size()", equalTo(0));
        }

        @Test
        @DisplayName("a POST without any Content-Type (fetch no-cors without a body) gets 415")
        void noContentType() throws IOException {
            control.pay(freshQr());
            String answer = raw("POST /simulator/reset HTTP/1.1\r\nHost: 127.0.0.1:" + simulator.port()
                    + "\r\nContent-Length: 0\r\n");
            assertThat(answer).startsWith("HTTP/1.1 415");
            assertThat(control.transactions()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("Origin and Sec-Fetch-Site")
    class Origins {

        @ParameterizedTest(name = "Origin: {0}")
        @ValueSource(strings = {"https://evil.example", "null", "http://127.0.0.1:1", "http://localhost.evil.example"})
        @DisplayName("a foreign Origin gets 403 and pays nothing, even with JSON")
        void foreignOrigin(String origin) {
            String qr = freshQr();
            anonymous()
                    .header("Origin", origin)
                    .body(order(qr))
                    .post("/simulator/payments")
                    .then()
                    .statusCode(403)
                    .body("responseCode", equalTo(1))
                    .body("responseMessage", containsString("cross-origin"));
            assertThat(control.transactions()).isEmpty();
        }

        @ParameterizedTest(name = "Sec-Fetch-Site: {0}")
        @ValueSource(strings = {"cross-site", "same-site", "none"})
        @DisplayName("Sec-Fetch-Site other than same-origin gets 403 on a POST")
        void crossSite(String site) {
            anonymous()
                    .header("Sec-Fetch-Site", site)
                    .body(order(freshQr()))
                    .post("/simulator/payments")
                    .then()
                    .statusCode(403);
            anonymous()
                    .header("Sec-Fetch-Site", site)
                    .body("{}")
                    .post("/simulator/reset")
                    .then()
                    .statusCode(403);
            assertThat(control.transactions()).isEmpty();
        }

        @Test
        @DisplayName("reads are refused cross-site too")
        void crossSiteRead() {
            anonymous()
                    .header("Sec-Fetch-Site", "cross-site")
                    .get("/simulator/transactions")
                    .then()
                    .statusCode(403);
            anonymous()
                    .header("Origin", "https://evil.example")
                    .get("/simulator/qrs")
                    .then()
                    .statusCode(403);
        }

        @Test
        @DisplayName("the simulator's own origin (what the mock bank page sends) is answered")
        void sameOrigin() {
            anonymous()
                    .header("Origin", own())
                    .header("Sec-Fetch-Site", "same-origin")
                    .body(order(freshQr()))
                    .post("/simulator/payments")
                    .then()
                    .statusCode(201);
            anonymous()
                    .header("Origin", "http://localhost:" + simulator.port())
                    .header("Host", "localhost:" + simulator.port())
                    .body(order(freshQr()))
                    .post("/simulator/payments")
                    .then()
                    .statusCode(201);
        }

        @Test
        @DisplayName("no Origin and no Sec-Fetch-Site (curl, Java, a test) is answered")
        void noOrigin() {
            anonymous()
                    .body(order(freshQr()))
                    .post("/simulator/payments")
                    .then()
                    .statusCode(201);
        }

        @Test
        @DisplayName("a request addressed to another host name (DNS rebinding to 127.0.0.1) gets 403")
        void rebinding() throws IOException {
            String answer = raw(
                    "GET /simulator/transactions HTTP/1.1\r\nHost: rebind.evil.example:" + simulator.port() + "\r\n");
            assertThat(answer).startsWith("HTTP/1.1 403").contains("loopback");
            String page = raw("GET / HTTP/1.1\r\nHost: rebind.evil.example:" + simulator.port() + "\r\n");
            assertThat(page).startsWith("HTTP/1.1 403");
            assertThat(raw("GET /simulator/transactions HTTP/1.1\r\nHost: localhost:" + simulator.port() + "\r\n"))
                    .startsWith("HTTP/1.1 200");
            assertThat(raw("GET /simulator/transactions HTTP/1.1\r\nHost: [::1]:" + simulator.port() + "\r\n"))
                    .startsWith("HTTP/1.1 200");
        }
    }

    @Nested
    @DisplayName("The mock bank page")
    class Page {

        @Test
        @DisplayName("a link from another site opens it (top-level navigation)")
        void navigation() {
            RestAssured.given()
                    .baseUri(own())
                    .header("Sec-Fetch-Site", "cross-site")
                    .header("Sec-Fetch-Mode", "navigate")
                    .header("Sec-Fetch-Dest", "document")
                    .get("/")
                    .then()
                    .statusCode(200)
                    .contentType(containsString("text/html"));
        }

        @Test
        @DisplayName("another site cannot load its script, fetch it or send it a foreign Origin")
        void embedding() {
            RestAssured.given()
                    .baseUri(own())
                    .header("Sec-Fetch-Site", "cross-site")
                    .header("Sec-Fetch-Mode", "no-cors")
                    .header("Sec-Fetch-Dest", "script")
                    .get("/bank.js")
                    .then()
                    .statusCode(403);
            RestAssured.given()
                    .baseUri(own())
                    .header("Sec-Fetch-Site", "cross-site")
                    .header("Sec-Fetch-Mode", "navigate")
                    .header("Sec-Fetch-Dest", "iframe")
                    .get("/")
                    .then()
                    .statusCode(403);
            RestAssured.given()
                    .baseUri(own())
                    .header("Origin", "https://evil.example")
                    .get("/")
                    .then()
                    .statusCode(403);
        }

        @Test
        @DisplayName("its own script and style load same-origin")
        void ownAssets() {
            RestAssured.given()
                    .baseUri(own())
                    .header("Sec-Fetch-Site", "same-origin")
                    .header("Sec-Fetch-Dest", "script")
                    .get("/bank.js")
                    .then()
                    .statusCode(200);
        }
    }

    /** One raw HTTP/1.1 request (headers end with the caller's CRLF), answered in full. */
    static String raw(String head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", simulator.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
