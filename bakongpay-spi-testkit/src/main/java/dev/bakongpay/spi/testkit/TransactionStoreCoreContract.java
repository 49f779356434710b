package dev.bakongpay.spi.testkit;

import static dev.bakongpay.spi.testkit.Fixtures.merchant;
import static dev.bakongpay.spi.testkit.Fixtures.payment;
import static dev.bakongpay.spi.testkit.Fixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.InsertOutcome;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.TransactionStore;
import dev.bakongpay.spi.UpstreamPayment;
import dev.bakongpay.testsupport.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * First layer of the {@link TransactionStore} contract: inserting, looking up within a merchant,
 * and compare-and-set transitions with exactly one winner. Adapters extend
 * {@link TransactionStoreContract}, which adds reconciliation claims.
 */
public abstract class TransactionStoreCoreContract {
    /** Races use this many threads. */
    protected static final int THREADS = 8;

    protected final MutableClock clock = new MutableClock();
    protected TransactionStore store;

    /** A store reading time from {@code clock}, empty of transactions (claims tests count them). */
    protected abstract TransactionStore createStore(MutableClock clock);

    @BeforeEach
    void openStore() {
        store = createStore(clock);
    }

    protected Transaction inserted(Transaction t) {
        assertThat(store.insert(t)).isEqualTo(InsertOutcome.INSERTED);
        return t;
    }

    @Nested
    @DisplayName("Inserting")
    class Inserting {
        @Test
        @DisplayName("a stored transaction reads back equal, field by field")
        void roundTrip() {
            Transaction t = inserted(pending(merchant(), clock));
            assertThat(store.findById(t.merchantId(), t.id())).contains(t);
        }

        @Test
        @DisplayName("amount scale, KHR, null description, empty attributes and Khmer text survive")
        void edgeValues() {
            Transaction t = inserted(Fixtures.pendingBuilder(merchant(), clock)
                    .amount(new BigDecimal("100000"))
                    .currency("KHR")
                    .description(null)
                    .attributes(Map.of())
                    .merchantName("ហាងកាហ្វេ")
                    .build());
            Transaction u = inserted(Fixtures.pendingBuilder(merchant(), clock)
                    .amount(new BigDecimal("0.010000"))
                    .build());
            assertThat(store.findAnyById(t.id())).contains(t);
            assertThat(store.findAnyById(u.id()).orElseThrow().amount()).isEqualTo("0.010000");
        }

        @Test
        @DisplayName("a second transaction with the same id is refused and the first is kept")
        void duplicateId() {
            Transaction t = inserted(pending(merchant(), clock));
            Transaction again =
                    Fixtures.pendingBuilder(merchant(), clock).id(t.id()).build();
            assertThat(store.insert(again)).isEqualTo(InsertOutcome.DUPLICATE_ID);
            assertThat(store.findAnyById(t.id())).contains(t);
        }

        @Test
        @DisplayName("a second transaction with the same md5 is refused and nothing is stored")
        void duplicateMd5() {
            Transaction t = inserted(pending(merchant(), clock));
            Transaction other =
                    Fixtures.pendingBuilder(merchant(), clock).md5(t.md5()).build();
            assertThat(store.insert(other)).isEqualTo(InsertOutcome.DUPLICATE_MD5);
            assertThat(store.findAnyById(other.id())).isEmpty();
            assertThat(store.findAnyByMd5(t.md5())).contains(t);
        }

        @Test
        @DisplayName("threads racing to insert the same md5: exactly one is stored")
        void raceSameMd5() {
            String md5 = Fixtures.randomHex(32);
            String m = merchant();
            List<InsertOutcome> outcomes = Race.once(
                    THREADS,
                    i -> store.insert(Fixtures.pendingBuilder(m, clock).md5(md5).build()));
            assertThat(outcomes).filteredOn(o -> o == InsertOutcome.INSERTED).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o != InsertOutcome.INSERTED).containsOnly(InsertOutcome.DUPLICATE_MD5);
        }

