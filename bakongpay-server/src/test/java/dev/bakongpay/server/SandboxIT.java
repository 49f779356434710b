package dev.bakongpay.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.bakongpay.simulator.SimulatorControl;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the sandbox (java -jar … sandbox)")
class SandboxIT {
    private static final Pattern API = Pattern.compile("API and checkout page : (http://\\S+)");
    private static final Pattern BANK = Pattern.compile("Bakong simulator\\s+: (http://\\S+)");

    @TempDir
    Path workDir;

    private static String find(List<String> lines, Pattern p) {
        return lines.stream()
                .map(p::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line matches " + p + " in\n" + String.join("\n", lines)));
    }

    @Test
    @DisplayName("prints two test keys, the addresses and a create curl that works as pasted; Ctrl-C stops it cleanly")
    void printsWhatToDoNext() throws Exception {
        try (SandboxProcess sandbox = SandboxProcess.start(workDir, Map.of())) {
            List<String> guide = sandbox.awaitGuide(Duration.ofSeconds(90));
            String api = find(guide, API);
            String bank = find(guide, BANK);
            assertThat(guide)
                    .anyMatch(l -> l.matches("\\s+FREE\\s+TEST\\s+bk_test_[0-9a-f]{40}"))
                    .anyMatch(l -> l.matches("\\s+PRO\\s+TEST\\s+bk_test_[0-9a-f]{40}"));
            assertThat(guide).anyMatch(l -> l.contains("mock bank app: " + bank + "/"));
            assertThat(workDir.resolve("data")).isDirectory();

            given().baseUri(api)
                    .get("/health")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("store", equalTo("jdbc"))
                    .body("upstream.test.kind", equalTo("embedded Bakong simulator"));
            given().baseUri(bank).get("/simulator/health").then().statusCode(200);

            String curl = guide.stream()
                    .filter(l -> l.startsWith("curl -s -X POST " + api + "/api/v1/khqr/create"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no create curl in\n" + String.join("\n", guide)));
            PaymentRoundTrip.requireEndpoints();
            Process pasted = new ProcessBuilder("bash", "-c", curl)
                    .redirectErrorStream(true)
                    .start();
            String answer = new String(pasted.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(pasted.waitFor())
                    .as("curl's exit code; it answered: %s", answer)
                    .isZero();
            JsonPath created = JsonPath.from(answer);
            assertThat(created.getBoolean("success")).as(answer).isTrue();
            assertThat(URI.create(created.getString("data.checkoutUrl")).toString())
                    .startsWith(api + "/pay/");
            SimulatorControl.connect(URI.create(bank)).pay(created.getString("data.qrString"));
            given().baseUri(api)
                    .get(URI.create(created.getString("data.checkoutUrl")).getPath())
                    .then()
                    .statusCode(200);

            int exit = sandbox.interrupt(Duration.ofSeconds(30));
            assertThat(sandbox.stderr()).anyMatch(l -> l.contains("BakongPay stopped"));
            assertThat(exit).isIn(0, 130);
        }
    }

    @Test
    @DisplayName("a restarted sandbox prints the same keys and still knows the first run's payment")
    void restartKeepsKeysAndData() throws Exception {
        String key;
        String md5;
        try (SandboxProcess first = SandboxProcess.start(workDir, Map.of())) {
            List<String> guide = first.awaitGuide(Duration.ofSeconds(90));
            key = guide.stream()
                    .filter(l -> l.matches("\\s+FREE\\s+TEST\\s+bk_test_[0-9a-f]{40}"))
                    .findFirst()
                    .orElseThrow()
                    .strip()
                    .replaceAll(".*\\s", "");
            md5 = PaymentRoundTrip.run(find(guide, API), key, SimulatorControl.connect(URI.create(find(guide, BANK))))
                    .getString("data.md5");
            first.interrupt(Duration.ofSeconds(30));
        }
        try (SandboxProcess second = SandboxProcess.start(workDir, Map.of())) {
            List<String> guide = second.awaitGuide(Duration.ofSeconds(90));
            assertThat(guide).anyMatch(l -> l.contains("Bearer " + key));
            given().baseUri(find(guide, API))
                    .header("Authorization", "Bearer " + key)
                    .contentType("application/json")
                    .body("{\"md5\":\"" + md5 + "\"}")
                    .post(SandboxGuide.CHECK_PATH)
                    .then()
                    .statusCode(200)
                    .body("data.status", equalTo("SUCCESS"));
            second.interrupt(Duration.ofSeconds(30));
        }
    }

    @Test
    @DisplayName(
            "a second sandbox on the same folder exits 1 with one line and no stack trace, and writes nothing there")
    void secondOnSameFolder() throws Exception {
        try (SandboxProcess first = SandboxProcess.start(workDir, Map.of())) {
            first.awaitGuide(Duration.ofSeconds(90));
            Path data = workDir.resolve("data");
            List<String> before;
            try (var files = java.nio.file.Files.list(data)) {
                before = files.map(p -> p.getFileName().toString()).sorted().toList();
            }
            try (SandboxProcess second = SandboxProcess.start(workDir, Map.of())) {
                assertThat(second.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
                assertThat(second.stderr())
                        .containsExactly(
                                "bakongpay-server: the data folder " + data.toRealPath()
                                        + " is in use by another BakongPay server; stop that one first, or give this one its own folder with BAKONGPAY_DATA_DIR");
            }
            try (var files = java.nio.file.Files.list(data)) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                        .isEqualTo(before)
                        .noneMatch(f -> f.endsWith(".trace.db"));
            }
            first.interrupt(Duration.ofSeconds(30));
        }
    }

    @Test
    @DisplayName("uses the keys of BAKONGPAY_API_KEYS instead of generating some, and stops cleanly on Ctrl-C")
    void configuredKeys() throws Exception {
        String keys = "bk_test_free0000000000000001=FREE,bk_test_pro00000000000000001=PRO";
        try (SandboxProcess sandbox = SandboxProcess.start(workDir, Map.of("BAKONGPAY_API_KEYS", keys))) {
            List<String> guide = sandbox.awaitGuide(Duration.ofSeconds(90));
            assertThat(guide)
                    .anyMatch(l -> l.matches("\\s+FREE\\s+TEST\\s+bk_test_free0000000000000001"))
                    .anyMatch(l -> l.matches("\\s+PRO\\s+TEST\\s+bk_test_pro00000000000000001"))
                    .anyMatch(l -> l.contains("Bearer bk_test_free0000000000000001"));
            int exit = sandbox.interrupt(Duration.ofSeconds(30));
            assertThat(sandbox.stderr())
                    .as("the shutdown log")
                    .anyMatch(l -> l.contains("BakongPay stopped: store, limiter and simulator closed"));
            // the JVM exits with 128 + SIGINT after its shutdown hooks, as the server README says
            assertThat(exit).as("exit code after Ctrl-C").isEqualTo(130);
        }
    }
}
