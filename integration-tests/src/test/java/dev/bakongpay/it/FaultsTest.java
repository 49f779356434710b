package dev.bakongpay.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.simulator.Fault;
import dev.bakongpay.testsupport.ServerNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Faults injected in the simulator behind a {@code serve} node: every check answers within its
 * time budget, with a clear 502/504 in the error format or the last known status, never a false
 * SUCCESS; once the faults stop, statuses converge. Each fault is limited to the calls of one check
 * (three attempts: one plus two retries) so that the client's circuit breaker (five consecutive
 * failures) stays closed and every case meets its own fault.
 */
@DisplayName("faults of the Bakong API")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD) // time budgets and load: not alongside the other CPU-heavy class
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest {
    /** A check that meets no held connection: retries back off 200 + 400 ms; the rest is a loaded machine. */
    private static final Duration BUDGET = Duration.ofSeconds(5);
    /** BAKONGPAY_BAKONG_DEADLINE: the most one request may spend on Bakong, retries included. */
    private static final Duration DEADLINE = Duration.ofSeconds(3);

    private static final String CHECK = "/v1/check_transaction_by_md5";

    @TempDir
    static Path workDir;

    private Cluster cluster;
    private ServerNode node;
    private final List<JsonPath> unpaid = new ArrayList<>();
    private final List<JsonPath> paidDuringFaults = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        cluster = new Cluster(workDir);
        node = cluster.start("faults", Map.of("BAKONGPAY_RECONCILE_SECONDS", "0"));
        healthyCheck(); // the first check of a fresh JVM loads and compiles the client: not a fault's cost
    }

    @AfterEach
    void clearFaults() {
        cluster.bank.clearFaults();
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) cluster.close();
    }

    private JsonPath fresh() {
        JsonPath created = cluster.pro(node).create(Api.order("Coffee Corner", "2.50", 900));
        unpaid.add(created);
        return created;
    }

    private JsonPath paid() {
        JsonPath created = cluster.pro(node).create(Api.order("Coffee Corner", "2.60", 900));
        cluster.bank.pay(created.getString("qrString"));
        paidDuringFaults.add(created);
        return created;
    }

    /** One check, timed: 200 with a non-final status, or 502/504 in the error format; never SUCCESS. */
    private Response checkWithin(Api api, JsonPath created, Duration budget, String fault) {
        long started = System.nanoTime();
        Response r = api.checkRaw(created.getString("md5"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("[bakongpay-it] %s: %d in %d ms: %s%n", fault, r.statusCode(), took.toMillis(), r.asString());
        assertThat(took).as("%s: answer time", fault).isLessThanOrEqualTo(budget);
        assertThat(r.statusCode()).as("%s: %s", fault, r.asString()).isIn(200, 502, 504);
        if (r.statusCode() == 200) {
            assertThat(r.jsonPath().getString("data.status"))
                    .as("%s: the last known status, never a false SUCCESS", fault)
                    .isEqualTo("PENDING");
        } else {
            assertThat(r.jsonPath().getBoolean("success")).isFalse();
            assertThat(r.jsonPath().getString("error.code")).as(r.asString()).isNotBlank();
            assertThat(r.jsonPath().getString("error.message")).as(r.asString()).isNotBlank();
        }
        return r;
    }

    /** A successful call resets the breaker's count of consecutive failures. */
    private void healthyCheck() {
        assertThat(cluster.pro(node).status(fresh().getString("md5"))).isEqualTo("PENDING");
    }

    @Test
    @Order(1)
    @DisplayName("latency: 1.5 s slower answers still come back PENDING within budget")
    void latency() {
        cluster.bank.injectFault(Fault.latency(Duration.ofMillis(1500)).onPath(CHECK));
        Response r = checkWithin(cluster.pro(node), fresh(), BUDGET.plusMillis(1500), "latency 1.5 s");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    @DisplayName("5xx pages from a load balancer (every call of one check): a clear 502, never SUCCESS")
    void serverErrors() {
        JsonPath created = fresh();
        cluster.bank.injectFault(Fault.serverErrors(1.0).onPath(CHECK).forCalls(3));
        Response r = checkWithin(cluster.pro(node), created, BUDGET, "5xx");
        assertThat(r.statusCode()).isEqualTo(502);
        cluster.bank.clearFaults();
        healthyCheck();
    }

    @Test
    @Order(3)
    @DisplayName("5xx on half the calls: each check answers PENDING or 502 within budget, never SUCCESS")
    void someServerErrors() {
        cluster.bank.injectFault(Fault.serverErrors(0.5).onPath(CHECK).forCalls(4));
        for (int i = 0; i < 3; i++) checkWithin(cluster.pro(node), fresh(), BUDGET, "5xx on half the calls");
        cluster.bank.clearFaults();
        healthyCheck();
    }

    @Test
    @Order(4)
    @DisplayName("JSON cut off mid-way, even for a paid QR: 502, never a SUCCESS read from half an answer")
    void malformedBodies() {
        JsonPath created = fresh();
        checkWithin(
                cluster.pro(node), created, BUDGET, "before the fault"); // now the client caches PENDING for a while
        JsonPath paid = paid();
        cluster.bank.injectFault(Fault.malformedBody().onPath(CHECK).forCalls(3));
        Response r = checkWithin(cluster.pro(node), paid, BUDGET, "malformed body (paid QR)");
        assertThat(r.statusCode()).isEqualTo(502);
        cluster.bank.clearFaults();
        healthyCheck();
        cluster.bank.injectFault(Fault.malformedBody().onPath(CHECK).forCalls(3));
        checkWithin(cluster.pro(node), fresh(), BUDGET, "malformed body (unpaid QR)");
        cluster.bank.clearFaults();
        healthyCheck();
    }

    @Test
    @Order(5)
    @DisplayName("the token expires: a clear 502, never SUCCESS")
    void tokenExpired() {
        JsonPath paid = paid();
        cluster.bank.injectFault(Fault.tokenExpired().onPath(CHECK).forCalls(3));
        Response r = checkWithin(cluster.pro(node), paid, BUDGET, "token expired");
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.jsonPath().getString("error.message")).as(r.asString()).isNotBlank();
        cluster.bank.clearFaults();
        healthyCheck();
    }

    @Test
    @Order(6)
    @DisplayName("held connections: with BAKONGPAY_BAKONG_DEADLINE the check answers 504 within the deadline")
    void heldConnectionsWithDeadline() throws Exception {
        // a node of its own: the deadline is its only difference
        ServerNode withDeadline = cluster.start(
                "faults-deadline",
                Map.of("BAKONGPAY_RECONCILE_SECONDS", "0", "BAKONGPAY_BAKONG_DEADLINE", DEADLINE.toMillis() + "ms"));
        Api api = cluster.pro(withDeadline);
        JsonPath created = api.create(Api.order("Coffee Corner", "2.75", 900));
        cluster.bank.injectFault(Fault.timeout(Duration.ofSeconds(30)).onPath(CHECK));
        Response r = checkWithin(
                api, created, DEADLINE.plusSeconds(3), "held connections, deadline " + DEADLINE.toMillis() + " ms");
        assertThat(r.statusCode()).isIn(502, 504);
    }

    @Test
    @Order(7)
    @DisplayName("once the faults stop, paid QRs turn SUCCESS and unpaid ones stay PENDING")
    void statusesConverge() {
        cluster.bank.clearFaults();
        JsonPath paidAfter = unpaid.remove(0);
        cluster.bank.pay(paidAfter.getString("qrString"));
        List<JsonPath> paid = new ArrayList<>(paidDuringFaults);
        paid.add(paidAfter);
        for (JsonPath p : paid) {
            Awaitility.await("SUCCESS for " + p.getString("md5"))
                    .atMost(Duration.ofSeconds(45))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> cluster.pro(node).status(p.getString("md5")).equals("SUCCESS"));
        }
        for (JsonPath u : unpaid) {
            assertThat(cluster.pro(node).status(u.getString("md5")))
                    .as("never paid: %s", u.getString("md5"))
                    .isEqualTo("PENDING");
        }
    }
}
