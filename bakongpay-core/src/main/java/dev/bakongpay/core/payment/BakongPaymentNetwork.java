package dev.bakongpay.core.payment;

import dev.bakongpay.core.bakong.BakongClient;
import dev.bakongpay.core.bakong.BakongTimeoutException;
import dev.bakongpay.core.bakong.BakongTransaction;
import dev.bakongpay.core.bakong.TransactionCheckResult;
import dev.bakongpay.core.bakong.UpstreamException;
import dev.bakongpay.spi.UpstreamPayment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * NBC's Bakong Open API (or the simulator, which speaks it) as a {@link PaymentNetwork}: the
 * core {@link BakongClient} with its retries, circuit breaker and md5-list fallback, its answers
 * turned into {@link NetworkAnswer}s and its failures into {@link PaymentException.NetworkUnavailable}
 * or {@link PaymentException.NetworkTimeout}.
 *
 * <pre>{@code
 * PaymentNetwork nbc = new BakongPaymentNetwork(BakongClient.create(
 *         BakongClientConfig.builder(config.bakongUrl().toString(), config.bakongToken()).build()));
 * }</pre>
 */
public final class BakongPaymentNetwork implements PaymentNetwork {
    private final BakongClient client;
    private final String name;

    public BakongPaymentNetwork(BakongClient client) {
        this(client, "Bakong");
    }

    /** @param name what this Bakong is in error messages, e.g. "NBC Bakong Open API" or "embedded Bakong simulator" */
    public BakongPaymentNetwork(BakongClient client, String name) {
        this.client = Objects.requireNonNull(client, "client");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public NetworkAnswer check(String md5) {
        return answer(call(() -> client.checkTransactionByMd5(md5)));
    }

    @Override
    public Map<String, NetworkAnswer> checkAll(List<String> md5s) {
        Map<String, TransactionCheckResult> results = call(() -> client.checkTransactionsByMd5(md5s));
        Map<String, NetworkAnswer> answers = new LinkedHashMap<>();
        results.forEach((md5, r) -> answers.put(md5.toLowerCase(Locale.ROOT), answer(r)));
        return answers;
    }

    private static NetworkAnswer answer(TransactionCheckResult r) {
        return switch (r.status()) {
            case FOUND -> NetworkAnswer.paid(payment(r.transaction()));
            case FAILED -> NetworkAnswer.failed(r.message());
            default -> NetworkAnswer.notFound();
        };
    }

    private static UpstreamPayment payment(BakongTransaction t) {
        return new UpstreamPayment(t.hash().toLowerCase(Locale.ROOT), t.fromAccountId(), t.toAccountId(), t.amount(),
                t.currency(), t.acknowledgedDateMs() == null ? null : Instant.ofEpochMilli(t.acknowledgedDateMs()),
                t.externalRef(), t.instructionRef());
    }

    private <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (BakongTimeoutException e) {
            throw new PaymentException.NetworkTimeout(name + " did not answer in time: " + e.getMessage(), e);
        } catch (UpstreamException e) {
            throw new PaymentException.NetworkUnavailable(name + " is unavailable: " + e.getMessage(), e);
        }
    }
}
