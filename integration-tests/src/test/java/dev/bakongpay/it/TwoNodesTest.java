package dev.bakongpay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.testsupport.ServerNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} nodes (separate JVMs) on one PostgreSQL schema and one Redis, with one Bakong
 * simulator behind both: they behave as one bigger node.
 */
@DisplayName("two nodes on one PostgreSQL and one Redis")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTest {
    private static final int FREE_PER_MINUTE = 20;
    private static final String WEBHOOK_SECRET = "whsec_it_" + Infra.random(12);

    @TempDir
    static Path workDir;

    private Infra.PgSchema schema;
    private Cluster cluster;
    private WebhookReceiver receiver;
    private ServerNode a;
    private ServerNode b;

    @BeforeAll
    void start() throws Exception {
        schema = Infra.PgSchema.create("twonodes");
        String redis = Infra.redisUrl();
        cluster = new Cluster(workDir);
        receiver = cluster.closeLater(new WebhookReceiver());
        List<ServerNode> nodes = cluster.startTogether(
                Map.of(
                        "BAKONGPAY_DB_URL",
                        schema.url,
                        "BAKONGPAY_REDIS_URL",
                        redis,
                        "BAKONGPAY_RATE_LIMITS",
                        "FREE=" + FREE_PER_MINUTE + "/m",
                        "BAKONGPAY_RECONCILE_SECONDS",
                        "1",
                        "BAKONGPAY_WEBHOOK_URL",
                        receiver.url(),
                        "BAKONGPAY_WEBHOOK_SECRET",
                        WEBHOOK_SECRET),
                "twonodes-a",
                "twonodes-b");
        a = nodes.get(0);
        b = nodes.get(1);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (cluster != null) cluster.close();
        } finally {
            if (schema != null) schema.close();
        }
    }

    @Test
    @DisplayName("a payment created on node A is found and checked on node B")
    void createOnACheckOnB() {
        JsonPath created = cluster.pro(a).create();
        Response found = cluster.pro(b).lookup(created.getString("transactionId"));
        assertThat(found.statusCode()).as(found.asString()).isEqualTo(200);
        assertThat(found.jsonPath().getString("data.md5")).isEqualTo(created.getString("md5"));
        assertThat(cluster.pro(b).status(created.getString("md5"))).isEqualTo("PENDING");
        assertThat(cluster.pro(a).status(created.getString("md5"))).isEqualTo("PENDING");
    }

    @Test
    @DisplayName("a FREE key's limit is shared: together the nodes admit no more than one node's " + FREE_PER_MINUTE
            + "/min")
    void rateLimitShared() throws Exception {
        int attempts = 2 * FREE_PER_MINUTE + 10;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<int[]>> answers = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < attempts; i++) {
                ServerNode node = i % 2 == 0 ? a : b;
                int nodeIndex = i % 2;
                answers.add(pool.submit(() -> new int[] {
                    nodeIndex,
                    cluster.free(node)
                            .createRaw(Api.order("Coffee Corner", "1.00", null))
                            .statusCode()
                }));
            }
            int[][] byNode = new int[2][2]; // [node][0 admitted, 1 limited]
            for (Future<int[]> f : answers) {
                int[] r = f.get();
                assertThat(r[1]).as("every answer is 200 or 429").isIn(200, 429);
                byNode[r[0]][r[1] == 200 ? 0 : 1]++;
            }
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            int admitted = byNode[0][0] + byNode[1][0];
            // greedy refill: one more token every 3 s of the burst
            int allowance = FREE_PER_MINUTE + (int) (elapsedMs / (60_000 / FREE_PER_MINUTE));
            System.out.printf(
                    "[bakongpay-it] shared limit: A admitted %d limited %d, B admitted %d limited %d in %d ms%n",
                    byNode[0][0], byNode[0][1], byNode[1][0], byNode[1][1], elapsedMs);
            assertThat(admitted)
                    .as("admitted by both nodes together in %d ms", elapsedMs)
                    .isGreaterThanOrEqualTo(FREE_PER_MINUTE)
                    .isLessThanOrEqualTo(allowance);
            assertThat(byNode[0][1]).as("node A refused some").isPositive();
            assertThat(byNode[1][1]).as("node B refused some").isPositive();
        } finally {
            pool.shutdownNow();
        }
        // the bucket refills one token every 3 s: take tokens until a refusal, then read its format
        Response limited = cluster.free(b).createRaw(Api.order("Coffee Corner", "1.00", null));
        for (int i = 0; i < 3 && limited.statusCode() == 200; i++) {
            limited = cluster.free(b).createRaw(Api.order("Coffee Corner", "1.00", null));
        }
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isNotBlank();
        assertThat(limited.jsonPath().getBoolean("success")).isFalse();
        assertThat(limited.jsonPath().getString("error.code")).isNotBlank();
    }

    @Test
    @DisplayName("after the payment both nodes report SUCCESS with the same transaction block")
    void paymentReportedByBoth() {
        JsonPath created = cluster.pro(b).create();
        String md5 = created.getString("md5");
        cluster.bank.pay(created.getString("qrString"));
        Awaitility.await("node A sees SUCCESS")
                .atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> cluster.pro(a).status(md5).equals("SUCCESS"));
        JsonPath onA = cluster.pro(a).checkRaw(md5).jsonPath();
        JsonPath onB = cluster.pro(b).checkRaw(md5).jsonPath();
        assertThat(onB.getString("data.status")).isEqualTo("SUCCESS");
        Map<String, Object> blockA = onA.getMap("data.transaction");
        assertThat(blockA).isNotEmpty().containsKey("hash");
        assertThat(onB.getMap("data.transaction")).isEqualTo(blockA);
        assertThat(cluster.bank.transactions()).anySatisfy(p -> {
            assertThat(p.md5()).isEqualTo(md5);
            assertThat(blockA.get("hash")).isEqualTo(p.hash());
        });
    }

    @Test
    @DisplayName("each payment event is delivered once, signed, whichever node saw the payment")
    void eventFiresOnce() throws Exception {
        List<JsonPath> created = new ArrayList<>();
        for (int i = 0; i < 4; i++) created.add(cluster.pro(i % 2 == 0 ? a : b).create());
        for (JsonPath c : created) cluster.bank.pay(c.getString("qrString"));
        // both nodes race to see each payment: shoppers poll both, the reconcilers run on both
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> checks = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (JsonPath c : created) {
                    for (ServerNode node : List.of(a, b))
                        checks.add(pool.submit(() -> cluster.pro(node).status(c.getString("md5"))));
                }
            }
            for (Future<String> f : checks) f.get();
        } finally {
            pool.shutdownNow();
        }
        for (JsonPath c : created) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> cluster.pro(b).status(c.getString("md5")).equals("SUCCESS"));
        }
        List<String> ids =
                created.stream().map(c -> c.getString("transactionId")).toList();
        Awaitility.await("one payment.succeeded delivery per payment")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> succeededFor(ids).keySet().containsAll(ids));
        Thread.sleep(4_000); // several reconciliation and retry rounds on both nodes: nothing more may come
        Map<String, List<WebhookReceiver.Delivery>> byTransaction = succeededFor(ids);
        for (String id : ids) {
            List<WebhookReceiver.Delivery> ds = byTransaction.get(id);
            assertThat(ds).as("deliveries of payment.succeeded for %s", id).hasSize(1);
            WebhookReceiver.Delivery d = ds.get(0);
            JsonPath body = JsonPath.from(d.body());
            assertThat(d.eventId()).isEqualTo(body.getString("id")).isNotBlank();
            assertThat(WebhookReceiver.signatureValid(d.signature(), d.body(), WEBHOOK_SECRET))
                    .as("signature %s over %s", d.signature(), d.body())
                    .isTrue();
            assertThat(WebhookReceiver.signatureValid(d.signature(), d.body(), "another-secret"))
                    .isFalse();
            long t = Long.parseLong(d.signature().replaceAll(".*t=(\\d+).*", "$1"));
            assertThat(Math.abs(t - d.receivedAtMillis() / 1000))
                    .as("signature timestamp is now")
                    .isLessThan(300);
        }
        Map<String, Long> perEventId = receiver.deliveries().stream()
                .collect(Collectors.groupingBy(WebhookReceiver.Delivery::eventId, Collectors.counting()));
        assertThat(perEventId)
                .as("deliveries per event id")
                .allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
    }

    private Map<String, List<WebhookReceiver.Delivery>> succeededFor(List<String> ids) {
        return receiver.deliveries().stream()
                .filter(d -> "payment.succeeded".equals(JsonPath.from(d.body()).getString("type")))
                .filter(d -> ids.contains(JsonPath.from(d.body()).getString("data.transactionId")))
                .collect(Collectors.groupingBy(d -> JsonPath.from(d.body()).getString("data.transactionId")));
    }
}
