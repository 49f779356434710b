package dev.bakongpay.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.core.khqr.KhqrData;
import dev.bakongpay.spi.PaymentEvent;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.UpstreamPayment;
import dev.bakongpay.spi.memory.MemoryIdempotencyStore;
import dev.bakongpay.spi.memory.MemoryTransactionStore;
import dev.bakongpay.testsupport.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("PaymentService")
class PaymentServiceTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-02T13:45:00Z"));
    final MemoryTransactionStore store = new MemoryTransactionStore(clock);
    final FakeNetwork network = new FakeNetwork();
    final List<PaymentEvent> events = new CopyOnWriteArrayList<>();
    final PaymentService service = PaymentService.builder()
            .transactions(store)
            .idempotency(new MemoryIdempotencyStore())
            .network(PaymentMode.TEST, network)
            .listener(events::add)
            .clock(clock)
            .build();
    final Merchant shop = new Merchant("shop-1", Plan.PRO, PaymentMode.TEST);
    final Merchant other = new Merchant("shop-2", Plan.PRO, PaymentMode.TEST);

    CreatePaymentRequest usd(String amount) {
        return CreatePaymentRequest.of(new BigDecimal(amount), "USD", "FINN SHOP", "merchant@acleda");
    }

    UpstreamPayment payment(String amount, String currency, String to) {
        return new UpstreamPayment(
                "ab".repeat(32), "sender@bank", to, new BigDecimal(amount), currency, clock.instant(), null, null);
    }

    @Nested
    @DisplayName("create")
    class Create {
        @Test
        @DisplayName("stores a PENDING dynamic KHQR that expires 900 s after creation by default")
        void defaults() {
            CreatedPayment p = service.create(shop, usd("25.00").withDescription("Order #1234"), null);
            Transaction t = p.transaction();
            assertThat(t.status()).isEqualTo(PaymentStatus.PENDING);
            assertThat(t.expiresAt()).isEqualTo(clock.instant().plusSeconds(900));
            assertThat(p.md5()).isEqualTo(Khqr.md5(p.qrString()));
            assertThat(Khqr.verify(p.qrString(), clock).valid()).isTrue();
            KhqrData d = Khqr.decode(p.qrString());
            assertThat(d.transactionAmount()).isEqualTo("25"); // the SDK writes JS numbers
            assertThat(d.billNumber()).isEqualTo("Order #1234");
            assertThat(d.expirationTimestamp())
                    .isEqualTo(String.valueOf(t.expiresAt().toEpochMilli()));
            assertThat(p.checkoutUrl().toString()).isEqualTo("http://localhost:8080/pay/" + t.id());
            assertThat(p.deepLink()).isEqualTo("http://localhost:8080/pay/" + t.id() + "/app");
            assertThat(store.findById("shop-1", t.id())).contains(t);
        }

        @Test
        @DisplayName("reports every invalid field at once")
        void allErrors() {
            var r = new CreatePaymentRequest(
                    new BigDecimal("1.234"),
                    "EUR",
                    "x".repeat(26),
                    "no-at-sign",
                    "d".repeat(101),
                    10L,
                    null,
                    "m1",
                    null,
                    null,
                    null,
                    null,
                    "+1 555 0100",
                    "ftp://x");
            assertThatThrownBy(() -> service.create(shop, r, null))
                    .isInstanceOfSatisfying(
                            PaymentException.Invalid.class,
                            e -> assertThat(e.details())
                                    .extracting(FieldError::field)
                                    .containsExactlyInAnyOrder(
                                            "currency",
                                            "merchantName",
                                            "bakongId",
                                            "description",
                                            "expiresInSeconds",
                                            "acquiringBank",
                                            "mobileNumber",
                                            "returnUrl"));
        }

        @Test
        @DisplayName("refuses fractional riel and USD with three decimals")
        void amounts() {
            assertThatThrownBy(() -> service.create(
                            shop, CreatePaymentRequest.of(new BigDecimal("100.5"), "KHR", "A", "a@b"), null))
                    .hasMessageContaining("whole riel");
            assertThatThrownBy(() -> service.create(shop, usd("1.001"), null)).hasMessageContaining("2 decimals");
            assertThatThrownBy(() -> service.create(shop, usd("0"), null)).hasMessageContaining("greater than 0");
        }

        @Test
        @DisplayName("normalises a Cambodian mobile number and keeps a long description out of the bill number")
        void normalises() {
            var r = usd("5").withDescription("x".repeat(40))
                    .withShopDetails("Siem Reap", "Store 1", "T1", "ហាង", "+855 12-345-678", null);
            Transaction t = service.create(shop, r, null).transaction();
            KhqrData d = Khqr.decode(t.qrString());
            assertThat(d.mobileNumber()).isEqualTo("012345678");
            assertThat(d.billNumber()).isNull();
            assertThat(d.merchantCity()).isEqualTo("Siem Reap");
            assertThat(d.merchantNameAlternateLanguage()).isEqualTo("ហាង");
            assertThat(t.description()).hasSize(40);
            assertThat(t.attributes())
                    .containsEntry("mobileNumber", "012345678")
                    .containsEntry("storeLabel", "Store 1");
        }

        @Test
        @DisplayName(
                "an md5 collision in the store is retried with a KHQR created 1 to 999 ms later, which has a new md5")
        void collision() {
            java.util.concurrent.atomic.AtomicInteger inserts = new java.util.concurrent.atomic.AtomicInteger();
            dev.bakongpay.spi.TransactionStore colliding =
                    (dev.bakongpay.spi.TransactionStore) java.lang.reflect.Proxy.newProxyInstance(
                            getClass().getClassLoader(),
                            new Class<?>[] {dev.bakongpay.spi.TransactionStore.class},
                            (proxy, m, args) -> m.getName().equals("insert") && inserts.incrementAndGet() == 1
                                    ? dev.bakongpay.spi.InsertOutcome.DUPLICATE_MD5
                                    : m.invoke(store, args));
            PaymentService s = PaymentService.builder()
                    .transactions(colliding)
                    .idempotency(new MemoryIdempotencyStore())
                    .clock(clock)
                    .build();
            Transaction t = s.create(shop, usd("1"), null).transaction();
            assertThat(inserts).hasValue(2);
            assertThat(Long.parseLong(Khqr.decode(t.qrString()).creationTimestamp()) - clock.millis())
                    .isBetween(1L, 999L);
            assertThat(t.md5()).isEqualTo(Khqr.md5(t.qrString()));
        }

        @Test
        @DisplayName("answers the first payment again for the same Idempotency-Key and body")
        void idempotent() {
            CreatedPayment first = service.create(shop, usd("25"), "key-1");
            CreatedPayment again = service.create(shop, usd("25"), "key-1");
            assertThat(again.transaction().id()).isEqualTo(first.transaction().id());
            assertThat(again.replayed()).isTrue();
            assertThat(store.size()).isEqualTo(1);
        }

        @Test
        @DisplayName("refuses the same Idempotency-Key with another body")
        void keyReused() {
            service.create(shop, usd("25"), "key-1");
            assertThatThrownBy(() -> service.create(shop, usd("26"), "key-1"))
                    .isInstanceOfSatisfying(
                            PaymentException.class, e -> assertThat(e.code()).isEqualTo("idempotency_key_reused"));
        }
    }

    @Nested
    @DisplayName("checkMd5")
    class CheckMd5 {
        @Test
        @DisplayName("a paid KHQR becomes SUCCESS once, with one event, and is never asked about again")
        void paid() {
            Transaction t = service.create(shop, usd("25.00"), null).transaction();
            network.answers.put(t.md5(), NetworkAnswer.paid(payment("25.00", "USD", "merchant@acleda")));
            PaymentCheck c = service.checkMd5(shop, t.md5().toUpperCase());
            assertThat(c.status()).isEqualTo("SUCCESS");
            assertThat(c.transaction().payment().fromAccountId()).isEqualTo("sender@bank");
            service.checkMd5(shop, t.md5());
            assertThat(network.singleCalls).hasValue(1);
            assertThat(events)
                    .singleElement()
                    .satisfies(e -> assertThat(e.current()).isEqualTo(PaymentStatus.SUCCESS));
        }

        @Test
        @DisplayName("a payment of another amount is FAILED with the reason, never SUCCESS")
        void mismatch() {
            Transaction t = service.create(shop, usd("25.00"), null).transaction();
            network.answers.put(t.md5(), NetworkAnswer.paid(payment("20.00", "USD", "merchant@acleda")));
            Transaction after = service.checkMd5(shop, t.md5()).transaction();
            assertThat(after.status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(after.statusReason()).isEqualTo("amount_mismatch: paid 20.00 USD, expected 25.00 USD");
        }

        @Test
        @DisplayName("a payment to another account is FAILED")
        void wrongAccount() {
            Transaction t = service.create(shop, usd("25.00"), null).transaction();
            network.answers.put(t.md5(), NetworkAnswer.paid(payment("25.00", "USD", "thief@bank")));
            assertThat(service.checkMd5(shop, t.md5()).transaction().statusReason())
                    .startsWith("account_mismatch");
        }

        @Test
        @DisplayName("an unpaid KHQR past expiresAt becomes EXPIRED, and is then answered without calling the network")
        void expires() {
            Transaction t = service.create(shop, usd("1"), null).transaction();
            clock.advance(Duration.ofSeconds(901));
            assertThat(service.checkMd5(shop, t.md5()).status()).isEqualTo("EXPIRED");
            service.checkMd5(shop, t.md5());
            assertThat(network.singleCalls).hasValue(1);
            assertThat(events).hasSize(1);
        }

        @Test
        @DisplayName("a payment seen after expiresAt is a late SUCCESS, also from EXPIRED through reconcile")
        void late() {
            Transaction t = service.create(shop, usd("1"), null).transaction();
            clock.advance(Duration.ofSeconds(1000));
            network.answers.put(t.md5(), NetworkAnswer.paid(payment("1.00", "USD", "merchant@acleda")));
            assertThat(service.checkMd5(shop, t.md5()).transaction().late()).isTrue();

            Transaction u = service.create(shop, usd("2"), null).transaction();
            clock.advance(Duration.ofSeconds(1000));
            Transaction expired = service.checkMd5(shop, u.md5()).transaction();
            assertThat(expired.status()).isEqualTo(PaymentStatus.EXPIRED);
            network.answers.put(u.md5(), NetworkAnswer.paid(payment("2.00", "USD", "merchant@acleda")));
            Transaction paid = service.reconcile(List.of(expired)).get(0);
            assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCESS);
            assertThat(paid.late()).isTrue();
        }

        @Test
        @DisplayName(
                "a SUCCESS is answered from memory after it is seen; EXPIRED and PENDING are read from the store each time")
        void finalStatusCache() {
            java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
            dev.bakongpay.spi.TransactionStore counting =
                    (dev.bakongpay.spi.TransactionStore) java.lang.reflect.Proxy.newProxyInstance(
                            getClass().getClassLoader(),
                            new Class<?>[] {dev.bakongpay.spi.TransactionStore.class},
                            (proxy, m, args) -> {
                                if (m.getName().equals("findByMd5")) reads.incrementAndGet();
                                try {
                                    return m.invoke(store, args);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
            PaymentService cached = PaymentService.builder()
                    .transactions(counting)
                    .idempotency(new MemoryIdempotencyStore())
                    .network(PaymentMode.TEST, network)
                    .clock(clock)
                    .build();
            Transaction paid = cached.create(shop, usd("25.00"), null).transaction();
            Transaction unpaid = cached.create(shop, usd("3.00"), null).transaction();
            network.answers.put(paid.md5(), NetworkAnswer.paid(payment("25.00", "USD", "merchant@acleda")));
            assertThat(cached.checkMd5(shop, paid.md5()).status()).isEqualTo("SUCCESS");
            reads.set(0);
            for (int i = 0; i < 5; i++)
                assertThat(cached.checkMd5(shop, paid.md5()).status()).isEqualTo("SUCCESS");
            assertThat(cached.checkBulk(shop, List.of(paid.md5()))
                            .get(paid.md5())
                            .status())
                    .isEqualTo("SUCCESS");
            assertThat(reads).hasValue(0);
            // the cache is per merchant: another merchant still does not see it
            assertThatThrownBy(() -> cached.checkMd5(other, paid.md5())).isInstanceOf(PaymentException.NotFound.class);

            clock.advance(Duration.ofSeconds(901));
            assertThat(cached.checkMd5(shop, unpaid.md5()).status()).isEqualTo("EXPIRED");
            reads.set(0);
            cached.checkMd5(shop, unpaid.md5());
            cached.checkMd5(shop, unpaid.md5());
            assertThat(reads).hasValue(2); // EXPIRED may still turn late SUCCESS: never cached

            PaymentService uncached = PaymentService.builder()
                    .transactions(counting)
                    .idempotency(new MemoryIdempotencyStore())
                    .network(PaymentMode.TEST, network)
                    .clock(clock)
                    .finalStatusCacheSize(0)
                    .build();
            reads.set(0);
            uncached.checkMd5(shop, paid.md5());
            uncached.checkMd5(shop, paid.md5());
            assertThat(reads).hasValue(2);
        }

        @Test
        @DisplayName("another merchant's md5 is not found")
        void otherMerchant() {
            Transaction t = service.create(shop, usd("1"), null).transaction();
            assertThatThrownBy(() -> service.checkMd5(other, t.md5())).isInstanceOf(PaymentException.NotFound.class);
        }

        @Test
        @DisplayName(
                "50 concurrent checks of one pending md5 settle it once: one event (the network shares its calls: see PollStormTest)")
        void singleFlight() throws Exception {
            Transaction t = service.create(shop, usd("1"), null).transaction();
            network.answers.put(t.md5(), NetworkAnswer.paid(payment("1.00", "USD", "merchant@acleda")));
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<PaymentCheck>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++)
                all.add(pool.submit(() -> {
                    go.await();
                    return service.checkMd5(shop, t.md5());
                }));
            go.countDown();
            for (Future<PaymentCheck> f : all) assertThat(f.get().status()).isEqualTo("SUCCESS");
            pool.shutdown();
            assertThat(network.singleCalls.get()).isBetween(1, 50);
            assertThat(events).hasSize(1);
        }

        @Test
        @DisplayName("a network failure reaches the caller as NetworkUnavailable")
        void networkDown() {
            Transaction t = service.create(shop, usd("1"), null).transaction();
            network.failure = new PaymentException.NetworkTimeout("NBC did not answer in 10 s", null);
            assertThatThrownBy(() -> service.checkMd5(shop, t.md5()))
                    .isInstanceOf(PaymentException.NetworkTimeout.class);
        }
    }

    @Nested
    @DisplayName("reconciliation")
    class Reconciliation {
        @Test
        @DisplayName("a batch finds a payment nobody polled for and expires a stale one, in one list call")
        void batch() {
            Transaction paid = service.create(shop, usd("1"), null).transaction();
            Transaction stale = service.create(shop, usd("2"), null).transaction();
            network.answers.put(paid.md5(), NetworkAnswer.paid(payment("1.00", "USD", "merchant@acleda")));
            clock.advance(Duration.ofSeconds(901));
            PaymentReconciler reconciler = new PaymentReconciler(store, service, "node-1");
            assertThat(reconciler.runOnce()).isEqualTo(2);
            assertThat(store.findById("shop-1", paid.id()).orElseThrow().status())
                    .isEqualTo(PaymentStatus.SUCCESS);
            assertThat(store.findById("shop-1", stale.id()).orElseThrow().status())
                    .isEqualTo(PaymentStatus.EXPIRED);
            assertThat(network.listCalls).hasValue(1);
            assertThat(events).hasSize(2);
        }
    }

    @Nested
    @DisplayName("checkBulk and lookup")
    class Bulk {
        @Test
        @DisplayName("the Free plan is refused with plan_upgrade_required")
        void free() {
            assertThatThrownBy(() ->
                            service.checkBulk(new Merchant("f", Plan.FREE, PaymentMode.TEST), List.of("a".repeat(32))))
                    .isInstanceOfSatisfying(
                            PaymentException.class, e -> assertThat(e.code()).isEqualTo("plan_upgrade_required"));
        }

        @Test
        @DisplayName("pending md5s go to the network in one list call; unknown ones are NOT_FOUND")
        void oneCall() {
            Transaction a = service.create(shop, usd("1"), null).transaction();
            Transaction b = service.create(shop, usd("2"), null).transaction();
            network.answers.put(a.md5(), NetworkAnswer.paid(payment("1.00", "USD", "merchant@acleda")));
            var results = service.checkBulk(shop, List.of(a.md5(), b.md5(), "f".repeat(32)));
            assertThat(results).hasSize(3);
            assertThat(results.get(a.md5()).status()).isEqualTo("SUCCESS");
            assertThat(results.get(b.md5()).status()).isEqualTo("PENDING");
            assertThat(results.get("f".repeat(32)).status()).isEqualTo("NOT_FOUND");
            assertThat(network.listCalls).hasValue(1);
            assertThat(network.singleCalls).hasValue(0);
        }

        @Test
        @DisplayName("51 md5s or a malformed one are refused")
        void limits() {
            assertThatThrownBy(() -> service.checkBulk(shop, java.util.Collections.nCopies(51, "a".repeat(32))))
                    .hasMessageContaining("at most 50");
            assertThatThrownBy(() -> service.checkBulk(shop, List.of("xyz")))
                    .isInstanceOfSatisfying(
                            PaymentException.Invalid.class,
                            e -> assertThat(e.details().get(0).field()).isEqualTo("md5s[0]"));
        }

        @Test
        @DisplayName("lookup finds by id, md5 and payment hash, only within the merchant")
        void lookup() {
            Transaction t = service.create(shop, usd("1"), null).transaction();
            network.answers.put(t.md5(), NetworkAnswer.paid(payment("1.00", "USD", "merchant@acleda")));
            service.checkMd5(shop, t.md5());
            assertThat(service.lookup(shop, t.id().toString(), null).id()).isEqualTo(t.id());
            assertThat(service.lookup(shop, t.md5(), LookupType.MD5).id()).isEqualTo(t.id());
            assertThat(service.lookup(shop, "AB".repeat(32), LookupType.HASH).id())
                    .isEqualTo(t.id());
            assertThatThrownBy(() -> service.lookup(other, t.id().toString(), null))
                    .isInstanceOf(PaymentException.NotFound.class);
        }
    }
}
