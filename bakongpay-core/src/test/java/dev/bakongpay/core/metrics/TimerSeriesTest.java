package dev.bakongpay.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimerSeriesTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TimerSeries series =
            new TimerSeries(registry, () -> Timer.builder("t").description("d"), "kind", "status");

    @Test
    void oneTimerPerSetOfTagValuesTaggedInTheKeysOrder() {
        series.timer("md5", "200").record(Duration.ofMillis(3));
        series.timer("md5", "200").record(Duration.ofMillis(5));
        series.timer("bulk", "404").record(Duration.ofMillis(1));

        assertThat(series.timer("md5", "200")).isSameAs(series.timer("md5", "200"));
        assertThat(registry.get("t")
                        .tags("kind", "md5", "status", "200")
                        .timer()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("t")
                        .tags("kind", "bulk", "status", "404")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("t").timers()).hasSize(2);
    }

    @Test
    void refusesTheWrongNumberOfValues() {
        assertThatThrownBy(() -> series.timer("md5")).isInstanceOf(IllegalArgumentException.class);
    }
}
