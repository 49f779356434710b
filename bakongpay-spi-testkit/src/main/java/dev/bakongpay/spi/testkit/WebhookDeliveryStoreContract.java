package dev.bakongpay.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.WebhookDelivery;
import dev.bakongpay.spi.WebhookDeliveryQuery;
import dev.bakongpay.spi.WebhookDeliveryState;
import dev.bakongpay.spi.WebhookDeliveryStore;
import dev.bakongpay.spi.WebhookEvent;
import dev.bakongpay.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link WebhookDeliveryStore}, the webhook outbox: one delivery per event id,
 * leases that never hand one delivery to two claimers at once, and conditional state changes.
 */
public abstract class WebhookDeliveryStoreContract {
    protected static final int THREADS = 8;
    protected static final Duration LEASE = Duration.ofSeconds(30);

    protected final MutableClock clock = new MutableClock();
    protected WebhookDeliveryStore store;

    /** A store reading time from {@code clock}, empty of deliveries (claim tests count them). */
    protected abstract WebhookDeliveryStore createStore(MutableClock clock);

    @BeforeEach
    void openStore() {
        store = createStore(clock);
    }

    /** A fresh event "a new transaction became {@code status}", created now. */
    protected WebhookEvent event(PaymentStatus status) {
        return event(UUID.randomUUID(), status);
    }

    protected WebhookEvent event(UUID transactionId, PaymentStatus status) {
        String id = WebhookEvent.idOf(transactionId, status);
        String type = status == PaymentStatus.SUCCESS
                ? "payment.succeeded"
                : "payment." + status.name().toLowerCase();
        return new WebhookEvent(
                id,
                transactionId,
                "m-shop",
                type,
                "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"note\":\"ហាង\"}",
                clock.instant());
    }

