package dev.bakongpay.core.payment;

import dev.bakongpay.core.bakong.BakongClient;
import dev.bakongpay.core.bakong.BakongTimeoutException;
import dev.bakongpay.core.bakong.BakongTransaction;
import dev.bakongpay.core.bakong.BakongUnauthorizedException;
import dev.bakongpay.core.bakong.CircuitOpenException;
import dev.bakongpay.core.bakong.DeepLinkSource;
import dev.bakongpay.core.bakong.TransactionCheckResult;
import dev.bakongpay.core.bakong.UpstreamException;
import dev.bakongpay.core.payment.internal.Settlement;
import dev.bakongpay.spi.UpstreamPayment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NBC's Bakong Open API (or the simulator, which speaks it) as a {@link PaymentNetwork}: the
 * core {@link BakongClient} with its retries, circuit breaker and md5-list fallback, its answers
 * turned into {@link NetworkAnswer}s and its failures into {@link PaymentException.NetworkUnavailable}
 * or {@link PaymentException.NetworkTimeout}, whose messages name this network and what happened,
 * never an address or an exception class (those stay in the cause, for the log).
 *
 * <pre>{@code
 * PaymentNetwork nbc = new BakongPaymentNetwork(BakongClient.create(
 *         BakongClientConfig.builder(config.bakongUrl().toString(), config.bakongToken()).build()));
 * }</pre>
 */
public final class BakongPaymentNetwork implements PaymentNetwork {
    private static final Logger LOG = LoggerFactory.getLogger(BakongPaymentNetwork.class);
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

    @Override
    public Optional<String> bankAppLink(String qr, DeepLinkSource source) {
        return call(() -> client.generateDeepLink(qr, source));
    }

    private static NetworkAnswer answer(TransactionCheckResult r) {
        return switch (r.status()) {
            case FOUND -> judge(r.transaction());
            case FAILED -> NetworkAnswer.failed(r.message());
            case UNUSABLE -> NetworkAnswer.unusable(r.message().isBlank() ? "not a sane payment" : r.message());
            default -> NetworkAnswer.notFound();
        };
    }

    /**
     * A sane-shaped payment as an {@link UpstreamPayment}, or MISMATCH when it cannot be one
     * because no transaction could have asked for it (the client has already bounded the amount
     * to 100 digits before and after the point, so nothing here can expand it).
     */
    static NetworkAnswer judge(BakongTransaction t) {
        String currency = t.currency();
        BigDecimal amount = t.amount();
        if (!"USD".equals(currency) && !"KHR".equals(currency)) {
            return NetworkAnswer.mismatch("currency_mismatch: paid " + Settlement.show(amount, null) + " "
                    + Settlement.printable(currency, 16));
        }
        BigDecimal exact = amount;
        if (exact.scale() > 6) exact = exact.stripTrailingZeros(); // 9.990000000 is 9.99; 9.989999999 stays odd
        if (exact.scale() < 0) exact = exact.setScale(0); // 4.4E+3 is 4400 (at most 101 digits)
        if (exact.signum() <= 0 || exact.scale() > 6 || exact.precision() - exact.scale() > 18) {
            return NetworkAnswer.mismatch(
                    "amount_mismatch: paid " + Settlement.show(amount, currency) + " " + currency);
        }
        try {
            return NetworkAnswer.paid(new UpstreamPayment(
                    t.hash().toLowerCase(Locale.ROOT),
                    t.fromAccountId(),
                    t.toAccountId(),
                    exact,
                    currency,
                    t.acknowledgedDateMs() == null ? null : Instant.ofEpochMilli(t.acknowledgedDateMs()),
                    t.externalRef(),
                    t.instructionRef()));
        } catch (
                IllegalArgumentException
                        e) { // a rule of the store's the client did not foresee: not this payment's answer
            LOG.warn("Bakong reported a payment the store cannot record ({}); read as unusable", e.getMessage());
            return NetworkAnswer.unusable("the payment cannot be recorded");
        }
    }

    /**
     * Runs a client call; a failure becomes a {@link PaymentException} whose message is safe to
     * show a caller (this network's name and what happened, never an address or exception class).
     * The client's own exception, with the details, is its cause, for the log.
     */
    private <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (BakongTimeoutException e) {
            throw new PaymentException.NetworkTimeout(name + " did not answer in time", e);
        } catch (CircuitOpenException e) {
            throw new PaymentException.NetworkUnavailable(
                    name + " is failing; calls to it are paused for "
                            + Math.max(1, e.retryAfter().toSeconds()) + " s",
                    e);
        } catch (BakongUnauthorizedException e) {
            throw new PaymentException.NetworkUnavailable(name + " refused this server's access token", e);
        } catch (UpstreamException e) {
            int status = e.httpStatus();
            String what = status == 0
                    ? " could not be reached"
                    : status >= 300 ? " answered HTTP " + status : " did not give a usable answer";
            throw new PaymentException.NetworkUnavailable(name + what, e);
        }
    }
}
