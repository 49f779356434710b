package dev.bakongpay.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhook outbox: payment events waiting to be POSTed to a shop, and how their delivery went.
 * The rules (backoff, how many attempts) belong to the dispatcher; the store only keeps state with
 * single atomic changes, so that several nodes can share it:
 * <ul>
 *   <li>{@link #record} is idempotent on the event id: two nodes or a retry recording one status
 *       change store one delivery;</li>
 *   <li>{@link #claimDue} leases due deliveries: while the lease runs, nobody else gets them, so
 *       per event at most one send is in flight; a dead node's lease simply runs out;</li>
 *   <li>{@link #markDelivered}, {@link #retryLater} and {@link #giveUp} change a PENDING delivery
 *       and return false when it was not in the expected state (an ordinary outcome);</li>
 *   <li>{@link #count}, {@link #findDead}, {@link #list}, {@link #redeliver} and {@link #retryNow}
 *       are for operators: how much is waiting or given up, what was sent, a second chance for a
 *       delivery given up on, and an early retry of one waiting after a failure.</li>
 * </ul>
 * Times come from the store's {@link java.time.Clock}. Infrastructure failures throw
 * {@link StoreException}. The contract is {@code WebhookDeliveryStoreContract} in
 * {@code bakongpay-spi-testkit}.
 */
public interface WebhookDeliveryStore {

    /**
     * Records {@code event} as a PENDING delivery, due now, with no attempts.
     *
     * @return true if stored; false if a delivery with this event id already exists (it is left unchanged)
     */
    boolean record(WebhookEvent event);

    /**
     * Leases up to {@code limit} PENDING deliveries whose {@code nextAttemptAt} has come and whose
     * lease (if any) has ended, to {@code owner} for {@code lease}. Oldest due first. Concurrent
     * callers never get the same delivery.
     */
    List<WebhookDelivery> claimDue(String owner, int limit, Duration lease);

    /**
     * The receiver accepted it: PENDING → DELIVERED, one more attempt counted. Does not require the
     * lease: a send that succeeded after its lease ran out still counts, which saves a repeat.
     *
     * @return false if it was not PENDING (already delivered, dead or unknown)
     */
    boolean markDelivered(String eventId);

    /**
     * The send failed: one more attempt counted, the error kept, the lease released and the
     * delivery due again at {@code nextAttemptAt}. Only the lease's holder may do this.
     *
     * @return false if it is not PENDING or not leased to {@code owner} (another node took it over)
     */
    boolean retryLater(String eventId, String owner, Instant nextAttemptAt, String error);

    /**
     * The last allowed send failed: PENDING → DEAD, one more attempt counted, the error kept.
     * Only the lease's holder may do this.
     *
     * @return false if it is not PENDING or not leased to {@code owner}
     */
    boolean giveUp(String eventId, String owner, String error);

    /** The delivery of this event, if recorded. */
    Optional<WebhookDelivery> find(String eventId);

    /** The deliveries of one transaction's events, oldest first. */
    List<WebhookDelivery> findByTransaction(UUID transactionId);

    /**
     * How many deliveries are in {@code state} now. Meant for PENDING and DEAD (health checks,
     * alerts); DELIVERED only grows, so counting it may read the whole outbox.
     */
    long count(WebhookDeliveryState state);

    /**
     * DEAD deliveries, the most recently given up first, at most {@code limit} (1 to 1000): what an
     * operator looks at before {@link #redeliver redelivering}.
     */
    List<WebhookDelivery> findDead(int limit);

    /**
     * An operator's second chance for a delivery given up on (the shop's endpoint is fixed now):
     * DEAD → PENDING, due now, attempts back to zero so the dispatcher allows its full number of
     * attempts again, lease cleared; the last attempt's time and error are kept until the next send.
     *
     * @return false if it is not DEAD (delivered, still pending, or unknown)
     */
    boolean redeliver(String eventId);

    /**
     * The deliveries {@code query} selects, newest event first ({@code createdAt}, then event id,
     * both descending), at most {@code query.limit()}.
     *
     * @throws UnsupportedOperationException from stores that cannot list (the default)
     */
    default List<WebhookDelivery> list(WebhookDeliveryQuery query) {
        throw new UnsupportedOperationException(getClass().getName() + " does not list webhook deliveries");
    }

    /**
     * An operator's early retry of a delivery that failed and waits for its next attempt: a PENDING
     * delivery with at least one attempt and no running lease becomes due now. Attempts, the last
     * error and the dispatcher's attempt budget are unchanged.
     *
     * @return false if it is not PENDING, has not been attempted, is being sent (leased), or is unknown
     * @throws UnsupportedOperationException from stores that cannot do it (the default)
     */
    default boolean retryNow(String eventId) {
        throw new UnsupportedOperationException(getClass().getName() + " does not retry webhook deliveries early");
    }

    /** The argument check of {@link #findDead}, the same in every implementation. */
    static void checkLimit(int limit) {
        if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be 1 to 1000, was " + limit);
    }

    /** The argument checks of {@link #claimDue}, the same in every implementation. */
    static void checkClaim(String owner, int limit, Duration lease) {
        Checks.text(owner, "owner", 128);
        if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be 1 to 1000, was " + limit);
        if (lease == null || lease.isNegative() || lease.isZero())
            throw new IllegalArgumentException("lease must be positive");
    }
}