    protected List<WebhookEvent> recorded(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> {
                    clock.advance(Duration.ofMillis(1));
                    WebhookEvent e = event(PaymentStatus.SUCCESS);
                    assertThat(store.record(e)).isTrue();
                    return e;
                })
                .toList();
    }

    private static Set<String> ids(List<WebhookDelivery> ds) {
        return ds.stream().map(WebhookDelivery::eventId).collect(Collectors.toSet());
    }

    @Nested
    @DisplayName("Recording")
    class Recording {
        @Test
        @DisplayName("a recorded event is PENDING, due now, with no attempts, and reads back whole")
        void recordsPending() {
            WebhookEvent e = event(PaymentStatus.SUCCESS);
            assertThat(store.record(e)).isTrue();
            WebhookDelivery d = store.find(e.eventId()).orElseThrow();
            assertThat(d.event()).isEqualTo(e);
            assertThat(d.state()).isEqualTo(WebhookDeliveryState.PENDING);
            assertThat(d.attempts()).isZero();
            assertThat(d.nextAttemptAt()).isEqualTo(clock.instant());
            assertThat(d.lastAttemptAt()).isNull();
            assertThat(d.lastError()).isNull();
            assertThat(d.leaseOwner()).isNull();
        }

        @Test
        @DisplayName("recording the same event id again stores nothing and leaves the first unchanged")
        void idempotent() {
            UUID tx = UUID.randomUUID();
            WebhookEvent first = event(tx, PaymentStatus.SUCCESS);
            assertThat(store.record(first)).isTrue();
            clock.advance(Duration.ofSeconds(5));
            assertThat(store.record(event(tx, PaymentStatus.SUCCESS))).isFalse();
            assertThat(store.find(first.eventId()).orElseThrow().event()).isEqualTo(first);
            assertThat(store.findByTransaction(tx)).hasSize(1);
        }

        @Test
        @DisplayName("threads racing to record one event: exactly one stores it")
        void recordRace() {
            UUID tx = UUID.randomUUID();
            List<Boolean> stored = Race.once(THREADS, i -> store.record(event(tx, PaymentStatus.SUCCESS)));
            assertThat(stored).filteredOn(b -> b).hasSize(1);
            assertThat(store.findByTransaction(tx)).hasSize(1);
        }

        @Test
        @DisplayName("a transaction's events are listed oldest first; unknown ids find nothing")
        void byTransaction() {
            UUID tx = UUID.randomUUID();
            WebhookEvent expired = event(tx, PaymentStatus.EXPIRED);
            store.record(expired);
            clock.advance(Duration.ofMinutes(1));
            WebhookEvent late = event(tx, PaymentStatus.SUCCESS);
            store.record(late);
            store.record(event(PaymentStatus.SUCCESS));
            assertThat(store.findByTransaction(tx))
                    .extracting(WebhookDelivery::eventId)
                    .containsExactly(expired.eventId(), late.eventId());
            assertThat(store.findByTransaction(UUID.randomUUID())).isEmpty();
            assertThat(store.find("nope:SUCCESS")).isEmpty();
        }
    }

    @Nested
    @DisplayName("Claims")
    class Claims {
        @Test
        @DisplayName(
                "a claim takes at most its limit, oldest first, leased to its owner; a second claimer gets the rest")
        void limitAndOrder() {
            List<WebhookEvent> es = recorded(5);
            List<WebhookDelivery> a = store.claimDue("node-a", 3, LEASE);
            assertThat(a)
                    .extracting(WebhookDelivery::eventId)
                    .containsExactly(
                            es.get(0).eventId(), es.get(1).eventId(), es.get(2).eventId());
            assertThat(a).allSatisfy(d -> {
                assertThat(d.leaseOwner()).isEqualTo("node-a");
                assertThat(d.leaseUntil()).isEqualTo(clock.instant().plus(LEASE));
            });
            assertThat(ids(store.claimDue("node-b", 3, LEASE)))
                    .containsExactlyInAnyOrder(es.get(3).eventId(), es.get(4).eventId());
            assertThat(store.claimDue("node-c", 3, LEASE)).isEmpty();
        }

        @Test
        @DisplayName("a dead node's lease runs out, then another node takes the delivery over, not before")
        void leaseExpires() {
            List<WebhookEvent> es = recorded(2);
            assertThat(store.claimDue("dead-node", 10, LEASE)).hasSize(2);
            clock.advance(LEASE.minusMillis(1));
            assertThat(store.claimDue("node-b", 10, LEASE)).isEmpty();
            clock.advance(Duration.ofMillis(1));
            assertThat(ids(store.claimDue("node-b", 10, LEASE)))
                    .containsExactlyInAnyOrder(es.get(0).eventId(), es.get(1).eventId());
            assertThat(store.retryLater(es.get(0).eventId(), "dead-node", clock.instant(), "late"))
                    .isFalse();
        }

        @Test
        @DisplayName("a delivery scheduled for later is not due before its time")
        void notDueBeforeNextAttempt() {
            WebhookEvent e = recorded(1).get(0);
            store.claimDue("node-a", 1, LEASE);
            assertThat(store.retryLater(e.eventId(), "node-a", clock.instant().plusSeconds(60), "HTTP 500"))
                    .isTrue();
            clock.advance(Duration.ofSeconds(59));
            assertThat(store.claimDue("node-a", 10, LEASE)).isEmpty();
            clock.advance(Duration.ofSeconds(1));
            WebhookDelivery again = store.claimDue("node-a", 10, LEASE).get(0);
            assertThat(again.attempts()).isEqualTo(1);
            assertThat(again.lastError()).isEqualTo("HTTP 500");
        }

        @Test
        @DisplayName("threads racing to claim: each due delivery is claimed by exactly one of them")
        void claimRace() {
            List<WebhookEvent> es = recorded(60);
            List<List<WebhookDelivery>> batches =
                    Race.run(THREADS, 4, i -> store.claimDue("node-" + (i % THREADS), 3, LEASE));
            List<String> taken = new ArrayList<>();
            batches.forEach(b -> b.forEach(d -> taken.add(d.eventId())));
            assertThat(taken).doesNotHaveDuplicates();
            List<WebhookDelivery> rest = store.claimDue("sweeper", 1000, LEASE);
            taken.addAll(rest.stream().map(WebhookDelivery::eventId).toList());
            assertThat(taken)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(
                            es.stream().map(WebhookEvent::eventId).toList());
        }
    }

    @Nested
    @DisplayName("Outcomes")
    class Outcomes {
        @Test
        @DisplayName("delivered: DELIVERED with the attempt counted, never claimed again, never delivered twice")
        void delivered() {
            WebhookEvent e = recorded(1).get(0);
            store.claimDue("node-a", 1, LEASE);
            clock.advance(Duration.ofSeconds(1));
            assertThat(store.markDelivered(e.eventId())).isTrue();
            assertThat(store.markDelivered(e.eventId())).isFalse();
            WebhookDelivery d = store.find(e.eventId()).orElseThrow();
            assertThat(d.state()).isEqualTo(WebhookDeliveryState.DELIVERED);
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastAttemptAt()).isEqualTo(clock.instant());
            assertThat(d.leaseOwner()).isNull();
            clock.advance(Duration.ofHours(1));
            assertThat(store.claimDue("node-b", 10, LEASE)).isEmpty();
        }

        @Test
        @DisplayName("a retry releases the lease and counts the attempt; only the lease holder may schedule it")
        void retryOnlyByHolder() {
            WebhookEvent e = recorded(1).get(0);
            store.claimDue("node-a", 1, LEASE);
            assertThat(store.retryLater(e.eventId(), "node-b", clock.instant(), "x"))
                    .isFalse();
            assertThat(store.giveUp(e.eventId(), "node-b", "x")).isFalse();
            assertThat(store.retryLater(e.eventId(), "node-a", clock.instant().plusSeconds(10), "timeout"))
                    .isTrue();
            WebhookDelivery d = store.find(e.eventId()).orElseThrow();
            assertThat(d.state()).isEqualTo(WebhookDeliveryState.PENDING);
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(10));
            assertThat(d.lastError()).isEqualTo("timeout");
            assertThat(d.leaseOwner()).isNull();
            assertThat(store.retryLater(e.eventId(), "node-a", clock.instant(), "again"))
                    .isFalse(); // lease released
        }

        @Test
        @DisplayName("giving up makes it DEAD with the error kept; a dead delivery is never claimed or delivered")
        void dead() {
            WebhookEvent e = recorded(1).get(0);
            store.claimDue("node-a", 1, LEASE);
            assertThat(store.giveUp(e.eventId(), "node-a", "HTTP 410")).isTrue();
            WebhookDelivery d = store.find(e.eventId()).orElseThrow();
            assertThat(d.state()).isEqualTo(WebhookDeliveryState.DEAD);
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastError()).isEqualTo("HTTP 410");
            clock.advance(Duration.ofDays(1));
            assertThat(store.claimDue("node-a", 10, LEASE)).isEmpty();
            assertThat(store.markDelivered(e.eventId())).isFalse();
        }

        @Test
        @DisplayName("unknown event ids change nothing")
        void unknown() {
            assertThat(store.markDelivered("nope:SUCCESS")).isFalse();
            assertThat(store.retryLater("nope:SUCCESS", "a", clock.instant(), "x"))
                    .isFalse();
            assertThat(store.giveUp("nope:SUCCESS", "a", "x")).isFalse();
            assertThat(store.redeliver("nope:SUCCESS")).isFalse();
        }
    }

    @Nested
    @DisplayName("Operators")
    class Operators {
        /** Records {@code n} events and gives each up, one second apart. */
        private List<WebhookEvent> dead(int n) {
            List<WebhookEvent> es = recorded(n);
            for (WebhookEvent e : es) {
                clock.advance(Duration.ofSeconds(1));
                assertThat(store.claimDue("node-a", 1, LEASE))
                        .extracting(WebhookDelivery::eventId)
                        .containsExactly(e.eventId());
                assertThat(store.giveUp(e.eventId(), "node-a", "HTTP 404 for " + e.eventId()))
                        .isTrue();
            }
            return es;
        }

        @Test
        @DisplayName("counts by state: pending (leased or not), delivered and dead each counted once")
        void counts() {
            List<WebhookEvent> es = recorded(5);
            store.claimDue("node-a", 3, LEASE);
            assertThat(store.markDelivered(es.get(0).eventId())).isTrue();
            assertThat(store.giveUp(es.get(1).eventId(), "node-a", "HTTP 500")).isTrue();
            assertThat(store.count(WebhookDeliveryState.PENDING)).isEqualTo(3);
            assertThat(store.count(WebhookDeliveryState.DELIVERED)).isEqualTo(1);
            assertThat(store.count(WebhookDeliveryState.DEAD)).isEqualTo(1);
        }

        @Test
        @DisplayName("dead deliveries are listed most recently given up first, up to the limit, with their errors")
        void listsDead() {
            List<WebhookEvent> es = dead(3);
            recorded(1); // pending: not listed
            assertThat(store.findDead(10))
                    .extracting(WebhookDelivery::eventId)
                    .containsExactly(
                            es.get(2).eventId(), es.get(1).eventId(), es.get(0).eventId());
            assertThat(store.findDead(2))
                    .extracting(WebhookDelivery::lastError)
                    .containsExactly(
                            "HTTP 404 for " + es.get(2).eventId(),
                            "HTTP 404 for " + es.get(1).eventId());
            assertThatThrownBy(() -> store.findDead(0)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName(
                "redelivering a dead one makes it PENDING and due now with its attempts reset; it is claimed and can be delivered")
        void redeliver() {
            WebhookEvent e = dead(1).get(0);
            clock.advance(Duration.ofHours(1));
            assertThat(store.redeliver(e.eventId())).isTrue();
            WebhookDelivery d = store.find(e.eventId()).orElseThrow();
            assertThat(d.state()).isEqualTo(WebhookDeliveryState.PENDING);
            assertThat(d.attempts()).isZero();
            assertThat(d.nextAttemptAt()).isEqualTo(clock.instant());
            assertThat(d.lastError()).startsWith("HTTP 404");
            assertThat(store.findDead(10)).isEmpty();
            assertThat(store.claimDue("node-b", 10, LEASE))
                    .extracting(WebhookDelivery::eventId)
                    .containsExactly(e.eventId());
            assertThat(store.markDelivered(e.eventId())).isTrue();
            assertThat(store.find(e.eventId()).orElseThrow().attempts()).isEqualTo(1);
        }

        @Test
        @DisplayName("only a DEAD delivery can be redelivered: pending or delivered ones are left as they are")
        void redeliverOnlyDead() {
            List<WebhookEvent> es = recorded(2);
            store.claimDue("node-a", 1, LEASE);
            assertThat(store.markDelivered(es.get(0).eventId())).isTrue();
            assertThat(store.redeliver(es.get(0).eventId())).isFalse();
            assertThat(store.redeliver(es.get(1).eventId())).isFalse();
            assertThat(store.find(es.get(0).eventId()).orElseThrow().state()).isEqualTo(WebhookDeliveryState.DELIVERED);
            assertThat(store.find(es.get(1).eventId()).orElseThrow().attempts()).isZero();
        }

        @Test
        @DisplayName("the console's listing: newest event first, by state or failed only, up to the limit")
        void listsByState() {
            List<WebhookEvent> es = recorded(5);
            store.claimDue("node-a", 3, LEASE);
            assertThat(store.markDelivered(es.get(0).eventId())).isTrue();
            assertThat(store.giveUp(es.get(1).eventId(), "node-a", "HTTP 500")).isTrue();
            assertThat(store.retryLater(
                            es.get(2).eventId(), "node-a", clock.instant().plusSeconds(60), "timeout"))
                    .isTrue();
            assertThat(store.list(WebhookDeliveryQuery.inState(null, 10)))
                    .extracting(WebhookDelivery::eventId)
                    .containsExactly(
                            es.get(4).eventId(),
                            es.get(3).eventId(),
                            es.get(2).eventId(),
                            es.get(1).eventId(),
                            es.get(0).eventId());
            assertThat(store.list(WebhookDeliveryQuery.inState(null, 2)))
                    .extracting(WebhookDelivery::eventId)
                    .containsExactly(es.get(4).eventId(), es.get(3).eventId());
            assertThat(store.list(WebhookDeliveryQuery.inState(WebhookDeliveryState.PENDING, 10)))
                    .extracting(WebhookDelivery::eventId)
                    .containsExactly(
                            es.get(4).eventId(), es.get(3).eventId(), es.get(2).eventId());
            assertThat(store.list(WebhookDeliveryQuery.inState(WebhookDeliveryState.DEAD, 10)))
                    .extracting(WebhookDelivery::lastError)
                    .containsExactly("HTTP 500");
            assertThat(store.list(WebhookDeliveryQuery.inState(WebhookDeliveryState.DELIVERED, 10)))
                    .extracting(WebhookDelivery::eventId)
                    .containsExactly(es.get(0).eventId());
            assertThat(store.list(WebhookDeliveryQuery.failed(10)))
                    .extracting(WebhookDelivery::eventId)
                    .containsExactly(es.get(2).eventId(), es.get(1).eventId());
            assertThat(store.list(new WebhookDeliveryQuery(WebhookDeliveryState.PENDING, true, 10)))
                    .extracting(WebhookDelivery::eventId)
                    .containsExactly(es.get(2).eventId());
            assertThatThrownBy(() -> WebhookDeliveryQuery.inState(null, 1001))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName(
                "retrying a failed pending one now makes it due at once, attempts and error kept; it is claimed next")
        void retryNow() {
            WebhookEvent e = recorded(1).get(0);
            store.claimDue("node-a", 1, LEASE);
            assertThat(store.retryLater(e.eventId(), "node-a", clock.instant().plus(Duration.ofHours(2)), "HTTP 503"))
                    .isTrue();
            clock.advance(Duration.ofMinutes(1));
            assertThat(store.claimDue("node-b", 10, LEASE)).isEmpty();
            assertThat(store.retryNow(e.eventId())).isTrue();
            WebhookDelivery d = store.find(e.eventId()).orElseThrow();
            assertThat(d.state()).isEqualTo(WebhookDeliveryState.PENDING);
            assertThat(d.nextAttemptAt()).isEqualTo(clock.instant());
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.lastError()).isEqualTo("HTTP 503");
            assertThat(store.claimDue("node-b", 10, LEASE))
                    .extracting(WebhookDelivery::eventId)
                    .containsExactly(e.eventId());
        }

        @Test
        @DisplayName("retrying now leaves alone what has not failed, is being sent, is final or unknown")
        void retryNowOnlyFailedPending() {
            List<WebhookEvent> es = recorded(3);
            assertThat(store.retryNow(es.get(0).eventId())).isFalse(); // never attempted
            store.claimDue("node-a", 2, LEASE);
            assertThat(store.retryNow(es.get(1).eventId())).isFalse(); // leased, not attempted
            assertThat(store.markDelivered(es.get(0).eventId())).isTrue();
            assertThat(store.retryNow(es.get(0).eventId())).isFalse(); // delivered
            assertThat(store.giveUp(es.get(1).eventId(), "node-a", "HTTP 410")).isTrue();
            assertThat(store.retryNow(es.get(1).eventId())).isFalse(); // dead: that is redeliver's job
            assertThat(store.retryNow("nope:SUCCESS")).isFalse();
            assertThat(store.find(es.get(1).eventId()).orElseThrow().state()).isEqualTo(WebhookDeliveryState.DEAD);
        }
    }
}
