package dev.bakongpay.jaxrs;

import static io.restassured.RestAssured.given;

import dev.bakongpay.core.bakong.BakongClient;
import dev.bakongpay.core.bakong.BakongClientConfig;
import dev.bakongpay.core.config.BakongPayConfig;
import dev.bakongpay.core.payment.BakongPaymentNetwork;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.core.payment.PaymentSettings;
import dev.bakongpay.core.payment.QrImageService;
import dev.bakongpay.simulator.BakongSimulator;
import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.PaymentEvent;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.RateLimit;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.memory.MemoryRateLimiter;
import dev.bakongpay.spi.memory.MemoryStorageProvider;
import dev.bakongpay.testsupport.MutableClock;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.MDC;

/**
 * The endpoints on Jersey + Jetty (EE 11) in-process, in front of the Bakong simulator, on in-memory
 * stores, all on one test clock. Keys: a Free and a Pro key of shop A, a Pro key of shop B, a
 * revoked key, and a live key with no live network behind it.
 */
final class TestWorld implements AutoCloseable {
    static final String SIM_TOKEN = "sim-token";
    static final String FREE = "bk_test_free_shop_a_0001";
    static final String PRO = "bk_test_pro_shop_a_0002";
    static final String OTHER = "bk_test_pro_shop_b_0003";
    static final String REVOKED = "bk_test_revoked_key_0004";
    static final String LIVE = "bk_live_enterprise_a_0005";

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final BakongSimulator simulator;
    final Storage storage = MemoryStorageProvider.create(clock);
    final List<PaymentEvent> events = new CopyOnWriteArrayList<>();
    /** The MDC request id on the thread that fired each event: proves ids reach the logs. */
    final List<String> eventRequestIds = new CopyOnWriteArrayList<>();

    final PaymentService payments;
    final BakongPayRuntime runtime;
    final ApiServer server;
    final URI baseUri;

    TestWorld() {
        this(Map.of(), Duration.ofSeconds(5));
    }

    TestWorld(Map<Plan, RateLimit> limits, Duration upstreamTimeout) {
        this(limits, upstreamTimeout, null);
    }

    /** With the admin API at {@code /admin/v1} behind {@code adminToken}, on the same stores, when it is not null. */
    TestWorld(Map<Plan, RateLimit> limits, Duration upstreamTimeout, dev.bakongpay.core.admin.AdminToken adminToken) {
        simulator = BakongSimulator.builder()
                .port(0)
                .token(SIM_TOKEN)
                .clock(clock)
                .build()
                .start();
        payments = PaymentService.builder()
                .transactions(storage.transactions())
                .idempotency(storage.idempotency())
                .network(
                        PaymentMode.TEST,
                        new BakongPaymentNetwork(BakongClient.create(
                                // no retries and a lenient breaker, so each injected fault shows as one answer
                                BakongClientConfig.builder(simulator.baseUrl().toString(), SIM_TOKEN)
                                        .requestTimeout(upstreamTimeout)
                                        .maxRetries(0)
                                        .circuitFailureThreshold(1000)
                                        .pendingCacheTtl(Duration.ofSeconds(2))
                                        .clock(clock)
                                        .build())))
                .listener(e -> {
                    events.add(e);
                    eventRequestIds.add(String.valueOf(MDC.get("requestId")));
                })
                .clock(clock)
                .settings(PaymentSettings.from(BakongPayConfig.builder()
                        .publicUrl(URI.create("https://pay.example.com"))
                        .build()))
                .build();
        saveKey(FREE, "shop-a", Plan.FREE, true);
        saveKey(PRO, "shop-a", Plan.PRO, true);
        saveKey(OTHER, "shop-b", Plan.PRO, true);
        saveKey(REVOKED, "shop-a", Plan.PRO, false);
        saveKey(LIVE, "shop-a", Plan.ENTERPRISE, true);
        runtime = BakongPayRuntime.builder()
                .payments(payments)
                .qrImages(new QrImageService(clock))
                .apiKeys(storage.apiKeys())
                .rateLimiter(new MemoryRateLimiter(clock))
                .rateLimits(limits)
                .clock(clock)
                .build();
        server = new ApiServer(
                new BakongPayApplication(runtime),
                adminToken == null
                        ? null
                        : new dev.bakongpay.jaxrs.admin.BakongPayAdminApplication(
                                new dev.bakongpay.jaxrs.admin.AdminRuntime(storage, adminToken, clock)));
        baseUri = server.baseUri;
    }

    private void saveKey(String key, String merchant, Plan plan, boolean active) {
        storage.apiKeys()
                .save(new ApiKeyRecord(
                        ApiKeys.hash(key), merchant, plan, ApiKeys.mode(key), active, clock.instant(), null));
    }

    /** A request with this key, JSON body. */
    RequestSpecification as(String key) {
        return anonymous().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    RequestSpecification anonymous() {
        return given().baseUri(baseUri.toString()).basePath("/api/v1");
    }

    /** Creates a USD payment with the Pro key and answers its data block. */
    Map<String, Object> create(String key, String amount) {
        return as(key).body(
                        "{\"amount\":" + amount + ",\"merchantName\":\"FINN SHOP\",\"bakongId\":\"merchant@acleda\"}")
                .post("/khqr/create")
                .then()
                .statusCode(200)
                .extract()
                .path("data");
    }

    @Override
    public void close() throws Exception {
        server.close();
        simulator.stop();
    }
}
