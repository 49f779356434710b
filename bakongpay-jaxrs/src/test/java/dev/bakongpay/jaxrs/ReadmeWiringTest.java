package dev.bakongpay.jaxrs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.bakongpay.core.bakong.BakongClient;
import dev.bakongpay.core.bakong.BakongClientConfig;
import dev.bakongpay.core.payment.BakongPaymentNetwork;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.core.payment.PaymentSettings;
import dev.bakongpay.core.payment.QrImageService;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.RateLimiter;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.memory.MemoryRateLimiter;
import dev.bakongpay.spi.memory.MemoryStorageProvider;
import jakarta.ws.rs.core.Application;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The wiring snippet of this module's README: its lines are in {@link #wire()}, and they serve the API. */
@DisplayName("the README's wiring example")
class ReadmeWiringTest {

    static Application wire() {
        // spotless:off (twinned with the README, which keeps aligned comments)
        Clock clock = Clock.systemUTC();
        Storage storage = MemoryStorageProvider.create(clock);   // or JdbcStorage.builder(dataSource).clock(clock).build()
        RateLimiter limiter = new MemoryRateLimiter(clock);       // or RedisRateLimiter.builder(redisClient).build()
        ApiKeys.seed(storage.apiKeys(), Map.of("bk_test_shop0001", Plan.PRO), clock.instant());   // stored hashed

        PaymentService.Builder payments = PaymentService.builder()
                .transactions(storage.transactions()).idempotency(storage.idempotency())
                // bk_test_… keys are checked against a Bakong simulator (./sandbox runs one on port 9090)
                .network(PaymentMode.TEST, new BakongPaymentNetwork(BakongClient.create(
                        BakongClientConfig.builder("http://127.0.0.1:9090", "demo-token").build())))
                // default expiry, shortest, longest; base of checkoutUrl; how long a PENDING answer is reused
                .settings(new PaymentSettings(Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(24),
                        URI.create("https://shop.example"), Duration.ofSeconds(2)))
                .listener(event -> System.out.println(event.transaction().id() + " is " + event.current()))
                .clock(clock);
        // bk_live_… keys are checked against NBC, which needs a token; without one, live checks answer 502
        String nbcToken = System.getenv("BAKONGPAY_BAKONG_TOKEN");
        if (nbcToken != null && !nbcToken.isBlank()) {
            payments.network(PaymentMode.LIVE, new BakongPaymentNetwork(BakongClient.create(
                    BakongClientConfig.builder("https://api-bakong.nbc.gov.kh", nbcToken).build())));
        }

        BakongPayRuntime runtime = BakongPayRuntime.builder()
                .payments(payments.build())
                .qrImages(new QrImageService(clock))              // core's PNG/SVG renderer
                .apiKeys(storage.apiKeys()).rateLimiter(limiter)  // default plan limits; .rateLimits(…) to change them
                .clock(clock)
                .build();
        Application app = new BakongPayApplication(runtime);   // @ApplicationPath("/api/v1")
        return app;
        // spotless:on
    }

    @Test
    @DisplayName("builds without an NBC token and creates a KHQR for the seeded test key")
    void servesCreate() throws Exception {
        try (ApiServer server = new ApiServer(wire())) {
            given().baseUri(server.baseUri.toString())
                    .header("Authorization", "Bearer bk_test_shop0001")
                    .contentType("application/json")
                    .body(
                            "{\"amount\": 1.50, \"currency\": \"USD\", \"merchantName\": \"Coffee Corner\", \"bakongId\": \"coffee@aclb\"}")
                    .post("/api/v1/khqr/create")
                    .then()
                    .statusCode(200)
                    .body("success", equalTo(true))
                    .body("data.checkoutUrl", startsWith("https://shop.example/pay/"))
                    .header("RateLimit-Limit", equalTo("600"));
        }
    }

    @Test
    @DisplayName("every line of the README's Java snippet is in this file: imports here, the rest in wire() in order")
    void snippetIsTwinned() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("a Java snippet in README.md").isTrue();
        List<String> snippet = trimmed(m.group(1));
        List<String> here = trimmed(Files.readString(
                Path.of("src/test/java/dev/bakongpay/jaxrs/ReadmeWiringTest.java"), StandardCharsets.UTF_8));
        List<String> imports =
                snippet.stream().filter(l -> l.startsWith("import ")).toList();
        List<String> body =
                snippet.stream().filter(l -> !l.startsWith("import ")).toList();
        for (String i : imports) {
            // classes of this package need no import here
            boolean samePackage = i.matches("import dev\\.bakongpay\\.jaxrs\\.[A-Z]\\w*;");
            assertThat(samePackage || here.contains(i))
                    .as("README import %s is in this test", i)
                    .isTrue();
        }
        int from = here.indexOf(body.get(0));
        assertThat(from)
                .as("first line of the README snippet's code in this test")
                .isNotNegative();
        assertThat(here.subList(from, Math.min(here.size(), from + body.size())))
                .isEqualTo(body);
    }

    private static List<String> trimmed(String text) {
        return Arrays.stream(text.split("\n"))
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
    }
}
