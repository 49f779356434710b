package dev.bakongpay.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.core.bakong.BakongClient;
import dev.bakongpay.core.bakong.BakongClientConfig;
import dev.bakongpay.core.payment.BakongPaymentNetwork;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.core.payment.ReconciliationGauges;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.ProviderSettings;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.memory.MemoryStorageProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the README's metrics snippet")
class MetricsReadmeTest {
    @Test
    @DisplayName("runs, and registers the meters it names")
    void snippetRuns() {
        Clock clock = Clock.systemUTC();
        Storage storage = new MemoryStorageProvider().open(ProviderSettings.of(null));
        String nbcUrl = "http://127.0.0.1:9";
        String nbcToken = "readme-token-0123456789";
        // spotless:off (twinned with the README, which keeps aligned comments)
        // README: from here
        MeterRegistry registry = new SimpleMeterRegistry(); // or the host's Prometheus, OTLP, … registry
        BakongClient nbc = BakongClient.create(BakongClientConfig.builder(nbcUrl, nbcToken)
                .meterRegistry(registry, "live").build());           // bakongpay.upstream.*, cache bakong.answers
        PaymentService payments = PaymentService.builder().transactions(storage.transactions()).idempotency(storage.idempotency())
                .network(PaymentMode.LIVE, new BakongPaymentNetwork(nbc, "NBC"))
                .meterRegistry(registry).build();                    // bakongpay.payments.*, cache payments.final
        ReconciliationGauges.register(registry, storage.transactions(), clock); // backlog and lag, sampled every 5 s
        // README: to here
        // spotless:on
        assertThat(payments).isNotNull();
        assertThat(registry.get("bakongpay.upstream.circuit.state")
                        .tags("upstream", "live", "state", "closed")
                        .gauge()
                        .value())
                .isEqualTo(1);
        assertThat(registry.get("bakongpay.reconciliation.backlog").gauge().value())
                .isZero();
        assertThat(registry.find("cache.gets").tag("cache", "payments.final").meters())
                .isNotEmpty();
    }

    @Test
    @DisplayName("every code line of the README snippet is in snippetRuns, in order")
    void sameLines() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```java\\n(MeterRegistry registry[\\s\\S]*?)```")
                .matcher(readme);
        assertThat(m.find()).as("the metrics snippet in README.md").isTrue();
        String here = Files.readString(
                Path.of("src/test/java/dev/bakongpay/core/metrics/MetricsReadmeTest.java"), StandardCharsets.UTF_8);
        String body = here.substring(here.indexOf("// README: from here"), here.indexOf("// README: to here"));
        List<String> lines = body.lines().map(String::strip).toList();
        int at = 0;
        for (String line :
                m.group(1).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            int found = lines.subList(at, lines.size()).indexOf(line);
            assertThat(found).as("README line in the test: %s", line).isNotNegative();
            at += found + 1;
        }
    }
}
