package dev.bakongpay.adapters.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bakongpay.adapters.jdbc.JdbcStorage;
import dev.bakongpay.spi.PaymentEvent;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.TransactionStore;
import dev.bakongpay.spi.WebhookDelivery;
import dev.bakongpay.spi.WebhookDeliveryState;
import dev.bakongpay.spi.WebhookDeliveryStore;
import dev.bakongpay.spi.memory.MemoryTransactionStore;
import dev.bakongpay.spi.memory.MemoryWebhookDeliveryStore;
import dev.bakongpay.spi.testkit.Fixtures;
import dev.bakongpay.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Webhook dispatcher")
class WebhookDispatcherTest {
    private static final String SECRET = "whsec_dispatcher_test";
    private static final Duration BASE = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock();
    private final ObjectMapper json = new ObjectMapper();
    private Receiver receiver;
    private WebhookDeliveryStore store;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
        store = new MemoryWebhookDeliveryStore(clock);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private WebhookDispatcher.Builder dispatcher(WebhookDeliveryStore s) {
        return WebhookDispatcher.builder(s, receiver.url(), SECRET)
                .clock(clock)
                .jitter(0)
                .backoff(BASE, Duration.ofHours(1))
                .requestTimeout(Duration.ofSeconds(2));
    }

    /** A transaction paid now, and the event its winner's listener hears. */
    private PaymentEvent paid() {
        Transaction pending = Fixtures.pending(Fixtures.merchant(), clock);
        StatusTransition won = StatusTransition.paid(
                pending.id(), PaymentStatus.PENDING, Fixtures.payment(clock), false, clock.instant());
        return PaymentEvent.of(pending.apply(won), won);
    }

    private String recordPaid() {
        PaymentEvent e = paid();
        new WebhookEventListener(store).onStatusChange(e);
        return e.transaction().id() + ":SUCCESS";
    }

    @Test
    @DisplayName("the listener only records: nothing is sent until the dispatcher runs")
    void listenerNeverSends() {
        String id = recordPaid();
        assertThat(receiver.hits()).isEmpty();
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(WebhookDeliveryState.PENDING);
    }

    @Test
    @DisplayName("a delivery POSTs the recorded JSON with its event id and a signature the shop's check accepts")
    void deliversSigned() throws Exception {
        String id = recordPaid();
        assertThat(dispatcher(store).build().dispatchOnce()).isEqualTo(new WebhookDispatcher.Round(1, 1, 0, 0));

        Receiver.Hit hit = receiver.hits().get(0);
        assertThat(hit.eventId()).isEqualTo(id);
        assertThat(hit.contentType()).isEqualTo("application/json");
        assertThat(hit.signature()).matches("t=" + clock.instant().getEpochSecond() + ",v1=[0-9a-f]{64}");
        assertThat(WebhookSignature.verify(SECRET, hit.signature(), hit.body(), clock.instant()))
                .isTrue();
        assertThat(WebhookSignature.verify("whsec_wrong", hit.signature(), hit.body(), clock.instant()))
                .isFalse();
        JsonNode body = json.readTree(hit.body());
        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("type").asText()).isEqualTo("payment.succeeded");
        assertThat(body.at("/data/status").asText()).isEqualTo("SUCCESS");

