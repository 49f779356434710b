package dev.bakongpay.core.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.testsupport.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("IssuedMd5s")
class IssuedMd5sTest {
    final MutableClock clock = new MutableClock();

    @Test
    @DisplayName("an md5 is refused a second time while it is remembered, and free again after the retention")
    void retention() {
        IssuedMd5s issued = new IssuedMd5s(clock);
        assertThat(issued.reserve("a".repeat(32))).isTrue();
        assertThat(issued.reserve("a".repeat(32))).isFalse();
        assertThat(issued.reserve("b".repeat(32))).isTrue();
        clock.advance(Duration.ofMillis(IssuedMd5s.RETENTION_MILLIS - 1));
        assertThat(issued.reserve("a".repeat(32))).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(issued.reserve("a".repeat(32))).isTrue();
        assertThat(issued.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("bounded: past its size it forgets some md5s, never all at once")
    void bounded() {
        IssuedMd5s issued = new IssuedMd5s(clock, 1_000);
        for (int i = 0; i < 5_000; i++)
            assertThat(issued.reserve(String.format("%032x", i))).isTrue();
        assertThat(issued.size()).isBetween(1L, 1_000L);
        assertThat(issued.size()).isGreaterThan(900L);
    }
}
