package dev.bakongpay.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14: {@code "amount":1e100000} was saved to the state file (and the sandbox then refused to
 * start); {@code 1e2000000} kept a simulator thread busy for over 90 s. Numbers are judged by size first.
 */
@DisplayName("Control amounts and delays are bounded, judged by size before any arithmetic")
class ControlLimitsTest extends SimulatorTestBase {

    /**
     * "Not minutes" (1e2000000 took over 90 s, 1e20000000 two minutes): generous, as the machine
     * running the tests may be loaded; the requests go through the JDK's client, not RestAssured.
     */
    static final Duration QUICK = Duration.ofSeconds(20);

    static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    /** A JSON POST; returns the HTTP status. */
    static int post(String path, String json, String... headers) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        simulator.baseUrl().resolve(path))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @ParameterizedTest(name = "amount {0}")
    @ValueSource(
            strings = {
                "1e100000",
                "1e2000000",
                "1e999999999",
                "-1e2000000",
                "1e-2000000",
                "\"1e2000000\"",
                "\"1e-999999999\"",
                "123456789012345678901234567890123",
                "0.000000000000000000000000000000001",
                "\"9999999999999999999999999999999999999999999999999999999999999999999999\""
            })
    @DisplayName("an amount out of bounds is a quick 400 errorCode 5, and nothing is paid")
    void hugeAmount(String amount) {
        String qr = freshQr();
        assertThat(assertTimeoutPreemptively(
                        QUICK, () -> post("/simulator/payments", "{\"qr\":\"" + qr + "\",\"amount\":" + amount + "}")))
                .isEqualTo(400);
        anonymous()
                .body("{\"qr\":\"" + qr + "\",\"amount\":" + amount + "}")
                .post("/simulator/payments")
                .then()
                .statusCode(400)
                .body("errorCode", equalTo(5));
        assertThat(control.transactions()).isEmpty();
        // the QR is still unpaid: the refusal settled nothing
        anonymous().body(Map.of("qr", qr)).post("/simulator/payments").then().statusCode(201);
    }

    @ParameterizedTest(name = "delayMs {0}")
    @ValueSource(strings = {"1e2000000", "9223372036854775808", "31536000001", "\"1e999999999\""})
    @DisplayName("a delay out of bounds (more than a year) is a quick 400")
    void hugeDelay(String delay) {
        String body = "{\"qr\":\"" + freshQr() + "\",\"delayMs\":" + delay + "}";
        assertThat(assertTimeoutPreemptively(QUICK, () -> post("/simulator/payments", body)))
                .isEqualTo(400);
        anonymous()
                .body(body)
                .post("/simulator/payments")
                .then()
                .statusCode(400)
                .body("errorCode", equalTo(5));
        assertThat(control.transactions()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{\"kind\":\"LATENCY\",\"latencyMs\":1e2000000}",
                "{\"kind\":\"SERVER_ERROR\",\"share\":1e2000000}",
                "{\"kind\":\"SERVER_ERROR\",\"calls\":1e2000000}",
                "{\"kind\":\"LATENCY\",\"latencyMs\":10,\"windowMs\":1e999999999}",
                "{\"kind\":\"LATENCY\",\"latencyMs\":9223372036854775807}",
                "{\"kind\":\"TIMEOUT\",\"latencyMs\":3600001}",
                "{\"kind\":\"LATENCY\",\"latencyMs\":10,\"windowMs\":9223372036854775807}"
            })
    @DisplayName("a fault with a huge number is a quick 400 and is not put in force")
    void hugeFault(String body) {
        assertThat(assertTimeoutPreemptively(QUICK, () -> post("/simulator/faults", body)))
                .isEqualTo(400);
        anonymous().get("/simulator/faults").then().body("data.size()", equalTo(0));
    }

    @Test
    @DisplayName("a well-formed number too long to read (2000 digits) is a quick 400 that says so")
    void tooLongNumber() {
        String body = "{\"qr\":\"" + freshQr() + "\",\"amount\":1" + "0".repeat(2000) + "}";
        anonymous()
                .body(body)
                .post("/simulator/payments")
                .then()
                .statusCode(400)
                .body("errorCode", equalTo(5))
                .body("responseMessage", org.hamcrest.Matchers.containsString("too large"));
        assertThat(control.transactions()).isEmpty();
    }

    @Test
    @DisplayName("short-hash lookups judge the amount by size too")
    void shortHashAmount() {
        String body = "{\"hash\":\"abcdef12\",\"amount\":1e2000000,\"currency\":\"USD\"}";
        assertThat(assertTimeoutPreemptively(
                        QUICK,
                        () -> post("/v1/check_transaction_by_short_hash", body, "Authorization", "Bearer " + TOKEN)))
                .isEqualTo(400);
        nbc().body(body)
                .post("/v1/check_transaction_by_short_hash")
                .then()
                .statusCode(400)
                .body("errorCode", equalTo(5));
    }

    @ParameterizedTest(name = "amount {0}")
    @ValueSource(strings = {"1e30", "1e-7", "9.989999999", "0.01"})
    @DisplayName("odd amounts inside the bounds stay possible, so that a test can make NBC report them")
    void oddButBounded(String amount) {
        String qr = freshQr();
        anonymous()
                .body("{\"qr\":\"" + qr + "\",\"amount\":" + amount + "}")
                .post("/simulator/payments")
                .then()
                .statusCode(201);
        nbc().body(Map.of("md5", TestQrs.md5(qr)))
                .post("/v1/check_transaction_by_md5")
                .then()
                .statusCode(200)
                .body("data.amount", org.hamcrest.Matchers.notNullValue());
        assertThat(control.transactions().get(0).amount()).isEqualByComparingTo(amount);
    }

    @Test
    @DisplayName("a refused huge amount never reaches the state file; the simulator restarts from it")
    void neverSaved(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        String qr = TestQrs.coffee(Instant.now());
        try (BakongSimulator first =
                BakongSimulator.builder().port(0).stateFile(file).build().start()) {
            io.restassured.RestAssured.given()
                    .baseUri(first.baseUrl().toString())
                    .contentType("application/json")
                    .body("{\"qr\":\"" + qr + "\",\"amount\":1e100000}")
                    .post("/simulator/payments")
                    .then()
                    .statusCode(400);
            first.control().pay(TestQrs.coffee(Instant.now()));
        }
        assertThat(Files.size(file)).isLessThan(10_000);
        try (BakongSimulator second =
                BakongSimulator.builder().port(0).stateFile(file).build().start()) {
            assertThat(second.control().transactions()).hasSize(1);
            assertThat(file).exists();
        }
    }

    @Test
    @DisplayName("a picture whose header declares 100,000 × 100,000 pixels is a quick 422, not a heap exhausted")
    void hugePicture() {
        byte[] bomb = pngHeaderOf(100_000, 100_000);
        io.restassured.RestAssured.given()
                .baseUri(simulator.baseUrl().toString())
                .contentType("image/png")
                .body(bomb)
                .post("/simulator/payments")
                .then()
                .statusCode(422)
                .body("responseMessage", org.hamcrest.Matchers.containsString("100000 × 100000 pixels"));
        io.restassured.RestAssured.given()
                .baseUri(simulator.baseUrl().toString())
                .multiPart("image", "bomb.png", bomb, "image/png")
                .post("/simulator/qrs")
                .then()
                .statusCode(422)
                .body("responseMessage", org.hamcrest.Matchers.containsString("at most"));
        assertThat(control.transactions()).isEmpty();
    }

    /** A PNG of a few dozen bytes whose header declares a grey picture of {@code width} × {@code height}. */
    static byte[] pngHeaderOf(int width, int height) {
        java.nio.ByteBuffer ihdr =
                java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0); // 8-bit grey
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(new byte[64]);
        deflater.finish();
        byte[] idat = new byte[64];
        idat = java.util.Arrays.copyOf(idat, deflater.deflate(idat));
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IDAT", idat);
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(
                java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
