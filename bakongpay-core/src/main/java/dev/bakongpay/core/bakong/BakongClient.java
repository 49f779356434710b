package dev.bakongpay.core.bakong;

import dev.bakongpay.core.bakong.internal.HttpBakongClient;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Client of NBC's Bakong Open API ({@code POST /v1/…}, bearer token, JSON envelope).
 *
 * <p>Ordinary answers are values ({@link TransactionCheckResult}); only infrastructure failures
 * throw, always an {@link UpstreamException}: {@link BakongUnavailableException},
 * {@link BakongTimeoutException}, {@link BakongUnauthorizedException}, {@link CircuitOpenException}.
 * Reads are retried with jittered backoff on 5xx, connection failures and timeouts, never on a
 * 4xx; a circuit breaker stops calls during an outage. Concurrent checks of one md5 share one
 * upstream call, and answers are reused for a short time (see {@link BakongClientConfig}).
 * Thread-safe; create one per application.
 */
public interface BakongClient {

    /** Creates the JDK {@code HttpClient}-based client. */
    static BakongClient create(BakongClientConfig config) {
        return new HttpBakongClient(config);
    }

    /** {@code /v1/check_transaction_by_md5}: the payment of the KHQR whose md5 (32 hex) is given. */
    TransactionCheckResult checkTransactionByMd5(String md5);

    /**
     * Many md5s at once: one {@code /v1/check_transaction_by_md5_list} call per 50. Where NBC
     * refuses the list call (HTTP 403, seen in production for some tokens), falls back to single
     * checks with bounded concurrency and keeps doing so for this client's life.
     *
     * @return one result per distinct md5 (lower case), in the order given
     */
    Map<String, TransactionCheckResult> checkTransactionsByMd5(Collection<String> md5s);

    /** {@code /v1/check_transaction_by_hash}: by NBC's full 64-hex transaction hash. */
    TransactionCheckResult checkTransactionByHash(String hash);

    /** {@code /v1/check_transaction_by_short_hash}: the first 8 hex of the hash, with amount and currency. */
    TransactionCheckResult checkTransactionByShortHash(String shortHash, BigDecimal amount, String currency);

    /** {@code /v1/check_bakong_account}: whether a Bakong account ID ({@code name@bank}) exists. */
    BakongAccountStatus checkBakongAccount(String accountId);

    /**
     * {@code /v1/generate_deeplink_by_qr}: a short link that opens the Bakong app on this KHQR.
     *
     * @param source the calling app, or null
     * @return empty when NBC declines (errorCode 4 or 5); the caller can still show the QR
     */
    Optional<String> generateDeepLink(String qr, DeepLinkSource source);

    /** The token's expiry as read from its JWT {@code exp}; no network call. */
    TokenStatus tokenStatus();

    /**
     * {@code /v1/renew_token} with the configured e-mail; swaps the token for every later call.
     *
     * @throws IllegalStateException       when no renewal e-mail is configured
     * @throws BakongUnauthorizedException when NBC refuses (e.g. errorCode 10, not registered)
     */
    TokenStatus renewToken();

    /** The circuit breaker's state, for health checks. */
    CircuitState circuitState();

    /** States of the circuit breaker in front of NBC. */
    enum CircuitState {
        CLOSED,
        OPEN,
        HALF_OPEN
    }
}
