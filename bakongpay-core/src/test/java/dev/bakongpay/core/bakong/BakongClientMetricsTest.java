package dev.bakongpay.core.bakong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.core.metrics.Meters;
import dev.bakongpay.testsupport.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("BakongClient metrics")
class BakongClientMetricsTest {
    private static final String MD5_PATH = "/v1/check_transaction_by_md5";
    private static final String MD5 = "d60f3db96913029a2af979a1662c1e72";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T00:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private NbcStandIn nbc;

    @BeforeEach
    void start() throws Exception {
        nbc = new NbcStandIn();
    }

    @AfterEach
    void stop() {
        nbc.close();
    }

    private BakongClient client(int circuitThreshold) {
        return BakongClient.create(BakongClientConfig.builder(nbc.baseUrl(), "test-token-123456")
                .retryBackoff(Duration.ZERO)
                .maxRetries(0)
                .circuitFailureThreshold(circuitThreshold)
                .clock(clock)
                .meterRegistry(registry, "live")
                .build());
    }

    private double calls(String outcome) {
        var timer = registry.find("bakongpay.upstream.requests")
                .tags("upstream", "live", "endpoint", "check_transaction_by_md5", "outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private double circuit(String state) {
        return registry.get("bakongpay.upstream.circuit.state")
                .tags("upstream", "live", "state", state)
                .gauge()
                .value();
    }

    @Test
    @DisplayName("each call is counted by endpoint and outcome; a cached answer is a cache hit, not a call")
    void callsAndCache() {
        nbc.on(MD5_PATH, r -> new NbcStandIn.Reply(200, NbcStandIn.FOUND));
        BakongClient client = client(5);
        client.checkTransactionByMd5(MD5);
        client.checkTransactionByMd5(MD5); // FOUND is cached for 10 min
        assertThat(calls("success")).isEqualTo(1);
        assertThat(registry.get("cache.gets")
                        .tags("cache", "bakong.answers", "upstream", "live", "result", "hit")
                        .functionCounter()
                        .count())
                .isEqualTo(1);
        assertThat(circuit("closed")).isEqualTo(1);
    }

    @Test
    @DisplayName(
            "5xx answers count as server_error, open the circuit (gauge moves), and refused calls count as circuit_open")
    void circuitOpens() {
        nbc.on(MD5_PATH, r -> new NbcStandIn.Reply(503, "down"));
        BakongClient client = client(2);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.checkTransactionByMd5(MD5)).isInstanceOf(UpstreamException.class);
        }
        assertThat(calls("server_error")).isEqualTo(2);
        assertThat(calls("circuit_open")).isEqualTo(1);
        assertThat(circuit("open")).isEqualTo(1);
        assertThat(circuit("closed")).isZero();
    }

    @Test
    @DisplayName("with the default registry (Meters.none()) calls work and every meter reads zero")
    void noRegistry() {
        nbc.on(MD5_PATH, r -> new NbcStandIn.Reply(200, NbcStandIn.FOUND));
        MeterRegistry none = Meters.none();
        BakongClient client = BakongClient.create(BakongClientConfig.builder(nbc.baseUrl(), "test-token-123456")
                .clock(clock)
                .meterRegistry(none, "live")
                .build());
        assertThat(client.checkTransactionByMd5(MD5).status()).isEqualTo(TransactionCheckResult.Status.FOUND);
        assertThat(nbc.count(MD5_PATH)).isEqualTo(1);
        assertThat(none.get("bakongpay.upstream.requests").timer().count()).isZero();
        assertThat(none.find("cache.gets").meters())
                .as("no cache statistics without a registry")
                .isEmpty();
    }
}
