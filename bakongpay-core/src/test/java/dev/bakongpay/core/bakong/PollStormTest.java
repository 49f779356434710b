package dev.bakongpay.core.bakong;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.core.payment.BakongPaymentNetwork;
import dev.bakongpay.core.payment.CreatePaymentRequest;
import dev.bakongpay.core.payment.Merchant;
import dev.bakongpay.core.payment.PaymentCheck;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.spi.PaymentEvent;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.memory.MemoryIdempotencyStore;
import dev.bakongpay.spi.memory.MemoryTransactionStore;
import dev.bakongpay.testsupport.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a poll storm costs NBC, through the whole stack a shop runs (payment service, Bakong
 * network, client): the client's single-flight cache is the one layer that absorbs it.
 */
@DisplayName("A poll storm on one KHQR")
class PollStormTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T00:00:00Z"));
    final Merchant shop = new Merchant("shop-1", Plan.PRO, PaymentMode.TEST);
    final Map<String, String> paid = new ConcurrentHashMap<>();
    final List<PaymentEvent> events = new CopyOnWriteArrayList<>();
    NbcStandIn nbc;
    PaymentService service;

    @BeforeEach
    void start() throws Exception {
        nbc = new NbcStandIn();
        nbc.on(OddNbcPayments.SINGLE, r -> {
            Matcher m = OddNbcPayments.MD5.matcher(r.body());
            String data = m.find() ? paid.get(m.group()) : null;
            return new NbcStandIn.Reply(
                    200, data == null ? NbcStandIn.NOT_FOUND : OddNbcPayments.OK_PREFIX + data + "}");
        });
        BakongClient client = BakongClient.create(BakongClientConfig.builder(nbc.baseUrl(), "test-token-123456")
                .maxRetries(0)
                .retryBackoff(Duration.ZERO)
                .pendingCacheTtl(Duration.ofSeconds(2))
                .clock(clock)
                .build());
        service = PaymentService.builder()
                .transactions(new MemoryTransactionStore(clock))
                .idempotency(new MemoryIdempotencyStore())
                .network(PaymentMode.TEST, new BakongPaymentNetwork(client, "Bakong test network"))
                .listener(events::add)
                .clock(clock)
                .build();
    }

    @AfterEach
    void stop() {
        nbc.close();
    }

    Transaction create() {
        return service.create(
                        shop,
                        CreatePaymentRequest.of(new BigDecimal("9.99"), "USD", "FINN SHOP", "merchant@acleda"),
                        null)
                .transaction();
    }

    List<PaymentCheck> storm(String md5, int callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<PaymentCheck>> all = new ArrayList<>();
            for (int i = 0; i < callers; i++)
                all.add(pool.submit(() -> {
                    go.await();
                    return service.checkMd5(shop, md5);
                }));
            go.countDown();
            List<PaymentCheck> checks = new ArrayList<>();
            for (Future<PaymentCheck> f : all) checks.add(f.get());
            return checks;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    @DisplayName("50 concurrent checks of a paid md5 make one upstream call and one event")
    void paid() throws Exception {
        Transaction t = create();
        paid.put(t.md5(), OddNbcPayments.payment("9.99"));
        assertThat(storm(t.md5(), 50)).allSatisfy(c -> assertThat(c.status()).isEqualTo("SUCCESS"));
        assertThat(nbc.count(OddNbcPayments.SINGLE)).isEqualTo(1);
        assertThat(events).hasSize(1);
    }

    @Test
    @DisplayName("an unpaid md5 polled by 50 callers costs one upstream call per pending TTL, on the injected clock")
    void pending() throws Exception {
        Transaction t = create();
        assertThat(storm(t.md5(), 50)).allSatisfy(c -> assertThat(c.status()).isEqualTo("PENDING"));
        assertThat(nbc.count(OddNbcPayments.SINGLE)).isEqualTo(1);
        clock.advance(Duration.ofMillis(1_999));
        storm(t.md5(), 50);
        assertThat(nbc.count(OddNbcPayments.SINGLE)).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        storm(t.md5(), 50);
        assertThat(nbc.count(OddNbcPayments.SINGLE)).isEqualTo(2);
        assertThat(events).isEmpty();
    }
}
