package dev.bakongpay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.testsupport.ServerNode;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Payments nobody polls: the reconciler (every second here) finds them. Nothing in this class calls
 * the check endpoints for these transactions; it reads what the store holds through the lookup
 * endpoint, which never asks the network, and the simulator's own per-md5 call counts.
 */
@DisplayName("reconciliation on PostgreSQL")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconciliationTest {
    private static final Map<String, String> RECONCILE_EVERY_SECOND = Map.of("BAKONGPAY_RECONCILE_SECONDS", "1");
    private static final Duration WINDOW = Duration.ofSeconds(5);

    @TempDir
    static Path workDir;

    private Infra.PgSchema schema;
    private Cluster cluster;
    private ServerNode first;
    private ServerNode second;
    private JsonPath paidLater;
    private JsonPath expiring;
    private Instant paidAt;

    @BeforeAll
    void start() throws Exception {
        schema = Infra.PgSchema.create("reconcile");
        cluster = new Cluster(workDir);
        first = cluster.start("reconcile-1", env());
        Api api = cluster.pro(first);
        paidLater = api.create(Api.order("Coffee Corner", "4.00", 900));
        expiring = api.create(Api.order("Coffee Corner", "4.50", 60)); // the shortest lifetime a create may ask
        // let the reconciler look at both before the customer pays: the payment comes after its first check
        Awaitility.await("the reconciler's first look at the new payments")
                .atMost(Duration.ofSeconds(20))
                .until(() -> cluster.bank.md5CheckCount(paidLater.getString("md5")) >= 1);
        cluster.bank.pay(paidLater.getString("qrString"));
        paidAt = Instant.now();
    }

    private Map<String, String> env() {
        Map<String, String> env = new java.util.HashMap<>(RECONCILE_EVERY_SECOND);
        env.put("BAKONGPAY_DB_URL", schema.url);
        return env;
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (cluster != null) cluster.close();
        } finally {
            if (schema != null) schema.close();
        }
    }

    private String storedStatus(ServerNode node, JsonPath created) {
        var r = cluster.pro(node).lookup(created.getString("transactionId"));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        return r.jsonPath().getString("data.status");
    }

    /** The highest number of upstream checks any of these md5s got. */
    private long mostChecks(List<JsonPath> payments) {
        return payments.stream()
                .mapToLong(p -> cluster.bank.md5CheckCount(p.getString("md5")))
                .max()
                .orElse(0);
    }

    private List<JsonPath> createUnpolled(ServerNode node, int n) {
        List<JsonPath> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(cluster.pro(node).create(Api.order("Coffee Corner", "0." + (10 + i), 900)));
        return out;
    }

    @Test
    @Order(1)
    @DisplayName("with two nodes the simulator sees each md5 checked no more often than with one node alone")
    void twoNodesCheckNoMoreThanOne() throws Exception {
        List<JsonPath> alone = createUnpolled(first, 6);
        Thread.sleep(WINDOW.toMillis());
        long byOneNode = mostChecks(alone);
        assertThat(alone)
                .allSatisfy(p -> assertThat(cluster.bank.md5CheckCount(p.getString("md5")))
                        .as("the reconciler looked at %s", p.getString("md5"))
                        .isPositive());

        second = cluster.start("reconcile-2", env());
        List<JsonPath> together = new ArrayList<>(createUnpolled(first, 3));
        together.addAll(createUnpolled(second, 3));
        Thread.sleep(WINDOW.toMillis());
        long byTwoNodes = mostChecks(together);
        System.out.printf(
                "[bakongpay-it] upstream checks per md5 in %d s: one node %d, two nodes %d%n",
                WINDOW.toSeconds(), byOneNode, byTwoNodes);
        assertThat(together)
                .allSatisfy(p -> assertThat(cluster.bank.md5CheckCount(p.getString("md5")))
                        .as("a reconciler looked at %s", p.getString("md5"))
                        .isPositive());
        assertThat(byTwoNodes)
                .as("checks per md5 with two nodes vs one node (%d)", byOneNode)
                .isLessThanOrEqualTo(byOneNode);
    }

    @Test
    @Order(2)
    @DisplayName("a poll storm on both nodes reaches the simulator a bounded number of times")
    void pollStormIsBounded() throws Exception {
        JsonPath polled = cluster.pro(first).create(Api.order("Coffee Corner", "6.00", 900));
        String md5 = polled.getString("md5");
        Duration storm = Duration.ofSeconds(4);
        java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService shoppers = java.util.concurrent.Executors.newFixedThreadPool(8);
        long end = System.nanoTime() + storm.toNanos();
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            ServerNode node = t % 2 == 0 ? first : second;
            done.add(shoppers.submit(() -> {
                while (System.nanoTime() < end) {
                    assertThat(cluster.pro(node).status(md5)).isEqualTo("PENDING");
                    polls.incrementAndGet();
                }
                return null;
            }));
        }
        try {
            for (var f : done) f.get();
        } finally {
            shoppers.shutdownNow();
        }
        long upstream = cluster.bank.md5CheckCount(md5);
        // per node, one upstream call per pending-cache window (2 s here; the client keeps 3 s) plus one, and one
        // reconciliation look
        long bound = 2 * (storm.toSeconds() / 2 + 1) + 1;
        System.out.printf(
                "[bakongpay-it] poll storm: %d checks on two nodes in %d s, %d reached the simulator%n",
                polls.get(), storm.toSeconds(), upstream);
        assertThat(polls.get()).isGreaterThan(20);
        assertThat(upstream)
                .as("upstream checks of one md5 under %d polls", polls.get())
                .isBetween(1L, bound);
    }

    @Test
    @Order(3)
    @DisplayName("a payment nobody polls becomes SUCCESS after the simulator pays it")
    void paidBecomesSuccess() {
        Awaitility.await("SUCCESS in the store without a check call")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> storedStatus(first, paidLater).equals("SUCCESS"));
        System.out.printf(
                "[bakongpay-it] reconciliation saw the payment %d s after it was made%n",
                Duration.between(paidAt, Instant.now()).toSeconds());
        var stored =
                cluster.pro(first).lookup(paidLater.getString("transactionId")).jsonPath();
        assertThat(stored.getString("data.transaction.hash"))
                .as(stored.prettify())
                .isNotBlank();
    }

    @Test
    @Order(4)
    @DisplayName("a payment nobody polls becomes EXPIRED after its expiry")
    void unpaidBecomesExpired() {
        Instant expiresAt = Instant.parse(expiring.getString("expiresAt"));
        Awaitility.await("EXPIRED in the store without a check call")
                .atMost(Duration.between(Instant.now(), expiresAt).plusSeconds(70))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> storedStatus(first, expiring).equals("EXPIRED"));
        System.out.printf(
                "[bakongpay-it] reconciliation expired the payment %d s after its expiry%n",
                Duration.between(expiresAt, Instant.now()).toSeconds());
    }
}
