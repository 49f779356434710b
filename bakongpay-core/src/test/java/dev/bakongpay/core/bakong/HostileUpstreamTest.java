package dev.bakongpay.core.bakong;

import static dev.bakongpay.core.bakong.OddNbcPayments.LIST;
import static dev.bakongpay.core.bakong.OddNbcPayments.MD5;
import static dev.bakongpay.core.bakong.OddNbcPayments.OK_PREFIX;
import static dev.bakongpay.core.bakong.OddNbcPayments.SINGLE;
import static dev.bakongpay.core.bakong.OddNbcPayments.odd;
import static dev.bakongpay.core.bakong.OddNbcPayments.payment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bakongpay.core.bakong.OddNbcPayments.Odd;
import dev.bakongpay.core.bakong.OddNbcPayments.Verdict;
import dev.bakongpay.core.payment.BakongPaymentNetwork;
import dev.bakongpay.core.payment.CreatePaymentRequest;
import dev.bakongpay.core.payment.Merchant;
import dev.bakongpay.core.payment.PaymentCheck;
import dev.bakongpay.core.payment.PaymentException;
import dev.bakongpay.core.payment.PaymentReconciler;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.memory.MemoryIdempotencyStore;
import dev.bakongpay.spi.memory.MemoryTransactionStore;
import dev.bakongpay.testsupport.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NBC as a hostile upstream: a JDK HttpServer stand-in answers odd payments, for the single
 * check and the md5-list call, through the real client, {@link BakongPaymentNetwork}, the
 * payment service and the reconciler. Every odd payment is FAILED with a reason (a payment that
 * does not match) or 502 upstream_unavailable (an unusable answer): never SUCCESS, never an
 * exception of another kind, and never at the cost of the other payments.
 */
@DisplayName("Hostile upstream: odd payments from NBC")
class HostileUpstreamTest {
    // the case table and its helpers: OddNbcPayments

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T00:00:00Z"));
    final MemoryTransactionStore store = new MemoryTransactionStore(clock);
    final Merchant shop = new Merchant("shop-1", Plan.PRO, PaymentMode.TEST);
    /** md5 → the {@code data} the stand-in answers for it; md5s not in here are not found. */
    final Map<String, String> paid = new ConcurrentHashMap<>();

    NbcStandIn nbc;
    BakongClient client;
    PaymentService service;

    @BeforeEach
    void start() throws Exception {
        nbc = new NbcStandIn();
        nbc.on(SINGLE, r -> {
            Matcher m = MD5.matcher(r.body());
            String data = m.find() ? paid.get(m.group()) : null;
            return new NbcStandIn.Reply(200, data == null ? NbcStandIn.NOT_FOUND : OK_PREFIX + data + "}");
        });
        nbc.on(LIST, r -> {
            StringBuilder items = new StringBuilder();
            Matcher m = MD5.matcher(r.body());
            while (m.find()) {
                String data = paid.get(m.group());
                items.append(items.length() == 0 ? "" : ",")
                        .append("{\"md5\":\"")
                        .append(m.group())
                        .append("\",")
                        .append(
                                data == null
                                        ? "\"status\":\"NOT_FOUND\",\"message\":\"not found\",\"data\":null}"
                                        : "\"status\":\"SUCCESS\",\"message\":\"ok\",\"data\":" + data + "}");
            }
            return new NbcStandIn.Reply(200, OK_PREFIX + "[" + items + "]}");
        });
        client = BakongClient.create(BakongClientConfig.builder(nbc.baseUrl(), "test-token-123456")
                .maxRetries(0)
                .retryBackoff(Duration.ZERO)
                .pendingCacheTtl(Duration.ZERO)
                .clock(clock)
                .build());
        service = PaymentService.builder()
                .transactions(store)
                .idempotency(new MemoryIdempotencyStore())
                .network(PaymentMode.TEST, new BakongPaymentNetwork(client, "Bakong test network"))
                .clock(clock)
                .build();
    }

    @AfterEach
    void stop() {
        nbc.close();
    }

    Transaction create() {
        clock.advance(Duration.ofMillis(10)); // a KHQR's md5 covers its creation time
        return service.create(
                        shop,
                        CreatePaymentRequest.of(new BigDecimal("9.99"), "USD", "FINN SHOP", "merchant@acleda"),
                        null)
                .transaction();
    }

