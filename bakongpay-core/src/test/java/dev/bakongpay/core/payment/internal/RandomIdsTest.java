package dev.bakongpay.core.payment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Transaction ids")
class RandomIdsTest {

    @Test
    @DisplayName("are RFC 9562 version 7 UUIDs carrying the creation time in ms")
    void versionSevenWithTime() {
        long ms = 1_764_547_200_123L;
        UUID id = RandomIds.timeOrdered(ms);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(ms);
        assertThat(id.toString()).startsWith("019ad735-847b-7");
    }

    @Test
    @DisplayName("sort by creation time, and never repeat within one ms")
    void orderedAndUnique() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(RandomIds.timeOrdered(1_764_547_200_000L))).isTrue();
        }
        UUID earlier = RandomIds.timeOrdered(1_764_547_200_000L);
        UUID later = RandomIds.timeOrdered(1_764_547_200_001L);
        assertThat(earlier.toString()).isLessThan(later.toString());
    }

    @Test
    @DisplayName("refuse a time before 1970 or past the 48-bit range")
    void outOfRange() {
        assertThatThrownBy(() -> RandomIds.timeOrdered(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RandomIds.timeOrdered(1L << 48)).isInstanceOf(IllegalArgumentException.class);
    }
}
