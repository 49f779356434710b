package dev.bakongpay.adapters.jdbc;

import static dev.bakongpay.spi.testkit.Fixtures.merchant;
import static dev.bakongpay.spi.testkit.Fixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.IdempotencyRecord;
import dev.bakongpay.spi.InsertOutcome;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.TransactionStore;
import dev.bakongpay.spi.testkit.Race;
import dev.bakongpay.spi.testkit.TransactionStoreContract;
import dev.bakongpay.testsupport.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The JDBC layer of the transaction-store contract: migrations, and several nodes (store
 * instances) on one database. Connection loss is in {@link ConnectionLossScenario}.
 */
abstract class JdbcTransactionStoreContract extends TransactionStoreContract {

    /** The database under test, already migrated; shared by the test class. */
    protected abstract DataSource dataSource();

    /** Whether writes share commits ({@link GroupCommit}, the default) or each commits alone: the contract holds either way. */
    protected boolean groupCommit() {
        return true;
    }

    @Override
    protected TransactionStore createStore(MutableClock clock) {
        execute("DELETE FROM bakongpay_transaction");
        Jdbc jdbc = new Jdbc(dataSource());
        return new JdbcTransactionStore(jdbc, clock, groupCommit() ? new GroupCommit(jdbc) : GroupCommit.off(jdbc));
    }

    protected void execute(String sql) {
        try (Connection c = dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected List<String> strings(String sql) {
        try (Connection c = dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    @DisplayName("Migrations")
    class Migrations {
        @Test
        @DisplayName(
                "the schema is at version 6 (webhook outbox, key management, operator indexes, bank-app links, expired-claim index), recorded in BakongPay's own history table")
        void ownHistoryTable() {
            assertThat(strings("SELECT \"version\" FROM \"bakongpay_schema_history\" WHERE \"success\" = TRUE"))
                    .contains("1", "2", "3", "4", "5", "6");
        }

        @Test
        @DisplayName("migrating an up-to-date schema again runs nothing")
        void idempotent() {
            assertThat(JdbcMigrations.migrate(dataSource())).isZero();
        }
    }

    @Nested
    @DisplayName("Shared commits of one storage")
    class SharedCommits {
        /** What one racing create saw. */
        record Outcome(boolean reserved, InsertOutcome inserted, boolean completed) {}

        @Test
        @DisplayName(
                "racing creates with idempotency keys (two per key) and duplicate md5s: one winner per key, each its own outcome, all stored")
        void mixedWritesShareCommits() {
            execute("DELETE FROM bakongpay_idempotency_key");
            Storage storage = JdbcStorage.builder(dataSource())
                    .clock(clock)
                    .migrate(false)
                    .groupCommit(groupCommit())
                    .build();
            Transaction existing = inserted(pending(merchant(), clock));
            String m = merchant();
            int perThread = 20;
            int total = 2 * THREADS * perThread;
            List<Transaction> rows = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                Transaction.Builder b = dev.bakongpay.spi.testkit.Fixtures.pendingBuilder(m, clock);
                if (i % 10 == 3) b.md5(existing.md5());
                rows.add(b.build());
            }
            List<Outcome> outcomes = Race.run(2 * THREADS, perThread, i -> {
                String key = "key-" + (i % (total / 2)); // every key twice
                boolean reserved = storage.idempotency()
                        .putIfAbsent(IdempotencyRecord.reservation(m, key, "fp", clock.instant()))
                        .isEmpty();
                if (!reserved) return new Outcome(false, null, false);
                InsertOutcome inserted = storage.transactions().insert(rows.get(i));
                return new Outcome(
                        true,
                        inserted,
                        storage.idempotency()
                                .complete(m, key, 200, rows.get(i).id().toString()));
            });
            for (int k = 0; k < total / 2; k++) {
                Outcome a = outcomes.get(k);
                Outcome b = outcomes.get(k + total / 2);
                assertThat(a.reserved() ^ b.reserved())
                        .as("exactly one winner of key-%d", k)
                        .isTrue();
                int winner = a.reserved() ? k : k + total / 2;
                Outcome w = outcomes.get(winner);
                assertThat(w.completed()).isTrue();
                assertThat(w.inserted())
                        .as("insert %d", winner)
                        .isEqualTo(winner % 10 == 3 ? InsertOutcome.DUPLICATE_MD5 : InsertOutcome.INSERTED);
                if (w.inserted() == InsertOutcome.INSERTED) {
                    assertThat(storage.transactions()
                                    .findAnyById(rows.get(winner).id()))
                            .contains(rows.get(winner));
                }
                assertThat(storage.idempotency().find(m, "key-" + k)).hasValueSatisfying(r -> {
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(r.responseBody()).isEqualTo(rows.get(winner).id().toString());
                });
            }
            assertThat(storage.transactions().findAnyById(existing.id())).contains(existing);
            storage.close(); // stops its writer threads; the data source is the test's
        }
    }

    @Nested
    @DisplayName("Several nodes on one database")
    class Nodes {
        @Test
        @DisplayName("two nodes racing one PENDING → SUCCESS: exactly one wins")
        void transitionAcrossNodes() {
            TransactionStore a = new JdbcTransactionStore(dataSource(), clock);
            TransactionStore b = new JdbcTransactionStore(dataSource(), clock);
            Transaction t = inserted(pending(merchant(), clock));
            List<Optional<Transaction>> results = Race.once(
                    THREADS,
                    i -> (i % 2 == 0 ? a : b)
                            .transition(StatusTransition.paid(
                                    t.id(),
                                    PaymentStatus.PENDING,
                                    dev.bakongpay.spi.testkit.Fixtures.payment(clock),
                                    false,
                                    clock.instant())));
            assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
        }

        @Test
        @DisplayName("two nodes claiming batches at once never take the same transaction")
        void claimsAcrossNodes() {
            TransactionStore a = new JdbcTransactionStore(dataSource(), clock);
            TransactionStore b = new JdbcTransactionStore(dataSource(), clock);
            List<UUID> backlog = insertPending(60).stream().map(Transaction::id).toList();
            List<List<Transaction>> batches = Race.run(
                    THREADS,
                    4,
                    i -> (i % 2 == 0 ? a : b).claimForReconciliation(claim(i % 2 == 0 ? "node-a" : "node-b", 5)));
            List<UUID> taken = new ArrayList<>();
            batches.forEach(batch -> batch.forEach(t -> taken.add(t.id())));
            assertThat(taken).doesNotHaveDuplicates();
            assertThat(backlog).containsAll(taken);
            assertThat(strings("SELECT claim_owner FROM bakongpay_transaction WHERE claim_owner IS NOT NULL"))
                    .hasSize(taken.size())
                    .containsOnly("node-a", "node-b");
        }
    }
}
