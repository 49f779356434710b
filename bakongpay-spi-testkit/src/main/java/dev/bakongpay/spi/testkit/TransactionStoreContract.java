package dev.bakongpay.spi.testkit;

import static dev.bakongpay.spi.testkit.Fixtures.merchant;
import static dev.bakongpay.spi.testkit.Fixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.ReconciliationBacklog;
import dev.bakongpay.spi.ReconciliationClaim;
import dev.bakongpay.spi.StatusCount;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.TransactionSearch;
import dev.bakongpay.spi.TransactionStore;
import java.time.Duration;
import java.time.Instant;
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
        return IntStream.range(0, n)
                .mapToObj(i -> {
                    clock.advance(Duration.ofMillis(1));
                    return inserted(pending(merchant(), clock));
                })
                .toList();
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
            assertThat(store.transition(StatusTransition.expired(ts.get(2).id(), clock.instant())))
                    .isPresent();
            clock.advance(Duration.ofSeconds(1));
            assertThat(store.transition(StatusTransition.paid(
                            ts.get(0).id(), PaymentStatus.PENDING, Fixtures.payment(clock), false, clock.instant())))
                    .isPresent();
            var to = clock.instant().plusSeconds(1);
            clock.advance(Duration.ofSeconds(5));
            assertThat(store.transition(StatusTransition.expired(ts.get(3).id(), clock.instant())))
                    .isPresent();

            assertThat(store.findFinalChangedBetween(from, to, 10))
                    .extracting(Transaction::id)
                    .containsExactly(ts.get(2).id(), ts.get(0).id());
            assertThat(store.findFinalChangedBetween(from, to, 1))
                    .extracting(Transaction::id)
                    .containsExactly(ts.get(2).id());
            assertThat(store.findFinalChangedBetween(to, clock.instant().plusSeconds(1), 10))
                    .extracting(Transaction::id)
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
            assertThat(store.reconciliationBacklog(clock.instant()))
                    .isEqualTo(new ReconciliationBacklog(3, ts.get(0).createdAt()));

            List<Transaction> leased = store.claimForReconciliation(claim("node-a", 2));
            assertThat(leased)
                    .extracting(Transaction::id)
                    .containsExactly(ts.get(0).id(), ts.get(1).id());
            java.time.Instant leaseEnd = clock.instant().plus(LEASE);
            assertThat(store.reconciliationBacklog(clock.instant()))
                    .isEqualTo(new ReconciliationBacklog(1, ts.get(2).createdAt()));

            store.transition(StatusTransition.paid(
                            ts.get(2).id(), PaymentStatus.PENDING, Fixtures.payment(clock), false, clock.instant()))
                    .orElseThrow();
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
            assertThat(a)
                    .extracting(Transaction::id)
                    .containsExactly(ts.get(0).id(), ts.get(1).id(), ts.get(2).id());
            assertThat(ids(b))
                    .containsExactlyInAnyOrder(ts.get(3).id(), ts.get(4).id());
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
            assertThat(store.claimForReconciliation(claim("node-a", 10)))
                    .extracting(Transaction::id)
                    .containsExactly(t.id());
        }

        @Test
        @DisplayName("SUCCESS and FAILED are never handed out; EXPIRED only within the lookback")
        void onlyPendingAndRecentlyExpired() {
            List<Transaction> ts = insertPending(4);
            store.transition(StatusTransition.paid(
                            ts.get(0).id(), PaymentStatus.PENDING, Fixtures.payment(clock), false, clock.instant()))
                    .orElseThrow();
            store.transition(StatusTransition.failed(ts.get(1).id(), null, "declined", clock.instant()))
                    .orElseThrow();
            store.transition(StatusTransition.expired(ts.get(2).id(), clock.instant()))
                    .orElseThrow();
            clock.advance(Duration.ofMinutes(30));
            assertThat(ids(store.claimForReconciliation(claim("node-a", 10))))
                    .containsExactlyInAnyOrder(ts.get(2).id(), ts.get(3).id());
            clock.advance(LOOKBACK);
            assertThat(ids(store.claimForReconciliation(claim("node-a", 10))))
                    .containsExactly(ts.get(3).id());
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
            List<List<Transaction>> batches =
                    Race.run(THREADS, 3, i -> store.claimForReconciliation(claim("node-" + i, 5)));
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

    @Nested
    @DisplayName("Operator search")
    class OperatorSearch {
        @Test
        @DisplayName("newest first across merchants, up to the limit; the next page starts after the last row")
        void newestFirstPaged() {
            List<Transaction> ts = insertPending(5);
            List<Transaction> first = store.search(TransactionSearch.newest(2));
            assertThat(first)
                    .extracting(Transaction::id)
                    .containsExactly(ts.get(4).id(), ts.get(3).id());
            List<Transaction> second =
                    store.search(TransactionSearch.newest(2).after(TransactionSearch.Position.of(first.get(1))));
            assertThat(second)
                    .extracting(Transaction::id)
                    .containsExactly(ts.get(2).id(), ts.get(1).id());
            assertThat(store.search(TransactionSearch.newest(2).after(TransactionSearch.Position.of(second.get(1)))))
                    .extracting(Transaction::id)
                    .containsExactly(ts.get(0).id());
            assertThat(first.get(0)).isEqualTo(ts.get(4));
        }

        @Test
        @DisplayName("rows created in the same instant are paged by id, none lost or repeated")
        void tiesPagedById() {
            List<Transaction> same = IntStream.range(0, 7)
                    .mapToObj(i -> inserted(pending(merchant(), clock)))
                    .toList();
            List<UUID> seen = new ArrayList<>();
            TransactionSearch page = TransactionSearch.newest(3);
            while (true) {
                List<Transaction> rows = store.search(page);
                if (rows.isEmpty()) break;
                rows.forEach(t -> seen.add(t.id()));
                page = page.after(TransactionSearch.Position.of(rows.get(rows.size() - 1)));
            }
            assertThat(seen)
                    .containsExactlyElementsOf(same.stream()
                            .sorted(TransactionSearch.NEWEST_FIRST)
                            .map(Transaction::id)
                            .toList());
        }

        @Test
        @DisplayName("filters by md5, id, status and merchant, each alone and together")
        void filters() {
            String shop = merchant();
            Transaction a = inserted(pending(shop, clock));
            clock.advance(Duration.ofSeconds(1));
            Transaction b = inserted(pending(shop, clock));
            clock.advance(Duration.ofSeconds(1));
            Transaction other = inserted(pending(merchant(), clock));
            store.transition(StatusTransition.expired(a.id(), clock.instant())).orElseThrow();
            store.transition(StatusTransition.expired(other.id(), clock.instant()))
                    .orElseThrow();

            assertThat(store.search(TransactionSearch.newest(10).withMd5(b.md5())))
                    .containsExactly(b);
            assertThat(store.search(TransactionSearch.newest(10).withId(other.id())))
                    .extracting(Transaction::id)
                    .containsExactly(other.id());
            assertThat(store.search(TransactionSearch.newest(10).withMerchantId(shop)))
                    .extracting(Transaction::id)
                    .containsExactly(b.id(), a.id());
            assertThat(store.search(TransactionSearch.newest(10).withStatus(PaymentStatus.EXPIRED)))
                    .extracting(Transaction::id)
                    .containsExactly(other.id(), a.id());
            assertThat(store.search(TransactionSearch.newest(10)
                            .withStatus(PaymentStatus.EXPIRED)
                            .withMerchantId(shop)))
                    .extracting(Transaction::id)
                    .containsExactly(a.id());
            assertThat(store.search(
                            TransactionSearch.newest(10).withMd5(b.md5()).withStatus(PaymentStatus.EXPIRED)))
                    .isEmpty();
            assertThat(store.search(TransactionSearch.newest(10).withId(a.id()).withMerchantId(other.merchantId())))
                    .isEmpty();
            assertThat(store.search(TransactionSearch.newest(10).withMd5(Fixtures.randomHex(32))))
                    .isEmpty();
            assertThat(store.search(TransactionSearch.newest(10).withMerchantId("m-nobody")))
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("Counts per minute")
    class CountsPerMinute {
        @Test
        @DisplayName("counts transactions by the minute they were created in and their status now, oldest minute first")
        void countsByMinuteAndStatus() {
            clock.set(Instant.parse("2026-12-06T10:00:00Z"));
            Transaction a = inserted(pending(merchant(), clock));
            clock.advance(Duration.ofSeconds(20));
            inserted(pending(merchant(), clock));
            clock.advance(Duration.ofSeconds(59)); // 10:01:19
            Transaction c = inserted(pending(merchant(), clock));
            clock.advance(Duration.ofMinutes(3)); // 10:04:19
            inserted(pending(merchant(), clock));
            store.transition(StatusTransition.paid(
                            a.id(), PaymentStatus.PENDING, Fixtures.payment(clock), false, clock.instant()))
                    .orElseThrow();
            store.transition(StatusTransition.failed(c.id(), null, "declined", clock.instant()))
                    .orElseThrow();

            Instant t10 = Instant.parse("2026-12-06T10:00:00Z");
            assertThat(store.countPerMinute(t10.plusSeconds(30), t10.plus(Duration.ofHours(1))))
                    .containsExactly(
                            new StatusCount(t10, PaymentStatus.PENDING, 1),
                            new StatusCount(t10, PaymentStatus.SUCCESS, 1),
                            new StatusCount(t10.plusSeconds(60), PaymentStatus.FAILED, 1),
                            new StatusCount(t10.plusSeconds(240), PaymentStatus.PENDING, 1));
            assertThat(store.countPerMinute(t10.plusSeconds(60), t10.plusSeconds(240)))
                    .containsExactly(new StatusCount(t10.plusSeconds(60), PaymentStatus.FAILED, 1));
            assertThat(store.countPerMinute(t10.minus(Duration.ofHours(2)), t10))
                    .isEmpty();
        }

        @Test
        @DisplayName("the window is at most 48 hours and must not be empty")
        void boundedWindow() {
            Instant now = clock.instant();
            assertThat(store.countPerMinute(now.minus(Duration.ofHours(48)), now))
                    .isEmpty();
            assertThatThrownBy(() -> store.countPerMinute(now.minus(Duration.ofHours(49)), now))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.countPerMinute(now, now.minus(Duration.ofMinutes(1))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
