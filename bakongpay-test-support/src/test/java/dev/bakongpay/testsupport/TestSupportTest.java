package dev.bakongpay.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

@DisplayName("test support")
class TestSupportTest {

    @Test
    @DisplayName("the mutable clock moves only when told, and a copy in another zone shares its time")
    void clock() {
        MutableClock clock = new MutableClock();
        assertThat(clock.instant()).isEqualTo(MutableClock.START);
        var paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.advance(Duration.ofMillis(1500));
        assertThat(clock.instant())
                .isEqualTo(MutableClock.START.plusMillis(1500))
                .isEqualTo(paris.instant());
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        clock.set(Instant.EPOCH);
        assertThat(clock.millis()).isZero();
    }

    @Test
    @DisplayName("a missing service skips with the reason locally and fails under CI=true")
    void missingService() {
        if (Services.ci()) {
            assertThatThrownBy(() -> Services.missing("the thing is gone", null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("CI=true and the thing is gone");
        } else {
            assertThatThrownBy(() -> Services.missing("the thing is gone", null))
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("the thing is gone");
        }
    }

    @Test
    @DisplayName("a probe names what is missing and how to get it")
    void probe() {
        String before = System.getProperty("bakongpay.test.pg.url");
        System.setProperty("bakongpay.test.pg.url", "jdbc:nosuchdriver:test");
        try {
            assertThat(Services.probe(Service.POSTGRESQL))
                    .hasValueSatisfying(p -> assertThat(p.reason())
                            .startsWith("PostgreSQL not reachable at jdbc:nosuchdriver:test")
                            .contains("BAKONGPAY_TEST_PG_URL"));
        } finally {
            if (before == null) System.clearProperty("bakongpay.test.pg.url");
            else System.setProperty("bakongpay.test.pg.url", before);
        }
    }

    @Test
    @DisplayName("tokens are NBC-shaped JWTs whose exp is the given instant")
    void jwt() {
        String token = Jwts.expiringAt(Instant.ofEpochSecond(1_800_000_000L));
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        String payload =
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(payload).contains("\"exp\":1800000000").contains("\"data\":{\"id\":");
    }
}
