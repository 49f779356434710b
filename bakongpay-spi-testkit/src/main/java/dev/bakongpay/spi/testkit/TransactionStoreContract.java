package dev.bakongpay.spi.testkit;

import static dev.bakongpay.spi.testkit.Fixtures.merchant;
import static dev.bakongpay.spi.testkit.Fixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.ReconciliationBacklog;
import dev.bakongpay.spi.ReconciliationClaim;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.TransactionStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TransactionStore}, the one every store's test extends: the core layer
 * plus reconciliation claims, which must never hand one transaction to two nodes at once.
 */
public abstract class TransactionStoreContract extends TransactionStoreCoreContract {
    protected static final Duration LEASE = Duration.ofMinutes(1);
    protected static final Duration LOOKBACK = Duration.ofHours(1);

    protected ReconciliationClaim claim(String owner, int limit) {
        return new ReconciliationClaim(owner, limit, LEASE, LOOKBACK);
    }

    protected static Set<UUID> ids(List<Transaction> ts) {
        Set<UUID> ids = new HashSet<>();
        ts.forEach(t -> ids.add(t.id()));
        return ids;
    }

    protected List<Transaction> insertPending(int n) {
        return IntStream.range(0, n).mapToObj(i -> {
            clock.advance(Duration.ofMillis(1));
            return inserted(pending(merchant(), clock));
        }).toList();
    }

    @Nested
    @DisplayName("Changed transactions (webhook sweep)")
    class ChangedTransactions {
        @Test
        @DisplayName("lists final transactions changed in [from, to), oldest change first, never pending ones")
        void listsFinalChangesInWindow() {
            List<Transaction> ts = insertPending(4);
            var from = clock.instant();
            clock.advance(Duration.ofSeconds(1));
            assertThat(store.transition(StatusTransition.expired(ts.get(2).id(), clock.instant()))).isPresent();
            clock.advance(Duration.ofSeconds(1));
            assertThat(store.transition(StatusTransition.paid(ts.get(0).id(), PaymentStatus.PENDING,
                    Fixtures.payment(clock), false, clock.instant()))).isPresent();
            var to = clock.instant().plusSeconds(1);
            clock.advance(Duration.ofSeconds(5));
            assertThat(store.transition(StatusTransition.expired(ts.get(3).id(), clock.instant()))).isPresent();

            assertThat(store.findFinalChangedBetween(from, to, 10)).extracting(Transaction::id)
                    .containsExactly(ts.get(2).id(), ts.get(0).id());
            assertThat(store.findFinalChangedBetween(from, to, 1)).extracting(Transaction::id)
                    .containsExactly(ts.get(2).id());
            assertThat(store.findFinalChangedBetween(to, clock.instant().plusSeconds(1), 10)).extracting(Transaction::id)
                    .containsExactly(ts.get(3).id());
        }
    }

    @Nested
    @DisplayName("Reconciliation backlog (metrics)")
    class Backlog {
        @Test
        @DisplayName("counts PENDING transactions not under lease, and since when the longest-waiting one has been due")
        void dueAndOldest() {
            assertThat(store.reconciliationBacklog(clock.instant())).isEqualTo(new ReconciliationBacklog(0, null));
            List<Transaction> ts = insertPending(3);
            clock.advance(Duration.ofSeconds(10));
            assertThat(store.reconciliationBacklog(clock.instant())).isEqualTo(new ReconciliationBacklog(3, ts.get(0).createdAt()));

            List<Transaction> leased = store.claimForReconciliation(claim("node-a", 2));
            assertThat(leased).extracting(Transaction::id).containsExactly(ts.get(0).id(), ts.get(1).id());
            java.time.Instant leaseEnd = clock.instant().plus(LEASE);
            assertThat(store.reconciliationBacklog(clock.instant())).isEqualTo(new ReconciliationBacklog(1, ts.get(2).createdAt()));

            store.transition(StatusTransition.paid(ts.get(2).id(), PaymentStatus.PENDING, Fixtures.payment(clock), false,
                    clock.instant())).orElseThrow();
            assertThat(store.reconciliationBacklog(clock.instant())).isEqualTo(new ReconciliationBacklog(0, null));
            clock.advance(LEASE);
            assertThat(store.reconciliationBacklog(clock.instant())).isEqualTo(new ReconciliationBacklog(2, leaseEnd));
        }
    }

