package dev.bakongpay.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.bakongpay.spi.InsertOutcome;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.memory.MemoryStorageProvider;
import dev.bakongpay.spi.testkit.Fixtures;
import dev.bakongpay.testsupport.MutableClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the write-batch hook (batch-size metrics)")
class WriteBatchHookTest {
    @Test
    @DisplayName("each group commit reports its size; another adapter's storage is left alone")
    void reportsBatchSizes() {
        String url = "jdbc:h2:mem:" + TestDatabases.uniqueName("hook")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        MutableClock clock = new MutableClock();
        try (HikariDataSource pool = TestDatabases.pool(url, 2)) {
            Storage storage = JdbcStorage.builder(pool).clock(clock).build();
            List<Integer> sizes = new CopyOnWriteArrayList<>();
            assertThat(JdbcStorage.observeWriteBatches(storage, sizes::add)).isTrue();
            assertThat(storage.transactions().insert(Fixtures.pending(Fixtures.merchant(), clock)))
                    .isEqualTo(InsertOutcome.INSERTED);
            assertThat(sizes).containsExactly(1);
            TestDatabases.execute(url, "SHUTDOWN");
        }
        Storage memory = new MemoryStorageProvider().open(dev.bakongpay.spi.ProviderSettings.of(null));
        assertThat(JdbcStorage.observeWriteBatches(memory, size -> {})).isFalse();
    }
}
