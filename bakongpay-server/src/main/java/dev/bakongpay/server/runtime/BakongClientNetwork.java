package dev.bakongpay.server.runtime;

import dev.bakongpay.core.bakong.BakongClient;
import dev.bakongpay.core.bakong.BakongTimeoutException;
import dev.bakongpay.core.bakong.BakongTransaction;
import dev.bakongpay.core.bakong.TransactionCheckResult;
import dev.bakongpay.core.bakong.UpstreamException;
import dev.bakongpay.core.payment.NetworkAnswer;
import dev.bakongpay.core.payment.PaymentException;
import dev.bakongpay.core.payment.PaymentNetwork;
import dev.bakongpay.spi.UpstreamPayment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The payment rules' view of a Bakong Open API (NBC's or the simulator's), through core's
 * {@link BakongClient}: its retries, circuit breaker and shared checks stay in force. Only the
 * types are translated; a failure to get an answer becomes the payment rules' network exception.
 */
final class BakongClientNetwork implements PaymentNetwork {
    private final BakongClient client;
    private final String name;

    BakongClientNetwork(BakongClient client, String name) {
        this.client = client;
        this.name = name;
    }

    @Override
    public NetworkAnswer check(String md5) {
        try {
            return answer(client.checkTransactionByMd5(md5));
        } catch (UpstreamException e) {
            throw translate(e);
        }
    }

    @Override
    public Map<String, NetworkAnswer> checkAll(List<String> md5s) {
        try {
            Map<String, NetworkAnswer> answers = new LinkedHashMap<>();
            client.checkTransactionsByMd5(md5s).forEach((md5, result) -> answers.put(md5, answer(result)));
            return answers;
        } catch (UpstreamException e) {
            throw translate(e);
        }
    }

    private PaymentException translate(UpstreamException e) {
        return e instanceof BakongTimeoutException
                ? new PaymentException.NetworkTimeout(name + " did not answer in time", e)
                : new PaymentException.NetworkUnavailable(name + " is unavailable: " + e.getMessage(), e);
    }

    static NetworkAnswer answer(TransactionCheckResult result) {
        return switch (result.status()) {
            case FOUND -> NetworkAnswer.paid(payment(result.transaction()));
            case NOT_FOUND -> NetworkAnswer.notFound();
            case FAILED -> NetworkAnswer.failed(result.message());
        };
    }

    private static UpstreamPayment payment(BakongTransaction t) {
        return new UpstreamPayment(t.hash().toLowerCase(Locale.ROOT), t.fromAccountId(), t.toAccountId(), t.amount(),
                t.currency(), t.acknowledgedDateMs() == null ? null : Instant.ofEpochMilli(t.acknowledgedDateMs()),
                t.externalRef(), t.instructionRef());
    }
}
