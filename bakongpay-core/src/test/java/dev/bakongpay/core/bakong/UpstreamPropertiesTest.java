package dev.bakongpay.core.bakong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bakongpay.core.payment.BakongPaymentNetwork;
import dev.bakongpay.core.payment.CreatePaymentRequest;
import dev.bakongpay.core.payment.Merchant;
import dev.bakongpay.core.payment.PaymentCheck;
import dev.bakongpay.core.payment.PaymentException;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.UpstreamPayment;
import dev.bakongpay.spi.memory.MemoryIdempotencyStore;
import dev.bakongpay.spi.memory.MemoryTransactionStore;
import dev.bakongpay.testsupport.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seeded property test, end to end: random and mutated payments answered by an NBC stand-in,
 * checked through the real client, {@link BakongPaymentNetwork} and the payment service. Every
 * check either answers or throws the project's {@link PaymentException.NetworkUnavailable}; and
 * a SUCCESS always records exactly USD 9.99 to the merchant's account.
 */
@DisplayName("Hostile upstream: random payments, end to end (seeded)")
class UpstreamPropertiesTest {

    enum Outcome {
        SUCCESS,
        FAILED,
        UPSTREAM_UNAVAILABLE,
        PENDING
    }

    @Test
    @DisplayName(
            "2,000 random NBC answers: never SUCCESS for another payment, never an exception but upstream_unavailable")
    void randomAnswers() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T00:00:00Z"));
        MemoryTransactionStore store = new MemoryTransactionStore(clock);
        Merchant shop = new Merchant("shop-1", Plan.PRO, PaymentMode.TEST);
        AtomicReference<String> answer = new AtomicReference<>();
        Random random = new Random(20261206L);
        Map<Outcome, Integer> seen = new EnumMap<>(Outcome.class);
        try (NbcStandIn nbc = new NbcStandIn()) {
            nbc.on("/v1/check_transaction_by_md5", r -> new NbcStandIn.Reply(200, answer.get()));
            BakongClient client = BakongClient.create(BakongClientConfig.builder(nbc.baseUrl(), "test-token-123456")
                    .maxRetries(0)
                    .retryBackoff(Duration.ZERO)
                    .pendingCacheTtl(Duration.ZERO)
                    .clock(clock)
                    .build());
            PaymentService service = PaymentService.builder()
                    .transactions(store)
                    .idempotency(new MemoryIdempotencyStore())
                    .network(PaymentMode.TEST, new BakongPaymentNetwork(client, "Bakong"))
                    .clock(clock)
                    .build();
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                for (int i = 0; i < 2_000; i++) {
                    String data = UpstreamMutations.data(random);
                    answer.set(
                            random.nextInt(20) == 0
                                    ? data // sometimes not even an envelope
                                    : "{\"responseCode\":0,\"responseMessage\":\"Success\",\"errorCode\":null,\"data\":"
                                            + data + "}");
                    clock.advance(Duration.ofMillis(10));
                    Transaction t = service.create(
                                    shop,
                                    CreatePaymentRequest.of(
                                            new BigDecimal("9.99"), "USD", "FINN SHOP", "merchant@acleda"),
                                    null)
                            .transaction();
                    Outcome outcome;
                    try {
                        PaymentCheck c = service.checkMd5(shop, t.md5());
                        outcome = Outcome.valueOf(c.status());
                        if (outcome == Outcome.SUCCESS) {
                            UpstreamPayment p = c.transaction().payment();
                            assertThat(p.amount()).as(data).isEqualByComparingTo("9.99");
                            assertThat(p.currency()).as(data).isEqualTo("USD");
                            assertThat(p.toAccountId()).as(data).isEqualToIgnoringCase("merchant@acleda");
                        }
                    } catch (PaymentException.NetworkUnavailable e) {
                        assertThat(e.code()).isEqualTo("upstream_unavailable");
                        assertThat(e.getMessage()).doesNotContain("://").doesNotContain("Exception");
                        outcome = Outcome.UPSTREAM_UNAVAILABLE;
                    } catch (Throwable e) {
                        throw new AssertionError("an NBC answer escaped as " + e + ": " + cut(answer.get()), e);
                    }
                    seen.merge(outcome, 1, Integer::sum);
                }
            });
        }
        // the generator reaches every outcome that matters, so the assertions above were exercised
        assertThat(seen).containsKeys(Outcome.SUCCESS, Outcome.FAILED, Outcome.UPSTREAM_UNAVAILABLE);
        assertThat(seen.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2_000);
    }

    private static String cut(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