    @Nested
    @DisplayName("Claims")
    class Claims {
        @Test
        @DisplayName("a claim takes at most its limit, oldest first, and a second claimer gets only the rest")
        void twoClaimersDoNotOverlap() {
            List<Transaction> ts = insertPending(5);
            List<Transaction> a = store.claimForReconciliation(claim("node-a", 3));
            List<Transaction> b = store.claimForReconciliation(claim("node-b", 3));
            assertThat(a).extracting(Transaction::id).containsExactly(ts.get(0).id(), ts.get(1).id(), ts.get(2).id());
            assertThat(ids(b)).containsExactlyInAnyOrder(ts.get(3).id(), ts.get(4).id());
            assertThat(store.claimForReconciliation(claim("node-c", 3))).isEmpty();
        }

        @Test
        @DisplayName("a dead node's batch is taken again once its lease has run out, not before")
        void leaseExpires() {
            List<Transaction> ts = insertPending(2);
            assertThat(store.claimForReconciliation(claim("dead-node", 10))).hasSize(2);
            clock.advance(LEASE.minusSeconds(1));
            assertThat(store.claimForReconciliation(claim("node-b", 10))).isEmpty();
            clock.advance(Duration.ofSeconds(1));
            assertThat(ids(store.claimForReconciliation(claim("node-b", 10)))).isEqualTo(ids(ts));
        }

        @Test
        @DisplayName("pending transactions past their expiry are handed out, so they get expired")
        void stalePendingIncluded() {
            Transaction t = inserted(pending(merchant(), clock));
            clock.advance(Duration.ofHours(5));
            assertThat(store.claimForReconciliation(claim("node-a", 10))).extracting(Transaction::id).containsExactly(t.id());
        }

        @Test
        @DisplayName("SUCCESS and FAILED are never handed out; EXPIRED only within the lookback")
        void onlyPendingAndRecentlyExpired() {
            List<Transaction> ts = insertPending(4);
            store.transition(StatusTransition.paid(ts.get(0).id(), PaymentStatus.PENDING, Fixtures.payment(clock), false,
                    clock.instant())).orElseThrow();
            store.transition(StatusTransition.failed(ts.get(1).id(), null, "declined", clock.instant())).orElseThrow();
            store.transition(StatusTransition.expired(ts.get(2).id(), clock.instant())).orElseThrow();
            clock.advance(Duration.ofMinutes(30));
            assertThat(ids(store.claimForReconciliation(claim("node-a", 10))))
                    .containsExactlyInAnyOrder(ts.get(2).id(), ts.get(3).id());
            clock.advance(LOOKBACK);
            assertThat(ids(store.claimForReconciliation(claim("node-a", 10)))).containsExactly(ts.get(3).id());
        }

        @Test
        @DisplayName("after a lease ends, transactions never leased come before those leased before")
        void leastRecentlyLeasedFirst() {
            List<Transaction> first = insertPending(2);
            assertThat(store.claimForReconciliation(claim("node-a", 2))).hasSize(2);
            clock.advance(LEASE);
            List<Transaction> later = insertPending(2);
            assertThat(ids(store.claimForReconciliation(claim("node-a", 2)))).isEqualTo(ids(later));
            assertThat(ids(store.claimForReconciliation(claim("node-a", 2)))).isEqualTo(ids(first));
        }

        @Test
        @DisplayName("claimers racing over one backlog never share a transaction, and together take all of it")
        void racingClaimers() {
            Set<UUID> backlog = ids(insertPending(40));
            List<List<Transaction>> batches = Race.run(THREADS, 3, i -> store.claimForReconciliation(claim("node-" + i, 5)));
            List<UUID> taken = new ArrayList<>();
            batches.forEach(b -> b.forEach(t -> taken.add(t.id())));
            assertThat(taken).doesNotHaveDuplicates();
            while (true) { // a contended claim may come back short; the rest is still there to take
                List<Transaction> more = store.claimForReconciliation(claim("sweeper", 50));
                if (more.isEmpty()) break;
                more.forEach(t -> taken.add(t.id()));
            }
            assertThat(taken).doesNotHaveDuplicates();
            assertThat(new HashSet<>(taken)).isEqualTo(backlog);
        }
    }
}
