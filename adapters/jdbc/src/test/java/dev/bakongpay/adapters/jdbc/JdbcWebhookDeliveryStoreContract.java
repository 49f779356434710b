package dev.bakongpay.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.WebhookDelivery;
import dev.bakongpay.spi.WebhookDeliveryStore;
import dev.bakongpay.spi.WebhookEvent;
import dev.bakongpay.spi.testkit.Race;
import dev.bakongpay.spi.testkit.WebhookDeliveryStoreContract;
import dev.bakongpay.testsupport.MutableClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The JDBC layer of the webhook-outbox contract: several nodes (store instances) on one database. */
abstract class JdbcWebhookDeliveryStoreContract extends WebhookDeliveryStoreContract {

    /** The database under test, already migrated; shared by the test class. */
    protected abstract DataSource dataSource();

    @Override
    protected WebhookDeliveryStore createStore(MutableClock clock) {
        try (Connection c = dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM " + JdbcWebhookDeliveryStore.TABLE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new JdbcWebhookDeliveryStore(dataSource(), clock);
    }

    @Nested
    @DisplayName("Nodes")
    class Nodes {
        @Test
        @DisplayName("two nodes recording one event at once store it once")
        void recordAcrossNodes() {
            WebhookDeliveryStore a = new JdbcWebhookDeliveryStore(dataSource(), clock);
            WebhookDeliveryStore b = new JdbcWebhookDeliveryStore(dataSource(), clock);
            UUID tx = UUID.randomUUID();
            List<Boolean> stored =
                    Race.once(THREADS, i -> (i % 2 == 0 ? a : b).record(event(tx, PaymentStatus.SUCCESS)));
            assertThat(stored).filteredOn(x -> x).hasSize(1);
        }

        @Test
        @DisplayName("two nodes claiming at once never take the same delivery")
        void claimsAcrossNodes() {
            WebhookDeliveryStore a = new JdbcWebhookDeliveryStore(dataSource(), clock);
            WebhookDeliveryStore b = new JdbcWebhookDeliveryStore(dataSource(), clock);
            List<String> backlog =
                    recorded(40).stream().map(WebhookEvent::eventId).toList();
            List<List<WebhookDelivery>> batches = Race.run(
                    THREADS,
                    4,
                    i -> (i % 2 == 0 ? a : b).claimDue(i % 2 == 0 ? "node-a" : "node-b", 3, Duration.ofSeconds(30)));
            List<String> taken = new ArrayList<>();
            batches.forEach(batch -> batch.forEach(d -> taken.add(d.eventId())));
            assertThat(taken).doesNotHaveDuplicates();
            assertThat(backlog).containsAll(taken);
        }
    }
}