    Transaction stored(Transaction t) {
        return store.findAnyById(t.id()).orElseThrow();
    }

    static void assertSafe(String message) {
        assertThat(message)
                .doesNotContain("://")
                .doesNotContain("127.0.0.1")
                .doesNotContain("Exception")
                .doesNotContain("java.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.bakongpay.core.bakong.OddNbcPayments#odd")
    @DisplayName(
            "check/md5: each odd payment is FAILED with its reason or 502 upstream_unavailable, never SUCCESS, at once")
    void single(Odd odd) {
        Transaction t = create();
        paid.put(t.md5(), odd.data());
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            switch (odd.verdict()) {
                case SUCCESS ->
                    assertThat(service.checkMd5(shop, t.md5()).status()).isEqualTo("SUCCESS");
                case FAILED -> {
                    PaymentCheck c = service.checkMd5(shop, t.md5());
                    assertThat(c.status()).isEqualTo("FAILED");
                    assertThat(PaymentCheck.failureCode(c.transaction())).isEqualTo(odd.code());
                    assertThat(c.transaction().statusReason())
                            .hasSizeLessThanOrEqualTo(512)
                            .contains(", expected ");
                }
                case UNUSABLE -> {
                    assertThatThrownBy(() -> service.checkMd5(shop, t.md5()))
                            .isInstanceOfSatisfying(PaymentException.NetworkUnavailable.class, e -> {
                                assertThat(e.code()).isEqualTo("upstream_unavailable");
                                assertSafe(e.getMessage());
                            });
                    assertThat(stored(t).status()).isEqualTo(PaymentStatus.PENDING);
                }
            }
        });
        if (odd.verdict() != Verdict.SUCCESS) assertThat(stored(t).status()).isNotEqualTo(PaymentStatus.SUCCESS);
    }

    /** Creates one transaction per odd payment, NBC answering that payment for it. */
    Map<Transaction, Odd> createAll(List<Odd> odds) {
        Map<Transaction, Odd> all = new LinkedHashMap<>();
        for (Odd odd : odds) {
            Transaction t = create();
            paid.put(t.md5(), odd.data());
            all.put(t, odd);
        }
        return all;
    }

    void assertSettled(Map<Transaction, Odd> all, Map<String, PaymentCheck> results) {
        all.forEach((t, odd) -> {
            PaymentCheck c = results == null ? new PaymentCheck(t.md5(), stored(t)) : results.get(t.md5());
            switch (odd.verdict()) {
                case SUCCESS -> assertThat(c.status()).as(odd.name()).isEqualTo("SUCCESS");
                case FAILED -> {
                    assertThat(c.status()).as(odd.name()).isEqualTo("FAILED");
                    assertThat(PaymentCheck.failureCode(c.transaction()))
                            .as(odd.name())
                            .isEqualTo(odd.code());
                }
                case UNUSABLE -> {
                    assertThat(c.status()).as(odd.name()).isEqualTo("PENDING");
                    if (results != null)
                        assertThat(c.upstreamError()).as(odd.name()).isEqualTo("upstream_unavailable");
                }
            }
            if (odd.verdict() != Verdict.UNUSABLE && results != null)
                assertThat(c.upstreamError()).as(odd.name()).isNull();
        });
    }

    @Test
    @DisplayName(
            "check/bulk: every odd payment in one list answer is judged on its own, good, final and unknown md5s alongside")
    void bulkPerItem() {
        Transaction settledBefore = create();
        paid.put(settledBefore.md5(), payment("9.99"));
        assertThat(service.checkMd5(shop, settledBefore.md5()).status()).isEqualTo("SUCCESS");
        List<Odd> odds = odd().filter(o -> !o.spoilsTheAnswer()).toList();
        for (int from = 0; from < odds.size(); from += 45) {
            Map<Transaction, Odd> all = createAll(odds.subList(from, Math.min(odds.size(), from + 45)));
            List<String> md5s =
                    new ArrayList<>(all.keySet().stream().map(Transaction::md5).toList());
            md5s.add(settledBefore.md5());
            md5s.add("f".repeat(32));
            int listCalls = nbc.count(LIST);
            Map<String, PaymentCheck> results =
                    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> service.checkBulk(shop, md5s));
            assertThat(nbc.count(LIST) - listCalls).isEqualTo(1);
            assertThat(results).hasSize(md5s.size());
            assertSettled(all, results);
            assertThat(results.get(settledBefore.md5()).status()).isEqualTo("SUCCESS");
            assertThat(results.get("f".repeat(32)).status()).isEqualTo(PaymentCheck.NOT_FOUND);
        }
    }

    @Test
    @DisplayName(
            "check/bulk: a payment that spoils the whole list answer costs only its own md5 (asked again one by one)")
    void bulkSpoiledAnswer() {
        List<Odd> odds = new ArrayList<>(odd().filter(Odd::spoilsTheAnswer).toList());
        odds.add(odd().filter(o -> o.verdict() == Verdict.SUCCESS).findFirst().orElseThrow());
        odds.add(odd().filter(o -> o.verdict() == Verdict.FAILED).findFirst().orElseThrow());
        Map<Transaction, Odd> all = createAll(odds);
        Map<String, PaymentCheck> results = assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> service.checkBulk(
                        shop, all.keySet().stream().map(Transaction::md5).toList()));
        assertSettled(all, results);
        assertThat(nbc.count(SINGLE)).isEqualTo(all.size());
    }

    @Test
    @DisplayName(
            "check/bulk while NBC fails: final and unknown md5s from the store, pending ones as stored with upstreamError; "
                    + "only a list of pending md5s alone is a 502")
    void bulkWhileNbcFails() {
        Transaction done = create();
        paid.put(done.md5(), payment("9.99"));
        service.checkMd5(shop, done.md5());
        Transaction waiting = create();
        nbc.answer(LIST, 503, "<html>down</html>");
        Map<String, PaymentCheck> results = service.checkBulk(shop, List.of(done.md5(), waiting.md5(), "e".repeat(32)));
        assertThat(results.get(done.md5()).status()).isEqualTo("SUCCESS");
        assertThat(results.get(done.md5()).upstreamError()).isNull();
        assertThat(results.get(waiting.md5()).status()).isEqualTo("PENDING");
        assertThat(results.get(waiting.md5()).upstreamError()).isEqualTo("upstream_unavailable");
        assertThat(results.get("e".repeat(32)).status()).isEqualTo(PaymentCheck.NOT_FOUND);
        assertThatThrownBy(() -> service.checkBulk(shop, List.of(waiting.md5())))
                .isInstanceOfSatisfying(PaymentException.NetworkUnavailable.class, e -> {
                    assertThat(e.code()).isEqualTo("upstream_unavailable");
                    assertThat(e.getMessage()).isEqualTo("Bakong test network answered HTTP 503");
                });
    }

    @Test
    @DisplayName("reconciliation: the bad payments are skipped, the good ones settle, and NBC is not treated as down")
    void reconciliation() {
        List<Odd> odds = new ArrayList<>();
        odd().filter(o -> o.verdict() == Verdict.SUCCESS).limit(2).forEach(odds::add);
        odd().filter(o -> o.name().equals("amount 1e100000")
                        || o.name().equals("amount \"9.99\"")
                        || o.name().equals("amount 1e30")
                        || o.name().equals("no hash"))
                .forEach(odds::add);
        Map<Transaction, Odd> all = createAll(odds);
        PaymentReconciler reconciler =
                new PaymentReconciler(store, service, PaymentReconciler.claim("n1", Duration.ofSeconds(60)));
        int changed = assertTimeoutPreemptively(Duration.ofSeconds(10), reconciler::tick);
        assertThat(changed).isEqualTo(3); // two SUCCESS, one FAILED (1e30)
        assertSettled(all, null);
        assertThat(reconciler.consecutiveFailures()).isZero();
        assertThat(reconciler.nextDelay(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(client.circuitState()).isEqualTo(BakongClient.CircuitState.CLOSED);
        assertThat(nbc.count(LIST)).isEqualTo(1);
    }

    @Test
    @DisplayName("reconciliation: a payment that spoils the list answer costs its own md5 only, and no backoff")
    void reconciliationSpoiledAnswer() {
        List<Odd> odds = new ArrayList<>(odd().filter(Odd::spoilsTheAnswer).toList());
        odd().filter(o -> o.verdict() == Verdict.SUCCESS).limit(2).forEach(odds::add);
        Map<Transaction, Odd> all = createAll(odds);
        PaymentReconciler reconciler =
                new PaymentReconciler(store, service, PaymentReconciler.claim("n1", Duration.ofSeconds(60)));
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), reconciler::tick))
                .isEqualTo(2);
        assertSettled(all, null);
        assertThat(reconciler.consecutiveFailures()).isZero();
        assertThat(client.circuitState()).isEqualTo(BakongClient.CircuitState.CLOSED);
    }

    @Test
    @DisplayName(
            "reconciliation: when nothing NBC answers can be read, that is a failing network (backoff), not bad payments")
    void reconciliationNothingReadable() {
        createAll(odd().filter(o -> o.verdict() == Verdict.SUCCESS).limit(2).toList());
        nbc.answer(LIST, 200, "<html>maintenance</html>");
        nbc.answer(SINGLE, 200, "<html>maintenance</html>");
        PaymentReconciler reconciler =
                new PaymentReconciler(store, service, PaymentReconciler.claim("n1", Duration.ofSeconds(60)));
        assertThat(reconciler.tick()).isZero();
        assertThat(reconciler.consecutiveFailures()).isEqualTo(1);
        assertThat(reconciler.nextDelay(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    @DisplayName("502 and 504 messages name the network and what happened, never its address or an exception class")
    void safeMessages() {
        Transaction t = create();
        nbc.answer(SINGLE, 503, "<html>down</html>");
        assertThatThrownBy(() -> service.checkMd5(shop, t.md5()))
                .isInstanceOfSatisfying(
                        PaymentException.NetworkUnavailable.class,
                        e -> assertThat(e.getMessage()).isEqualTo("Bakong test network answered HTTP 503"));
        nbc.answer(SINGLE, 200, "<html>not json</html>");
        assertThatThrownBy(() -> service.checkMd5(shop, t.md5()))
                .isInstanceOfSatisfying(
                        PaymentException.NetworkUnavailable.class,
                        e -> assertThat(e.getMessage()).isEqualTo("Bakong test network did not give a usable answer"));

        int port = nbc.port();
        nbc.close();
        BakongClient offline =
                BakongClient.create(BakongClientConfig.builder("http://127.0.0.1:" + port, "test-token-123456")
                        .maxRetries(0)
                        .clock(clock)
                        .build());
        PaymentService down = PaymentService.builder()
                .transactions(store)
                .idempotency(new MemoryIdempotencyStore())
                .network(PaymentMode.TEST, new BakongPaymentNetwork(offline, "Bakong test network"))
                .clock(clock)
                .build();
        assertThatThrownBy(() -> down.checkMd5(shop, t.md5()))
                .isInstanceOfSatisfying(PaymentException.NetworkUnavailable.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Bakong test network could not be reached");
                    assertSafe(e.getMessage());
                    assertThat(e.getCause().getMessage())
                            .contains("127.0.0.1:" + port); // the address goes to the log, with the cause
                });
    }

    @Test
    @DisplayName("a timeout is 504 upstream_timeout with a plain message")
    void timeoutMessage() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean holding = new java.util.concurrent.atomic.AtomicBoolean();
        try (NbcStandIn slow = new NbcStandIn()) {
            slow.on(SINGLE, r -> {
                if (holding.get()) NbcStandIn.hold(slow.release);
                return new NbcStandIn.Reply(200, NbcStandIn.NOT_FOUND);
            });
            BakongClient held = BakongClient.create(BakongClientConfig.builder(slow.baseUrl(), "test-token-123456")
                    .maxRetries(0)
                    .pendingCacheTtl(Duration.ZERO)
                    .requestTimeout(Duration.ofSeconds(3))
                    .clock(clock)
                    .build());
            PaymentService s = PaymentService.builder()
                    .transactions(store)
                    .idempotency(new MemoryIdempotencyStore())
                    .network(PaymentMode.TEST, new BakongPaymentNetwork(held, "Bakong test network"))
                    .clock(clock)
                    .build();
            Transaction t = create();
            assertThat(s.checkMd5(shop, t.md5()).status())
                    .isEqualTo("PENDING"); // connected: the timeout below is NBC's silence
            holding.set(true);
            clock.advance(Duration.ofSeconds(10)); // past the service's own pending cache
            assertThatThrownBy(() -> s.checkMd5(shop, t.md5()))
                    .isInstanceOfSatisfying(PaymentException.NetworkTimeout.class, e -> {
                        assertThat(e.code()).isEqualTo("upstream_timeout");
                        assertThat(e.getMessage()).isEqualTo("Bakong test network did not answer in time");
                    });
        }
    }
}
