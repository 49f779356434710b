package dev.bakongpay.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.testsupport.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Java snippets of this module's README, compiled and run. */
@DisplayName("The README's Java examples")
class ReadmeExamplesTest {

    static final MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

    @RegisterExtension
    static BakongSimulatorExtension bakong =
            BakongSimulatorExtension.withToken("t").clock(clock);

    @Test
    @DisplayName("the extension example: pay, pay a wrong amount later, inject a fault, count md5 checks")
    void extensionExample(BakongSimulator simulator, SimulatorControl control) {
        String qr = TestQrs.coffee(clock.instant());
        String qr2 = TestQrs.coffee(clock.instant());
        String md5 = TestQrs.md5(qr);

        control.pay(qr);
        control.pay(
                qr2, PaymentOptions.defaults().amount(new BigDecimal("0.01")).delay(Duration.ofSeconds(2)));
        control.injectFault(
                Fault.serverErrors(0.3).onPath("/v1/check_transaction_by_md5").forCalls(10));

        assertThat(simulator.token()).contains("t");
        assertThat(control.md5CheckCount(md5)).isZero();
        assertThat(control.transactions()).hasSize(2);
    }

    @Test
    @DisplayName("the builder example: start, use, stop with try-with-resources")
    void builderExample() {
        try (BakongSimulator simulator = BakongSimulator.builder()
                .port(0)
                .token("t")
                .clock(clock)
                .build()
                .start()) {
            SimulatorControl control = simulator.control();
            assertThat(control.pay(TestQrs.coffee(clock.instant())).status()).isEqualTo("SUCCESS");
            assertThat(SimulatorControl.connect(simulator.baseUrl()).transactions())
                    .hasSize(1);
        }
    }
}
