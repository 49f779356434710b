package dev.bakongpay.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.bakongpay.core.payment.PaymentException;
import dev.bakongpay.jaxrs.internal.ErrorMapper;
import dev.bakongpay.simulator.Fault;
import dev.bakongpay.simulator.PaymentOptions;
import dev.bakongpay.simulator.SimulatorControl;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14's odd upstream payments, end to end: the simulator reports a payment with an odd
 * amount and the check endpoints answer FAILED with the reason (never SUCCESS, never 500); the
 * 502/504 answers carry no upstream address and no Java class name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("the check endpoints against odd answers from the simulator")
class OddUpstreamEndpointsTest {
    static final Duration PAST_CACHE = Duration.ofSeconds(3);
    TestWorld world;
    SimulatorControl bank;

    @BeforeAll
    void start() {
        world = new TestWorld(Map.of(), Duration.ofMillis(400));
        bank = world.simulator.control();
    }

    @AfterAll
    void stop() throws Exception {
        world.close();
    }

    @BeforeEach
    void clean() {
        bank.clearFaults();
    }

    static String md5Body(String md5) {
        return "{\"md5\":\"" + md5 + "\"}";
    }

    @ParameterizedTest(name = "paid {0} for 9.99")
    @ValueSource(strings = {"9.989999999", "1e-7", "1e30"})
    @DisplayName("a payment of an odd amount is FAILED amount_mismatch on check/md5 and check/bulk, on every call")
    void oddAmounts(String amount) {
        Map<String, Object> p = world.create(TestWorld.PRO, "9.99");
        String md5 = (String) p.get("md5");
        bank.pay((String) p.get("qrString"), PaymentOptions.defaults().amount(new BigDecimal(amount)));
        world.clock.advance(PAST_CACHE);
        for (int i = 0; i < 2; i++) {
            world.as(TestWorld.PRO)
                    .body(md5Body(md5))
                    .post("/check/md5")
                    .then()
                    .statusCode(200)
                    .body("data.status", equalTo("FAILED"))
                    .body("data.failureReason", equalTo("amount_mismatch"))
                    .body("data.failureMessage", containsString("expected 9.99 USD"));
        }
        world.as(TestWorld.PRO)
                .body("{\"md5s\":[\"" + md5 + "\"]}")
                .post("/check/bulk")
                .then()
                .statusCode(200)
                .body("data.results." + md5 + ".status", equalTo("FAILED"))
                .body("data.results." + md5 + ".failureReason", equalTo("amount_mismatch"));
    }

    @Test
    @DisplayName(
            "an unreadable answer is 502 upstream_unavailable in plain words; in a bulk check the final md5s still answer")
    void unreadable() {
        Map<String, Object> paid = world.create(TestWorld.PRO, "1.00");
        bank.pay((String) paid.get("qrString"));
        world.clock.advance(PAST_CACHE);
        world.as(TestWorld.PRO)
                .body(md5Body((String) paid.get("md5")))
                .post("/check/md5")
                .then()
                .statusCode(200)
                .body("data.status", equalTo("SUCCESS"));
        String pending = (String) world.create(TestWorld.PRO, "2.00").get("md5");
        bank.injectFault(
                Fault.malformedBody().onPath("/v1/check_transaction_by_md5").forCalls(10));
        Response single = world.as(TestWorld.PRO).body(md5Body(pending)).post("/check/md5");
        single.then().statusCode(502).body("error.code", equalTo("upstream_unavailable"));
        assertSafe(single.jsonPath().getString("error.message"));

        bank.injectFault(Fault.serverErrors(1.0)
                .onPath("/v1/check_transaction_by_md5_list")
                .forCalls(10));
        world.as(TestWorld.PRO)
                .body("{\"md5s\":[\"" + paid.get("md5") + "\",\"" + pending + "\"]}")
                .post("/check/bulk")
                .then()
                .statusCode(200)
                .body("data.results." + paid.get("md5") + ".status", equalTo("SUCCESS"))
                .body("data.results." + paid.get("md5"), not(org.hamcrest.Matchers.hasKey("upstreamError")))
                .body("data.results." + pending + ".status", equalTo("PENDING"))
                .body("data.results." + pending + ".upstreamError", equalTo("upstream_unavailable"));
    }

    static void assertSafe(String message) {
        assertThat(message)
                .isNotBlank()
                .doesNotContain("://")
                .doesNotContain("127.0.0.1")
                .doesNotContain("localhost")
                .doesNotContain("Exception")
                .doesNotContain("java.");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "cannot reach NBC at http://10.1.2.3:8443/v1: java.net.ConnectException",
                "NBC at https://api-bakong.nbc.gov.kh failed",
                "proxy squid.internal:3128 refused",
                "java.io.IOException: closed",
                "HttpConnectTimeoutException",
                "Error in upstream at 192.168.0.7"
            })
    @DisplayName("a network message that would leak an address or a Java class is replaced by a plain one")
    void scrubbed(String leaky) {
        jakarta.ws.rs.core.Response r =
                new ErrorMapper().toResponse(new PaymentException.NetworkUnavailable(leaky, null));
        assertThat(r.getStatus()).isEqualTo(502);
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) ((Map<String, Object>) r.getEntity()).get("error");
        assertThat(error.get("code")).isEqualTo("upstream_unavailable");
        assertSafe((String) error.get("message"));
        jakarta.ws.rs.core.Response timeout =
                new ErrorMapper().toResponse(new PaymentException.NetworkTimeout(leaky, null));
        assertThat(timeout.getStatus()).isEqualTo(504);
        @SuppressWarnings("unchecked")
        Map<String, Object> timeoutError =
                (Map<String, Object>) ((Map<String, Object>) timeout.getEntity()).get("error");
        assertSafe((String) timeoutError.get("message"));
    }

    @Test
    @DisplayName("core's plain network messages are kept as they are")
    void plainKept() {
        jakarta.ws.rs.core.Response r = new ErrorMapper()
                .toResponse(
                        new PaymentException.NetworkUnavailable("embedded Bakong simulator answered HTTP 503", null));
        @SuppressWarnings("unchecked")
        Map<String, Object> error = (Map<String, Object>) ((Map<String, Object>) r.getEntity()).get("error");
        assertThat(error.get("message")).isEqualTo("embedded Bakong simulator answered HTTP 503");
    }
}
