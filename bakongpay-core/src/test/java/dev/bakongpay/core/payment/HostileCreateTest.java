package dev.bakongpay.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bakongpay.core.khqr.Khqr;
import dev.bakongpay.spi.InsertOutcome;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.TransactionStore;
import dev.bakongpay.spi.memory.MemoryIdempotencyStore;
import dev.bakongpay.spi.memory.MemoryTransactionStore;
import dev.bakongpay.testsupport.MutableClock;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a hostile or careless caller can send to {@link PaymentService#create}, embedders included. */
@DisplayName("PaymentService.create under hostile input")
class HostileCreateTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-02T13:45:00Z"));
    final MemoryTransactionStore store = new MemoryTransactionStore(clock);
    final Map<InsertOutcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    final TransactionStore counting = (TransactionStore) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {TransactionStore.class}, (proxy, m, args) -> {
                Object r = m.invoke(store, args);
                if (r instanceof InsertOutcome o)
                    outcomes.computeIfAbsent(o, k -> new AtomicInteger()).incrementAndGet();
                return r;
            });
    final PaymentService service = PaymentService.builder()
            .transactions(counting)
            .idempotency(new MemoryIdempotencyStore())
            .clock(clock)
            .build();
    final Merchant shop = new Merchant("shop-1", Plan.PRO, PaymentMode.TEST);

    static CreatePaymentRequest request(BigDecimal amount, String currency) {
        return CreatePaymentRequest.of(amount, currency, "FINN SHOP", "merchant@acleda");
    }

    FieldError only(CreatePaymentRequest r, String key) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> service.create(shop, r, key));
        assertThat(t).isInstanceOf(PaymentException.Invalid.class);
        List<FieldError> details = ((PaymentException.Invalid) t).details();
        assertThat(details).hasSize(1);
        return details.get(0);
    }

    @Nested
    @DisplayName("amounts are judged by their size, before any arithmetic")
    class AmountSizes {
        @ParameterizedTest(name = "{0} {1} → {2}")
        @CsvSource({
            "1e20000000,USD,too_large", "1e999999999,USD,too_large", "1e999999999,KHR,too_large",
            "1e-20000000,USD,invalid_value", "1e-999999999,KHR,invalid_value", "-1e20000000,USD,invalid_value",
            "-1e-999999999,USD,invalid_value", "1e14,KHR,too_large", "12345678901234,KHR,too_large",
            "0.001,USD,invalid_value", "0.5,KHR,invalid_value",
        })
        @DisplayName("an exponent amount is refused at once with the rule it breaks")
        void exponents(String amount, String currency, String code) {
            FieldError e = assertTimeoutPreemptively(
                    Duration.ofSeconds(5), () -> only(request(new BigDecimal(amount), currency), null));
            assertThat(e.field()).isEqualTo("amount");
            assertThat(e.code()).isEqualTo(code);
        }

        @Test
        @DisplayName("scales at the ends of the int range and 5,000-digit amounts are refused at once")
        void extremes() {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                assertThat(only(request(new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE), "USD"), null)
                                .code())
                        .isEqualTo("too_large");
                assertThat(only(request(new BigDecimal(BigInteger.ONE, Integer.MAX_VALUE), "USD"), null)
                                .code())
                        .isEqualTo("invalid_value");
                BigInteger big = BigInteger.TEN.pow(5000);
                assertThat(only(request(new BigDecimal(big), "KHR"), null).code())
                        .isEqualTo("too_large");
                // 5 followed by 5,000 zeros, scaled back to 5.000…: written with too many digits
                assertThat(only(request(new BigDecimal(big.multiply(BigInteger.valueOf(5)), 5000), "USD"), null)
                                .code())
                        .isEqualTo("invalid_value");
            });
        }

        @ParameterizedTest(name = "{0} {1} → {2}")
        @CsvSource({
            "25.000000,USD,25.00",
            "2.5E+1,USD,25.00",
            "1E+3,KHR,1000",
            "100.000,KHR,100",
            "9999999999.99,USD,9999999999.99"
        })
        @DisplayName("equal forms of a valid amount still pass, at the currency's scale")
        void valid(String amount, String currency, String stored) {
            assertThat(service.create(shop, request(new BigDecimal(amount), currency), null)
                            .transaction()
                            .amount())
                    .isEqualByComparingTo(stored)
                    .hasToString(stored);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"9223372036854775807", "-9223372036854775808", "0", "59", "86401"})
    @DisplayName("expiresInSeconds at the ends of a long is out_of_range, not an overflow")
    void expiry(long seconds) {
        FieldError e = only(request(BigDecimal.ONE, "USD").withExpiresInSeconds(seconds), null);
        assertThat(e.field()).isEqualTo("expiresInSeconds");
        assertThat(e.code()).isEqualTo("out_of_range");
        assertThat(e.message()).isEqualTo("must be from 60 to 86400");
    }

    @Test
    @DisplayName("every free-text field is checked for forbidden and invisible-only text")
    void textFields() {
        String bad = "A\u202EB";
        var r = new CreatePaymentRequest(
                BigDecimal.ONE,
                "USD",
                "\u200B\u200C",
                "merchant@acleda",
                "x\uD800",
                null,
                "Ci\u2028ty",
                "M\u0085",
                "Bank\u2066",
                "\u00AD",
                "T\u0007",
                bad,
                null,
                "https://shop.kh/\u202E");
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> service.create(shop, r, null));
        assertThat(((PaymentException.Invalid) t).details())
                .extracting(FieldError::field, FieldError::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("merchantName", "invisible_only"),
                        org.assertj.core.groups.Tuple.tuple("description", "unpaired_surrogate"),
                        org.assertj.core.groups.Tuple.tuple("merchantCity", "invalid_characters"),
                        org.assertj.core.groups.Tuple.tuple("merchantId", "invalid_characters"),
                        org.assertj.core.groups.Tuple.tuple("acquiringBank", "bidi_control"),
                        org.assertj.core.groups.Tuple.tuple("storeLabel", "invisible_only"),
                        org.assertj.core.groups.Tuple.tuple("terminalLabel", "invalid_characters"),
                        org.assertj.core.groups.Tuple.tuple("merchantNameKhmer", "bidi_control"),
                        org.assertj.core.groups.Tuple.tuple("returnUrl", "bidi_control"));
        assertThat(store.size()).isZero();
    }

    @Test
    @DisplayName("the Idempotency-Key follows the same text rules")
    void idempotencyKey() {
        assertThat(only(request(BigDecimal.ONE, "USD"), "key\u202E1").code()).isEqualTo("bidi_control");
        assertThat(only(request(BigDecimal.ONE, "USD"), "\u200B").code()).isEqualTo("invisible_only");
        assertThat(only(request(BigDecimal.ONE, "USD"), "k\uDC00").code()).isEqualTo("unpaired_surrogate");
        assertThat(only(request(BigDecimal.ONE, "USD"), "k\u0001").field()).isEqualTo("Idempotency-Key");
    }

    @Nested
    @DisplayName("identical creates")
    class Identical {
        @Test
        @DisplayName(
                "600 identical creates in one millisecond on 16 threads all succeed with distinct, verifiable md5s and no store conflict")
        void sameMillisecond() throws Exception {
            List<CreatedPayment> created =
                    concurrently(16, 600, () -> service.create(shop, request(new BigDecimal("2.50"), "USD"), null));
            Set<String> md5s = new HashSet<>();
            for (CreatedPayment p : created) {
                assertThat(md5s.add(p.md5())).as("distinct md5").isTrue();
                assertThat(p.md5()).isEqualTo(Khqr.md5(p.qrString()));
                assertThat(Khqr.verify(p.qrString(), clock).valid()).isTrue();
                long shift = Long.parseLong(Khqr.decode(p.qrString()).creationTimestamp()) - clock.millis();
                assertThat(shift).isBetween(0L, 999L);
                assertThat(p.transaction().createdAt()).isEqualTo(clock.instant());
                assertThat(p.expiresAt()).isEqualTo(clock.instant().plusSeconds(900));
            }
            assertThat(store.size()).isEqualTo(600);
            assertThat(outcomes.keySet()).containsOnly(InsertOutcome.INSERTED);
        }

        @Test
        @DisplayName("identical creates while the clock moves: each keeps its own millisecond when it is free")
        void movingClock() throws Exception {
            CreatedPayment a = service.create(shop, request(BigDecimal.TEN, "USD"), null);
            CreatedPayment b = service.create(shop, request(BigDecimal.TEN, "USD"), null);
            clock.advance(Duration.ofMillis(5));
            CreatedPayment c = service.create(shop, request(BigDecimal.TEN, "USD"), null);
            assertThat(Khqr.decode(a.qrString()).creationTimestamp()).isEqualTo(String.valueOf(clock.millis() - 5));
            assertThat(Khqr.decode(b.qrString()).creationTimestamp()).isEqualTo(String.valueOf(clock.millis() - 4));
            assertThat(Khqr.decode(c.qrString()).creationTimestamp()).isEqualTo(String.valueOf(clock.millis()));
            assertThat(Set.of(a.md5(), b.md5(), c.md5())).hasSize(3);
        }

        @Test
        @DisplayName("when another node took the md5 (the store says so), one retry with a new md5 stores it")
        void otherNode() {
            AtomicInteger inserts = new AtomicInteger();
            TransactionStore colliding = (TransactionStore) Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {TransactionStore.class},
                    (proxy, m, args) -> m.getName().equals("insert") && inserts.incrementAndGet() == 1
                            ? InsertOutcome.DUPLICATE_MD5
                            : m.invoke(store, args));
            PaymentService s = PaymentService.builder()
                    .transactions(colliding)
                    .idempotency(new MemoryIdempotencyStore())
                    .clock(clock)
                    .build();
            CreatedPayment p = s.create(shop, request(BigDecimal.ONE, "USD"), null);
            assertThat(inserts).hasValue(2);
            assertThat(Long.parseLong(Khqr.decode(p.qrString()).creationTimestamp()) - clock.millis())
                    .isBetween(1L, 999L);
            assertThat(p.md5()).isEqualTo(Khqr.md5(p.qrString()));
        }
    }

    static <T> List<T> concurrently(int threads, int total, java.util.concurrent.Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
