package dev.bakongpay.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.spi.AdminAuditEntry;
import dev.bakongpay.spi.AdminAuditStore;
import dev.bakongpay.testsupport.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The contract of {@link AdminAuditStore}: entries kept whole, listed newest first, bounded. */
public abstract class AdminAuditStoreContract {
    protected final MutableClock clock = new MutableClock();
    protected AdminAuditStore store;

    /** A store; entries of other tests may be in it, all older than this test's own. */
    protected abstract AdminAuditStore createStore(MutableClock clock);

    @BeforeEach
    void openStore() {
        store = createStore(clock);
    }

    @Test
    @DisplayName("entries read back whole, newest first, up to the limit")
    void newestFirst() {
        Instant base = Fixtures.laterThanEverBefore();
        AdminAuditEntry first = new AdminAuditEntry(
                base, "admin:1a2b3c4d", "key.create", "key_00112233aabbccdd", "plan PRO, mode TEST, label 'ហាង A'");
        AdminAuditEntry second =
                new AdminAuditEntry(base.plusSeconds(1), "cli:alice", "key.revoke", "key_00112233aabbccdd", "");
        AdminAuditEntry third =
                new AdminAuditEntry(base.plusSeconds(2), "cli:alice", "key.plan", null, "plan PRO -> FREE");
        store.append(first);
        store.append(second);
        store.append(third);
        assertThat(store.list(3)).containsExactly(third, second, first);
        assertThat(store.list(1)).containsExactly(third);
    }

    @Test
    @DisplayName("entries of the same instant list the last appended first")
    void sameInstant() {
        Instant at = Fixtures.laterThanEverBefore();
        List<AdminAuditEntry> appended = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AdminAuditEntry e = new AdminAuditEntry(at, "admin:1a2b3c4d", "key.rotate", "key_" + i, "step " + i);
            store.append(e);
            appended.add(0, e);
        }
        assertThat(store.list(5)).containsExactlyElementsOf(appended);
    }

    @Test
    @DisplayName("a limit below 1 or above the maximum is refused")
    void bounded() {
        assertThatThrownBy(() -> store.list(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.list(AdminAuditStore.MAX_LIST + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("threads appending at once lose no entry")
    void racingAppends() {
        Instant at = Fixtures.laterThanEverBefore();
        Race.run(8, 5, i -> {
            store.append(new AdminAuditEntry(at.plusMillis(i), "admin:1a2b3c4d", "key.plan", "key_race" + i, "n" + i));
            return i;
        });
        assertThat(store.list(40))
                .extracting(AdminAuditEntry::keyId)
                .hasSize(40)
                .allMatch(id -> id.startsWith("key_race"))
                .doesNotHaveDuplicates();
    }
}
