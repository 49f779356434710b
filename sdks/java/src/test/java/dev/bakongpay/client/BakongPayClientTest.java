package dev.bakongpay.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import dev.bakongpay.client.generated.model.CreateRequest;
import dev.bakongpay.client.generated.model.CreateResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hand-written layer against a scripted HTTP server: what goes out, and what a caller gets back. */
class BakongPayClientTest {
    private static final String CREATED = """
            {"success":true,"data":{"transactionId":"3f1c0f0e-8a53-4a55-9a57-7e0e0f5b0c11","qrString":"000201",
             "qrImage":"data:image/png;base64,AA==","md5":"a1b2c3d4e5f67890a1b2c3d4e5f67890","deepLink":"http://x/pay/1/app",
             "checkoutUrl":"http://127.0.0.1/pay/3f1c0f0e-8a53-4a55-9a57-7e0e0f5b0c11","expiresAt":"2026-06-02T14:00:00Z"}}""";
    private static final String RATE_LIMITED =
            "{\"success\":false,\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"Rate limit exceeded\",\"details\":[]}}";

    private record Answer(int status, String body, String retryAfter) {}

    private record Seen(Headers headers, String body) {}

    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<Duration> waits = new ArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(new Seen(
                    exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Answer a = script.remove();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Request-Id", "req-" + seen.size());
            if (a.retryAfter() != null) exchange.getResponseHeaders().add("Retry-After", a.retryAfter());
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(a.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private BakongPayClient client() {
        return BakongPayClient.builder("http://127.0.0.1:" + server.getAddress().getPort() + "/", "bk_test_abc12345")
                .sleeper(waits::add)
                .clock(Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC))
                .build();
    }

    private static CreateRequest coffee() {
        return new CreateRequest()
                .amount(new BigDecimal("1.50"))
                .merchantName("Coffee Corner")
                .bakongId("coffee@aclb");
    }

    @Test
    void sends_the_key_and_the_idempotency_key_and_answers_the_data() {
        script.add(new Answer(200, CREATED, null));

        CreateResult created = client().create(coffee(), "order-1001");

        assertThat(created.getMd5()).isEqualTo("a1b2c3d4e5f67890a1b2c3d4e5f67890");
        Seen request = seen.get(0);
        assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer bk_test_abc12345");
        assertThat(request.headers().getFirst("Idempotency-Key")).isEqualTo("order-1001");
        assertThat(request.body()).contains("\"amount\":1.50", "\"bakongId\":\"coffee@aclb\"");
    }

    @Test
    void a_422_is_a_validation_exception_with_the_envelope_and_the_request_id() {
        script.add(new Answer(
                422,
                "{\"success\":false,\"error\":{\"code\":\"validation_failed\",\"message\":\"amount: must be greater than 0\","
                        + "\"details\":[{\"field\":\"amount\",\"code\":\"invalid_value\",\"message\":\"must be greater than 0\"}]}}",
                null));

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> client().create(coffee()));

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.code()).isEqualTo("validation_failed");
        assertThat(e.errorMessage()).isEqualTo("amount: must be greater than 0");
        assertThat(e.details())
                .containsExactly(new BakongPayException.Detail("amount", "invalid_value", "must be greater than 0"));
        assertThat(e.requestId()).contains("req-1");
    }

    @Test
    void a_401_is_an_authentication_exception() {
        script.add(new Answer(
                401,
                "{\"success\":false,\"error\":{\"code\":\"invalid_api_key\",\"message\":\"Unknown key\",\"details\":[]}}",
                null));

        AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> client().checkMd5("a1"));

        assertThat(e.code()).isEqualTo("invalid_api_key");
    }

    @Test
    void a_429_is_retried_after_retry_after_then_answers() {
        script.add(new Answer(429, RATE_LIMITED, "2"));
        script.add(new Answer(429, RATE_LIMITED, "Sun, 06 Dec 2026 10:00:03 GMT"));
        script.add(new Answer(200, CREATED, null));

        CreateResult created = client().create(coffee(), "order-7");

        assertThat(created.getTransactionId()).hasToString("3f1c0f0e-8a53-4a55-9a57-7e0e0f5b0c11");
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));
        assertThat(seen)
                .extracting(s -> s.headers().getFirst("Idempotency-Key"))
                .containsOnly("order-7");
    }

    @Test
    void retries_are_bounded_then_the_429_is_thrown() {
        for (int i = 0; i < 5; i++) script.add(new Answer(429, RATE_LIMITED, "1"));

        RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> client().checkMd5("a1"));

        assertThat(seen).hasSize(3); // the call and two retries
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
    }

    @Test
    void a_wait_longer_than_allowed_is_thrown_at_once() {
        script.add(new Answer(429, RATE_LIMITED, "1800"));

        RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> client().checkMd5("a1"));

        assertThat(seen).hasSize(1);
        assertThat(waits).isEmpty();
        assertThat(e.retryAfter()).contains(Duration.ofMinutes(30));
        assertThat(e.code()).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void an_answer_without_the_envelope_keeps_its_status() {
        script.add(new Answer(502, "<html>Bad gateway</html>", null));

        BakongPayException e = catchThrowableOfType(BakongPayException.class, () -> client().checkMd5("a1"));

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.code()).isEqualTo("http_502");
    }
}
