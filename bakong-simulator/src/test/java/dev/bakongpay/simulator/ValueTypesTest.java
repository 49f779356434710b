package dev.bakongpay.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Faults and payment options refuse nonsense when built")
class ValueTypesTest {

    @Test
    @DisplayName("a fault names the bad value and the rule")
    void faultRules() {
        assertThatThrownBy(() -> Fault.serverErrors(1.5)).hasMessage("share was 1.5 but it must be between 0 and 1");
        assertThatThrownBy(() -> Fault.malformedBody().forCalls(0)).hasMessage("calls was 0 but it must be at least 1");
        assertThatThrownBy(() -> Fault.latency(Duration.ofMillis(-1)))
                .hasMessage("latencyMs was -1 but it must be from 0 to 3600000 (an hour)");
        assertThatThrownBy(() -> Fault.latency(Duration.ofHours(2)))
                .hasMessage("latencyMs was 7200000 but it must be from 0 to 3600000 (an hour)");
        assertThatThrownBy(() -> Fault.malformedBody().forWindow(Duration.ofDays(366)))
                .hasMessage("windowMs was 31622400000 but it must be from 1 to 31536000000 (a year)");
        assertThatThrownBy(() -> Fault.serverErrors(1).withStatus(404))
                .hasMessage("status was 404 but it must be a 5xx status");
        assertThatThrownBy(() -> Fault.tokenExpired().onPath("/simulator/payments"))
                .hasMessageContaining("must be an Open API path");
        assertThat(Fault.timeout(Duration.ofSeconds(2))
                        .forWindow(Duration.ofMinutes(1))
                        .windowMs())
                .isEqualTo(60_000);
    }

    @Test
    @DisplayName("payment options default to a successful, immediate payment and refuse a negative delay")
    void paymentOptions() {
        assertThat(PaymentOptions.defaults().status()).isEqualTo("SUCCESS");
        assertThat(PaymentOptions.defaults().delay()).isZero();
        assertThat(PaymentOptions.defaults().failed().status()).isEqualTo("FAILED");
        assertThatThrownBy(() -> PaymentOptions.defaults().delay(Duration.ofSeconds(-1)))
                .hasMessageContaining("must not be negative");
    }
}