        WebhookDelivery d = store.find(id).orElseThrow();
        assertThat(d.state()).isEqualTo(WebhookDeliveryState.DELIVERED);
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(dispatcher(store).build().dispatchOnce().claimed()).isZero();
        assertThat(receiver.hits()).hasSize(1);
    }

    @Test
    @DisplayName("after two 500s it retries at 30 s, then 60 s, never earlier, and the third attempt delivers")
    void retriesWithBackoff() {
        receiver.thenAnswer(500, 503);
        String id = recordPaid();
        WebhookDispatcher d = dispatcher(store).build();
        assertThat(d.dispatchOnce()).isEqualTo(new WebhookDispatcher.Round(1, 0, 1, 0));
        assertThat(store.find(id).orElseThrow().nextAttemptAt())
                .isEqualTo(clock.instant().plus(BASE));
        assertThat(store.find(id).orElseThrow().lastError()).isEqualTo("HTTP 500");
        clock.advance(BASE.minusSeconds(1));
        assertThat(d.dispatchOnce().claimed()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(d.dispatchOnce()).isEqualTo(new WebhookDispatcher.Round(1, 0, 1, 0));
        assertThat(store.find(id).orElseThrow().nextAttemptAt())
                .isEqualTo(clock.instant().plus(BASE.multipliedBy(2)));
        clock.advance(BASE.multipliedBy(2));
        assertThat(d.dispatchOnce()).isEqualTo(new WebhookDispatcher.Round(1, 1, 0, 0));
        assertThat(receiver.hits())
                .hasSize(3)
                .allSatisfy(h -> assertThat(h.eventId()).isEqualTo(id));
        assertThat(store.find(id).orElseThrow().attempts()).isEqualTo(3);
        assertThat(store.find(id).orElseThrow().state()).isEqualTo(WebhookDeliveryState.DELIVERED);
    }

    @Test
    @DisplayName("after the configured number of failed attempts it gives up: DEAD, and never sent again")
    void givesUp() {
        receiver.always(500);
        String id = recordPaid();
        WebhookDispatcher d = dispatcher(store).maxAttempts(3).build();
        for (int i = 0; i < 5; i++) {
            d.dispatchOnce();
            clock.advance(Duration.ofHours(2));
        }
        assertThat(receiver.hits()).hasSize(3);
        WebhookDelivery dead = store.find(id).orElseThrow();
        assertThat(dead.state()).isEqualTo(WebhookDeliveryState.DEAD);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.lastError()).isEqualTo("HTTP 500");
    }

    @Test
    @DisplayName("a shop that does not answer within the timeout is retried later, like a 500")
    void timeout() {
        receiver.delay(1_500);
        String id = recordPaid();
        WebhookDispatcher d =
                dispatcher(store).requestTimeout(Duration.ofMillis(300)).build();
        assertThat(d.dispatchOnce()).isEqualTo(new WebhookDispatcher.Round(1, 0, 1, 0));
        assertThat(store.find(id).orElseThrow().lastError()).startsWith("timeout");
    }

    @Test
    @DisplayName("backoff doubles from the base up to the cap, spread by the jitter")
    void backoffSchedule() {
        WebhookDispatcher none = dispatcher(store)
                .backoff(Duration.ofSeconds(30), Duration.ofMinutes(10))
                .build();
        List<Long> seconds = new ArrayList<>();
        for (int n = 1; n <= 7; n++) seconds.add(none.backoff(n).toSeconds());
        assertThat(seconds).containsExactly(30L, 60L, 120L, 240L, 480L, 600L, 600L);
        assertThat(none.backoff(1000).toSeconds()).isEqualTo(600L);
        WebhookDispatcher low = dispatcher(store).jitter(0.2).random(() -> 0.0).build();
        WebhookDispatcher high =
                dispatcher(store).jitter(0.2).random(() -> 0.999999).build();
        assertThat(low.backoff(1)).isEqualTo(Duration.ofSeconds(24));
        assertThat(high.backoff(1).toMillis()).isBetween(35_990L, 36_000L);
    }

    @Nested
    @DisplayName("Restarts and several nodes (H2 file)")
    class Durable {
        @TempDir
        Path dir;

        private com.zaxxer.hikari.HikariDataSource pool;

        private Storage open(Clock c) {
            if (pool == null) {
                com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
                config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("bakongpay").toAbsolutePath());
                config.setMaximumPoolSize(8);
                pool = new com.zaxxer.hikari.HikariDataSource(config);
            }
            return JdbcStorage.builder(pool).clock(c).build();
        }

        @AfterEach
        void closePool() {
            if (pool != null) pool.close();
        }

        @Test
        @DisplayName("a new dispatcher over the same store neither repeats a delivered event nor drops a pending one")
        void restart() {
            store = open(clock).webhooks();
            String first = recordPaid();
            WebhookDispatcher before = dispatcher(store).build();
            assertThat(before.dispatchOnce().delivered()).isEqualTo(1);
            String second = recordPaid();
            String third = recordPaid();
            // the node dies while sending the third: its lease must run out before anyone retries it
            store.claimDue(before.owner(), 1, Duration.ofSeconds(30));
            before.close();

            WebhookDeliveryStore reopened = open(clock).webhooks();
            WebhookDispatcher after = dispatcher(reopened).build();
            assertThat(after.dispatchOnce().delivered()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(30));
            assertThat(after.dispatchOnce().delivered()).isEqualTo(1);
            assertThat(after.dispatchOnce().claimed()).isZero();
            assertThat(receiver.countsByEventId())
                    .containsOnlyKeys(first, second, third)
                    .allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        }

        @Test
        @DisplayName("two dispatchers polling one store deliver each event exactly once")
        void twoNodes() {
            Clock real = Clock.systemUTC();
            Storage storage = open(real);
            WebhookEventListener listener = new WebhookEventListener(storage.webhooks());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                PaymentEvent e = paid();
                listener.onStatusChange(e);
                listener.onStatusChange(e); // a retry, or the other node: still one delivery
                ids.add(e.transaction().id() + ":SUCCESS");
            }
            try (WebhookDispatcher a = node(storage, real, "node-a");
                    WebhookDispatcher b = node(open(real), real, "node-b")) {
                a.start();
                b.start();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> receiver.hits().size() >= ids.size()
                                && ids.stream()
                                        .allMatch(id -> storage.webhooks()
                                                        .find(id)
                                                        .orElseThrow()
                                                        .state()
                                                == WebhookDeliveryState.DELIVERED));
            }
            assertThat(receiver.countsByEventId())
                    .containsOnlyKeys(ids)
                    .allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
            assertThat(ids)
                    .allSatisfy(id -> assertThat(
                                    storage.webhooks().find(id).orElseThrow().state())
                            .isEqualTo(WebhookDeliveryState.DELIVERED));
        }

        private WebhookDispatcher node(Storage s, Clock c, String owner) {
            return WebhookDispatcher.builder(s.webhooks(), receiver.url(), SECRET)
                    .clock(c)
                    .owner(owner)
                    .batchSize(3)
                    .pollInterval(Duration.ofMillis(20))
                    .build();
        }
    }

    @Nested
    @DisplayName("Sweep")
    class Sweep {
        private final TransactionStore transactions = new MemoryTransactionStore(clock);

        private Transaction paidInStore() {
            Transaction t = Fixtures.pending(Fixtures.merchant(), clock);
            transactions.insert(t);
            return transactions
                    .transition(StatusTransition.paid(
                            t.id(), PaymentStatus.PENDING, Fixtures.payment(clock), false, clock.instant()))
                    .orElseThrow();
        }

        private WebhookDispatcher sweeping() {
            return dispatcher(store)
                    .transactions(transactions)
                    .sweepLookback(Duration.ofHours(1))
                    .sweepGrace(Duration.ofSeconds(30))
                    .build();
        }

        @Test
        @DisplayName(
                "a status change whose node died before recording it is recorded by the sweep, once, with the listener's body")
        void recoversMissingEvent() {
            Transaction lost = paidInStore(); // its node died: no listener ran
            Transaction heard = paidInStore();
            String heardBody = WebhookEvents.of(heard, PaymentStatus.PENDING, heard.updatedAt())
                    .payload();
            new WebhookEventListener(store)
                    .onStatusChange(new PaymentEvent(heard, PaymentStatus.PENDING, heard.status(), heard.updatedAt()));
            WebhookDispatcher d = sweeping();
            assertThat(d.sweepOnce())
                    .as("younger than the grace period: left to the listener")
                    .isZero();
            clock.advance(Duration.ofSeconds(31));
            assertThat(d.sweepOnce()).isEqualTo(1);
            assertThat(d.sweepOnce()).isZero();
            assertThat(store.find(lost.id() + ":SUCCESS").orElseThrow().event().payload())
                    .isEqualTo(WebhookEvents.of(lost, PaymentStatus.PENDING, lost.updatedAt())
                            .payload());
            assertThat(store.find(heard.id() + ":SUCCESS").orElseThrow().event().payload())
                    .isEqualTo(heardBody);
            assertThat(d.dispatchOnce().delivered()).isEqualTo(2);
        }

        @Test
        @DisplayName("a restarted node's first sweep looks back over the lookback window, not further")
        void lookback() {
            Transaction old = paidInStore();
            clock.advance(Duration.ofHours(2));
            Transaction recent = paidInStore();
            clock.advance(Duration.ofMinutes(1));
            assertThat(sweeping().sweepOnce()).isEqualTo(1);
            assertThat(store.findByTransaction(recent.id())).hasSize(1);
            assertThat(store.findByTransaction(old.id())).isEmpty();
        }
    }
}
