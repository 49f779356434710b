package dev.bakongpay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.testsupport.ServerNode;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** {@code kill -9} of a node on PostgreSQL in the middle of a load of creates loses no acknowledged payment. */
@DisplayName("a node killed mid-load")
@Execution(ExecutionMode.SAME_THREAD) // time budgets and load: not alongside the other CPU-heavy class
class KillNodeTest {
    private static final int THREADS = 16;
    private static final int KILL_AFTER = 120;

    @TempDir
    Path workDir;

    record Acknowledged(UUID id, String md5, String qr, BigDecimal amount) {}

    @Test
    @DisplayName(
            "every create answered 200 before kill -9 is in PostgreSQL, whole and PENDING, and served after a restart; no row is half-written")
    void killMidLoad() throws Exception {
        try (Infra.PgSchema schema = Infra.PgSchema.create("kill");
                Cluster cluster = new Cluster(workDir)) {
            ServerNode node = cluster.start(
                    "kill-node",
                    Map.of(
                            "BAKONGPAY_DB_URL",
                            schema.url,
                            "BAKONGPAY_RATE_LIMITS",
                            "PRO=100000/m",
                            "BAKONGPAY_RECONCILE_SECONDS",
                            "0"));
            cluster.pro(node).create(); // warm up: the load should meet a running node

            Map<UUID, Acknowledged> acknowledged = loadThenKill(cluster, node);

            Map<UUID, Map<String, Object>> rows = new HashMap<>();
            try (Connection c = schema.connect();
                    Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery(
                        "SELECT id, md5, qr_string, status, amount, currency, merchant_id, mode,"
                                + " bakong_id, merchant_name, created_at, expires_at, updated_at, attributes FROM bakongpay_transaction")) {
                    while (rs.next()) {
                        Map<String, Object> row = new HashMap<>();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                        }
                        rows.put((UUID) rs.getObject("id"), row);
                    }
                }
                try (ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM bakongpay_transaction WHERE md5 IS NULL OR qr_string IS NULL"
                                + " OR status IS NULL OR amount IS NULL OR currency IS NULL OR merchant_id IS NULL OR mode IS NULL"
                                + " OR bakong_id IS NULL OR merchant_name IS NULL OR created_at IS NULL OR expires_at IS NULL"
                                + " OR updated_at IS NULL OR attributes IS NULL")) {
                    rs.next();
                    assertThat(rs.getLong(1))
                            .as("rows with a required column missing")
                            .isZero();
                }
            }
            assertThat(rows.size())
                    .as("rows vs acknowledged creates (+1 warm-up)")
                    .isGreaterThanOrEqualTo(acknowledged.size() + 1);
            for (Acknowledged a : acknowledged.values()) {
                Map<String, Object> row = rows.get(a.id());
                assertThat(row)
                        .as("the acknowledged create %s is stored", a.id())
                        .isNotNull();
                assertThat(row.get("status")).isEqualTo("PENDING");
                assertThat(row.get("md5")).isEqualTo(a.md5());
                assertThat(row.get("qr_string")).isEqualTo(a.qr());
                assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo(a.amount());
            }
            for (Map<String, Object> row : rows.values()) { // acknowledged or not: no row is half-written
                String qr = (String) row.get("qr_string");
                assertThat(Khqr.md5(qr))
                        .as("md5 of the stored QR of %s", row.get("id"))
                        .isEqualTo(row.get("md5"));
                assertThat(Khqr.verify(qr).valid())
                        .as("stored QR of %s verifies", row.get("id"))
                        .isTrue();
                assertThat(Khqr.decode(qr).amount().orElseThrow()).isEqualByComparingTo((BigDecimal) row.get("amount"));
                assertThat(row.get("status")).isEqualTo("PENDING");
            }

            // a node started in its place on the same database answers for every acknowledged create
            ServerNode again = cluster.start(
                    "kill-node-restarted", Map.of("BAKONGPAY_DB_URL", schema.url, "BAKONGPAY_RECONCILE_SECONDS", "0"));
            for (Acknowledged a : acknowledged.values()) {
                var r = cluster.pro(again).lookup(a.id().toString());
                assertThat(r.statusCode())
                        .as("lookup of %s after the restart: %s", a.id(), r.asString())
                        .isEqualTo(200);
                assertThat(r.jsonPath().getString("data.md5")).isEqualTo(a.md5());
            }
        }
    }

    /** Creates from {@value #THREADS} threads until {@value #KILL_AFTER} are answered 200, then {@code kill -9}. */
    private static Map<UUID, Acknowledged> loadThenKill(Cluster cluster, ServerNode node) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<UUID, Acknowledged> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            pool.submit(() -> {
                while (!stop.get()) {
                    int n = sent.incrementAndGet();
                    String amount = (1 + n % 50) + "." + String.format("%02d", n % 100);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(node.url() + Api.CREATE))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + cluster.proKey)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(Api.order("Load Shop", amount, 900)))
                            .build();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            JsonPath d = JsonPath.from(r.body()).setRootPath("data");
                            UUID id = UUID.fromString(d.getString("transactionId"));
                            acknowledged.put(
                                    id,
                                    new Acknowledged(
                                            id, d.getString("md5"), d.getString("qrString"), new BigDecimal(amount)));
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet(); // the node died under this request
                    }
                }
                return null;
            });
        }
        Awaitility.await("creates under load")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> acknowledged.size() >= KILL_AFTER);
        node.killHard();
        int acknowledgedAtKill = acknowledged.size();
        Thread.sleep(500); // requests in flight end with connection errors
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(node.alive()).isFalse();
        System.out.printf(
                "[bakongpay-it] kill -9 after %d acknowledged creates (%d at the kill), %d sent, %d without a 200%n",
                acknowledged.size(), acknowledgedAtKill, sent.get(), failed.get());

        return acknowledged;
    }

    @Test
    @DisplayName(
            "on the embedded H2 file (the default store), every create answered 200 before kill -9 is served after a restart")
    void killMidLoadOnEmbeddedH2() throws Exception {
        try (Cluster cluster = new Cluster(workDir)) {
            Map<String, String> env = Map.of(
                    "BAKONGPAY_DATA_DIR",
                    workDir.resolve("h2-data").toString(),
                    "BAKONGPAY_RATE_LIMITS",
                    "PRO=100000/m",
                    "BAKONGPAY_RECONCILE_SECONDS",
                    "0");
            ServerNode node = cluster.start("kill-h2-node", env);
            cluster.pro(node).create();
            Map<UUID, Acknowledged> acknowledged = loadThenKill(cluster, node);

            ServerNode again = cluster.start("kill-h2-node-restarted", env);
            for (Acknowledged a : acknowledged.values()) {
                var r = cluster.pro(again).lookup(a.id().toString());
                assertThat(r.statusCode())
                        .as("lookup of %s after the restart: %s", a.id(), r.asString())
                        .isEqualTo(200);
                assertThat(r.jsonPath().getString("data.md5")).isEqualTo(a.md5());
                assertThat(r.jsonPath().getString("data.status")).isEqualTo("PENDING");
            }
        }
    }
}
