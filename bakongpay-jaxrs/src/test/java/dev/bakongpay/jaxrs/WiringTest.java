package dev.bakongpay.jaxrs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.core.payment.QrImageService;
import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.ApiKeyStore;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.RateLimiter;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.StoreException;
import dev.bakongpay.spi.memory.MemoryRateLimiter;
import dev.bakongpay.spi.memory.MemoryStorageProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("wiring the application into a host")
class WiringTest {

    /** Listed in META-INF/services for the no-argument constructor. */
    public static final class ServiceLoadedRuntime implements BakongPayRuntimeProvider {
        @Override
        public BakongPayRuntime runtime() {
            return WiringTest.runtime(
                    MemoryStorageProvider.create(Clock.systemUTC()).apiKeys(),
                    new MemoryRateLimiter(Clock.systemUTC()));
        }
    }

    static BakongPayRuntime runtime(ApiKeyStore keys, RateLimiter limiter) {
        Storage s = MemoryStorageProvider.create(Clock.systemUTC());
        PaymentService payments = PaymentService.builder()
                .transactions(s.transactions())
                .idempotency(s.idempotency())
                .build();
        return BakongPayRuntime.builder()
                .payments(payments)
                .qrImages(new QrImageService(Clock.systemUTC()))
                .apiKeys(keys)
                .rateLimiter(limiter)
                .build();
    }

    @Test
    @DisplayName("a container can create the application without arguments: the runtime comes from a service provider")
    void discoverable() throws Exception {
        BakongPayApplication app = new BakongPayApplication();
        assertThat(app.runtime()).isNotNull();
        assertThat(app.getSingletons()).hasSize(11);
        try (ApiServer server = new ApiServer(app)) {
            given().baseUri(server.baseUri.toString())
                    .get("/api/v1/openapi.json")
                    .then()
                    .statusCode(200);
        }
    }

    @Nested
    @DisplayName("when the infrastructure fails")
    class Failures {
        ApiKeyStore brokenKeys = new ApiKeyStore() {
            @Override
            public void save(ApiKeyRecord record) {}

            @Override
            public Optional<ApiKeyRecord> findByHash(String keyHash) {
                throw new StoreException("connection refused");
            }

            @Override
            public boolean touch(String keyHash, Instant usedAt) {
                return false;
            }

            @Override
            public boolean revoke(String keyHash) {
                return false;
            }
        };

        @Test
        @DisplayName("a failing store is 503 service_unavailable with Retry-After, no stack trace")
        void store() throws Exception {
            try (ApiServer server = new ApiServer(
                    new BakongPayApplication(runtime(brokenKeys, new MemoryRateLimiter(Clock.systemUTC()))))) {
                given().baseUri(server.baseUri.toString())
                        .header("Authorization", "Bearer " + TestWorld.PRO)
                        .contentType("application/json")
                        .body("{}")
                        .post("/api/v1/khqr/create")
                        .then()
                        .statusCode(503)
                        .header("Retry-After", "5")
                        .body("error.code", equalTo("service_unavailable"))
                        .body(not(containsString("StoreException")))
                        .body(not(containsString("connection refused")));
            }
        }

        @Test
        @DisplayName(
                "a bug is 500 internal_error that tells nothing of the code; a failing limiter lets requests through")
        void bug() throws Exception {
            Storage s = MemoryStorageProvider.create(Clock.systemUTC());
            ApiKeys.seed(s.apiKeys(), Map.of(TestWorld.PRO, Plan.PRO), Instant.now());
            RateLimiter buggy = (key, limit, tokens) -> {
                throw new IllegalStateException("bucket math overflow");
            };
            RateLimiter down = (key, limit, tokens) -> {
                throw new StoreException("redis down");
            };
            try (ApiServer server = new ApiServer(new BakongPayApplication(runtime(s.apiKeys(), buggy)))) {
                given().baseUri(server.baseUri.toString())
                        .header("Authorization", "Bearer " + TestWorld.PRO)
                        .contentType("application/json")
                        .body("{}")
                        .post("/api/v1/khqr/create")
                        .then()
                        .statusCode(500)
                        .body("error.code", equalTo("internal_error"))
                        .body(not(containsString("overflow")))
                        .body(not(containsString("at dev.")));
            }
            try (ApiServer server = new ApiServer(new BakongPayApplication(runtime(s.apiKeys(), down)))) {
                given().baseUri(server.baseUri.toString())
                        .header("Authorization", "Bearer " + TestWorld.PRO)
                        .contentType("application/json")
                        .body("{}")
                        .post("/api/v1/khqr/create")
                        .then()
                        .statusCode(422);
            }
        }
    }

    @Nested
    @DisplayName("in a running world")
    class Running {
        @Test
        @DisplayName(
                "the request id is in the MDC of the thread that fires the payment event, and keys record their last use")
        void mdcAndLastUse() throws Exception {
            try (TestWorld world = new TestWorld()) {
                Map<String, Object> p = world.create(TestWorld.PRO, "1.00");
                world.simulator.control().pay((String) p.get("qrString"));
                world.as(TestWorld.PRO)
                        .header("X-Request-Id", "trace-42")
                        .body("{\"md5\":\"" + p.get("md5") + "\"}")
                        .post("/check/md5")
                        .then()
                        .statusCode(200)
                        .body("data.status", equalTo("SUCCESS"));
                assertThat(world.eventRequestIds).containsExactly("trace-42");
                assertThat(world.storage
                                .apiKeys()
                                .findByHash(ApiKeys.hash(TestWorld.PRO))
                                .orElseThrow()
                                .lastUsedAt())
                        .isNotNull();
                assertThat(world.storage
                                .apiKeys()
                                .findByHash(ApiKeys.hash(TestWorld.OTHER))
                                .orElseThrow()
                                .lastUsedAt())
                        .isNull();
            }
        }

        @Test
        @DisplayName(
                "20 concurrent creates with one Idempotency-Key store one payment; the others replay it or are told to retry")
        void concurrentIdempotency() throws Exception {
            try (TestWorld world = new TestWorld()) {
                HttpClient http = HttpClient.newHttpClient();
                HttpRequest req = HttpRequest.newBuilder(URI.create(world.baseUri + "/api/v1/khqr/create"))
                        .header("Authorization", "Bearer " + TestWorld.PRO)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", "order-77")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"amount\":5,\"merchantName\":\"A\",\"bakongId\":\"a@b\"}"))
                        .build();
                List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
                for (int i = 0; i < 20; i++) all.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofString()));
                Set<String> ids = new HashSet<>();
                for (CompletableFuture<HttpResponse<String>> f : all) {
                    HttpResponse<String> r = f.get();
                    assertThat(r.statusCode()).isIn(200, 409);
                    if (r.statusCode() == 200) ids.add(r.body().replaceAll(".*\"transactionId\":\"([^\"]+)\".*", "$1"));
                    else assertThat(r.body()).contains("idempotency_request_in_progress");
                }
                assertThat(ids).hasSize(1);
                assertThat(((dev.bakongpay.spi.memory.MemoryTransactionStore) world.storage.transactions()).size())
                        .isEqualTo(1);
            }
        }
    }
}