        @Test
        @DisplayName(
                "many inserts at once with duplicates among them: each gets its own outcome, every new row is stored whole")
        void concurrentInsertsWithDuplicates() {
            Transaction existing = inserted(pending(merchant(), clock));
            int perThread = 25;
            List<Transaction> rows = new java.util.ArrayList<>();
            for (int i = 0; i < 2 * THREADS * perThread; i++) {
                Transaction.Builder b = Fixtures.pendingBuilder(merchant(), clock);
                if (i % 10 == 3) b.md5(existing.md5());
                if (i % 10 == 7) b.id(existing.id());
                rows.add(b.build());
            }
            List<InsertOutcome> outcomes = Race.run(2 * THREADS, perThread, i -> store.insert(rows.get(i)));
            for (int i = 0; i < rows.size(); i++) {
                InsertOutcome expected = i % 10 == 3
                        ? InsertOutcome.DUPLICATE_MD5
                        : i % 10 == 7 ? InsertOutcome.DUPLICATE_ID : InsertOutcome.INSERTED;
                assertThat(outcomes.get(i)).as("insert %d", i).isEqualTo(expected);
                if (expected == InsertOutcome.INSERTED) {
                    assertThat(store.findAnyById(rows.get(i).id()))
                            .as("row %d", i)
                            .contains(rows.get(i));
                } else if (expected == InsertOutcome.DUPLICATE_MD5) {
                    assertThat(store.findAnyById(rows.get(i).id()))
                            .as("row %d", i)
                            .isEmpty();
                }
            }
            assertThat(store.findAnyById(existing.id())).contains(existing);
        }
    }

    @Nested
    @DisplayName("Finding")
    class Finding {
        @Test
        @DisplayName("by id and md5 only within the owning merchant; the unscoped variants find any")
        void scopedToMerchant() {
            Transaction t = inserted(pending(merchant(), clock));
            String stranger = merchant();
            assertThat(store.findById(stranger, t.id())).isEmpty();
            assertThat(store.findByMd5(stranger, t.md5())).isEmpty();
            assertThat(store.findByMd5(t.merchantId(), t.md5())).contains(t);
            assertThat(store.findAnyById(t.id())).contains(t);
            assertThat(store.findAnyByMd5(t.md5())).contains(t);
        }

        @Test
        @DisplayName("unknown ids, md5s and hashes find nothing")
        void unknown() {
            String m = merchant();
            assertThat(store.findById(m, UUID.randomUUID())).isEmpty();
            assertThat(store.findAnyById(UUID.randomUUID())).isEmpty();
            assertThat(store.findByMd5(m, Fixtures.randomHex(32))).isEmpty();
            assertThat(store.findAnyByMd5(Fixtures.randomHex(32))).isEmpty();
            assertThat(store.findByPaymentHash(m, Fixtures.randomHex(64))).isEmpty();
        }

        @Test
        @DisplayName("by upstream payment hash once paid, only within the owning merchant")
        void byHash() {
            Transaction t = inserted(pending(merchant(), clock));
            UpstreamPayment p = payment(clock);
            Transaction paid = store.transition(
                            StatusTransition.paid(t.id(), PaymentStatus.PENDING, p, false, clock.instant()))
                    .orElseThrow();
            assertThat(store.findByPaymentHash(t.merchantId(), p.hash())).contains(paid);
            assertThat(store.findByPaymentHash(merchant(), p.hash())).isEmpty();
        }
    }

    @Nested
    @DisplayName("Bank-app links")
    class BankAppLinks {
        @Test
        @DisplayName("none until one is saved; then it reads back, and a later one does not replace it")
        void firstStays() {
            Transaction t = inserted(pending(merchant(), clock));
            assertThat(store.findBankAppLink(t.id())).isEmpty();
            assertThat(store.saveBankAppLink(t.id(), "https://bakong.page.link/first"))
                    .contains("https://bakong.page.link/first");
            assertThat(store.saveBankAppLink(t.id(), "https://bakong.page.link/later"))
                    .contains("https://bakong.page.link/first");
            assertThat(store.findBankAppLink(t.id())).contains("https://bakong.page.link/first");
            assertThat(store.findAnyById(t.id())).contains(t); // the transaction itself is unchanged
        }

        @Test
        @DisplayName("an unknown transaction has none and keeps none")
        void unknown() {
            UUID id = UUID.randomUUID();
            assertThat(store.saveBankAppLink(id, "https://bakong.page.link/x")).isEmpty();
            assertThat(store.findBankAppLink(id)).isEmpty();
        }

        @Test
        @DisplayName("a link of 2048 characters is kept whole; a longer or blank one is refused")
        void bounds() {
            Transaction t = inserted(pending(merchant(), clock));
            String longest = "https://bakong.page.link/" + "a".repeat(TransactionStore.MAX_BANK_APP_LINK - 25);
            assertThat(store.saveBankAppLink(t.id(), longest)).contains(longest);
            Transaction u = inserted(pending(merchant(), clock));
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> store.saveBankAppLink(u.id(), longest + "a"));
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> store.saveBankAppLink(u.id(), " "));
            assertThat(store.findBankAppLink(u.id())).isEmpty();
        }

        @Test
        @DisplayName("threads racing to save a first link: all get the same one, and it is the one stored")
        void race() {
            Transaction t = inserted(pending(merchant(), clock));
            List<Optional<String>> answers =
                    Race.once(THREADS, i -> store.saveBankAppLink(t.id(), "https://bakong.page.link/" + i));
            Optional<String> stored = store.findBankAppLink(t.id());
            assertThat(stored).isPresent();
            assertThat(answers).containsOnly(stored);
        }
    }

    @Nested
    @DisplayName("Transitions")
    class Transitions {
        @Test
        @DisplayName("PENDING → SUCCESS records payment, late flag and time, and returns what is stored")
        void paid() {
            Transaction t = inserted(pending(merchant(), clock));
            clock.advance(Duration.ofSeconds(30));
            UpstreamPayment p = payment(clock);
            Optional<Transaction> won =
                    store.transition(StatusTransition.paid(t.id(), PaymentStatus.PENDING, p, false, clock.instant()));
            assertThat(won).isPresent();
            Transaction after = won.orElseThrow();
            assertThat(after.status()).isEqualTo(PaymentStatus.SUCCESS);
            assertThat(after.payment()).isEqualTo(p);
            assertThat(after.updatedAt()).isEqualTo(clock.instant());
            assertThat(after.late()).isFalse();
            assertThat(after)
                    .isEqualTo(
                            t.apply(StatusTransition.paid(t.id(), PaymentStatus.PENDING, p, false, clock.instant())));
            assertThat(store.findAnyById(t.id())).contains(after);
        }

        @Test
        @DisplayName("PENDING → FAILED keeps the reason and the mismatching payment")
        void failed() {
            Transaction t = inserted(pending(merchant(), clock));
            String reason = "amount_mismatch: paid 20.00 USD, expected 25.00 USD";
            Transaction after = store.transition(
                            StatusTransition.failed(t.id(), payment(clock), reason, clock.instant()))
                    .orElseThrow();
            assertThat(store.findAnyById(t.id())).contains(after);
            assertThat(after.statusReason()).isEqualTo(reason);
        }

        @Test
        @DisplayName("a transaction already moved is not moved again: the late caller loses")
        void secondLoses() {
            Transaction t = inserted(pending(merchant(), clock));
            assertThat(store.transition(StatusTransition.expired(t.id(), clock.instant())))
                    .isPresent();
            assertThat(store.transition(StatusTransition.failed(t.id(), null, "x", clock.instant())))
                    .isEmpty();
            assertThat(store.findAnyById(t.id()).orElseThrow().status()).isEqualTo(PaymentStatus.EXPIRED);
        }

        @Test
        @DisplayName("an EXPIRED transaction paid late becomes SUCCESS marked late; then nothing moves it")
        void latePayment() {
            Transaction t = inserted(pending(merchant(), clock));
            store.transition(StatusTransition.expired(t.id(), clock.instant())).orElseThrow();
            clock.advance(Duration.ofMinutes(20));
            Transaction after = store.transition(
                            StatusTransition.paid(t.id(), PaymentStatus.EXPIRED, payment(clock), true, clock.instant()))
                    .orElseThrow();
            assertThat(after.status()).isEqualTo(PaymentStatus.SUCCESS);
            assertThat(after.late()).isTrue();
            assertThat(store.transition(StatusTransition.paid(
                            t.id(), PaymentStatus.EXPIRED, payment(clock), true, clock.instant())))
                    .isEmpty();
        }

        @Test
        @DisplayName("a transition of an unknown transaction changes nothing and loses")
        void unknown() {
            assertThat(store.transition(StatusTransition.expired(UUID.randomUUID(), clock.instant())))
                    .isEmpty();
        }

        @Test
        @DisplayName("threads racing PENDING → SUCCESS: exactly one wins, and its payment is the one stored")
        void raceOneWinner() {
            Transaction t = inserted(pending(merchant(), clock));
            List<Optional<Transaction>> results = Race.once(
                    THREADS,
                    i -> store.transition(StatusTransition.paid(
                            t.id(), PaymentStatus.PENDING, payment(clock), false, clock.instant())));
            List<Transaction> winners =
                    results.stream().flatMap(Optional::stream).toList();
            assertThat(winners).hasSize(1);
            assertThat(store.findAnyById(t.id())).contains(winners.get(0));
        }

        @Test
        @DisplayName("threads racing SUCCESS, FAILED and EXPIRED on many transactions: one winner each")
        void raceMixed() {
            List<Transaction> ts = java.util.stream.IntStream.range(0, 20)
                    .mapToObj(i -> inserted(pending(merchant(), clock)))
                    .toList();
            List<Optional<Transaction>> results = Race.run(THREADS, ts.size(), i -> {
                Transaction t = ts.get(i % ts.size());
                return store.transition(
                        switch (i % 3) {
                            case 0 ->
                                StatusTransition.paid(
                                        t.id(), PaymentStatus.PENDING, payment(clock), false, clock.instant());
                            case 1 -> StatusTransition.failed(t.id(), null, "rejected", clock.instant());
                            default -> StatusTransition.expired(t.id(), clock.instant());
                        });
            });
            List<Transaction> winners =
                    results.stream().flatMap(Optional::stream).toList();
            assertThat(winners).hasSize(ts.size());
            assertThat(winners).extracting(Transaction::id).doesNotHaveDuplicates();
            winners.forEach(w -> assertThat(store.findAnyById(w.id())).contains(w));
        }
    }
}
