package dev.bakongpay.spi;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where transactions live. Implementations are thread-safe and, where they are shared (JDBC),
 * safe across nodes. Every method throws {@link StoreException} on infrastructure failure and
 * nothing else for ordinary outcomes. The contract is {@code TransactionStoreContract} in
 * {@code bakongpay-spi-testkit}.
 */
public interface TransactionStore {

    /** Stores a new transaction (normally PENDING). Nothing is stored on a duplicate id or md5. */
    InsertOutcome insert(Transaction transaction);

    /** The merchant's transaction with this id; empty if absent or another merchant's. */
    Optional<Transaction> findById(String merchantId, UUID id);

    /** Any merchant's transaction with this id: only for the public checkout page, which holds just the id. */
    Optional<Transaction> findAnyById(UUID id);

    /** The merchant's transaction with this md5; empty if absent or another merchant's. */
    Optional<Transaction> findByMd5(String merchantId, String md5);

    /** Any merchant's transaction with this md5: for reconciliation only. */
    Optional<Transaction> findAnyByMd5(String md5);

    /** The merchant's most recent transaction paid by the upstream payment with this hash. */
    Optional<Transaction> findByPaymentHash(String merchantId, String hash);

    /**
     * Compare-and-set of the status: applies {@code transition} only if the stored status is still
     * {@code transition.from()}, in one atomic write. Under any race exactly one caller wins.
     *
     * @return the transaction after the change if this caller won; empty if the status was not
     *         {@code from} any more or the transaction does not exist (re-read to tell which)
     */
    Optional<Transaction> transition(StatusTransition transition);

    /**
     * Leases up to {@code claim.limit()} transactions to check: PENDING ones (expired or not, so
     * stale ones get expired) and EXPIRED ones within {@code claim.expiredLookback()}. A
     * transaction leased to anyone is not handed out again until the lease ends, so two nodes
     * never hold the same one. Least recently leased first, then oldest.
     */
    List<Transaction> claimForReconciliation(ReconciliationClaim claim);

    /**
     * Transactions in a final status (SUCCESS, FAILED, EXPIRED) whose last change
     * ({@code updatedAt}) is at or after {@code from} and before {@code to}, oldest change first
     * (ties by id), at most {@code limit} (1 to 1000). The webhook sweep uses it to find status
     * changes whose event was never recorded (a node died between its transition and the record).
     *
     * @throws UnsupportedOperationException from stores that cannot answer it (the default); the
     *         sweep then logs that it is off, and events rest on the listener alone
     */
    default List<Transaction> findFinalChangedBetween(Instant from, Instant to, int limit) {
        throw new UnsupportedOperationException(getClass().getName() + " does not list changed transactions");
    }

    /**
     * The reconciliation backlog at {@code now}: PENDING transactions whose lease is over or that
     * were never leased (see {@link ReconciliationBacklog}). Read for gauges, a few times a minute.
     *
     * @throws UnsupportedOperationException from stores that cannot answer it (the default); the
     *         gauges then read NaN
     */
    default ReconciliationBacklog reconciliationBacklog(java.time.Instant now) {
        throw new UnsupportedOperationException(getClass().getName() + " does not report its reconciliation backlog");
    }

    /**
     * The operator's search: transactions of any merchant matching every filter of {@code search},
     * newest first ({@link TransactionSearch#NEWEST_FIRST}), at most {@code search.limit()}, after
     * {@code search.before()}. Meant for a console: each filter is served by an index.
     *
     * @throws UnsupportedOperationException from stores that cannot search (the default)
     */
    default List<Transaction> search(TransactionSearch search) {
        throw new UnsupportedOperationException(getClass().getName() + " does not search transactions");
    }

    /**
     * The bank-app short link stored with this transaction by {@link #saveBankAppLink}; empty when
     * none is stored or there is no such transaction.
     *
     * @throws UnsupportedOperationException from stores that cannot keep one (the default); the
     *         payment services then ask upstream for a link on every use
     */
    default Optional<String> findBankAppLink(UUID id) {
        throw new UnsupportedOperationException(getClass().getName() + " does not keep bank-app links");
    }

    /**
     * Stores the bank-app short link (an https URL, at most {@value #MAX_BANK_APP_LINK} characters)
     * of a transaction unless one is stored already: when two first uses race, the first link
     * stored stays, and both callers get it.
     *
     * @return the link stored after the call (this one or the earlier one); empty when there is no
     *         such transaction
     * @throws UnsupportedOperationException from stores that cannot keep one (the default)
     */
    default Optional<String> saveBankAppLink(UUID id, String link) {
        throw new UnsupportedOperationException(getClass().getName() + " does not keep bank-app links");
    }

    /** The longest bank-app link a store keeps. */
    int MAX_BANK_APP_LINK = 2048;

    /** The argument check of {@link #saveBankAppLink}, the same in every implementation. */
    static void checkBankAppLink(UUID id, String link) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(link, "link");
        if (link.isBlank() || link.length() > MAX_BANK_APP_LINK) {
            throw new IllegalArgumentException(
                    "link must be 1 to " + MAX_BANK_APP_LINK + " characters, was " + link.length());
        }
    }

    /**
     * How many transactions created in each minute of [{@code from}, {@code to}) have each status
     * now, oldest minute first, then by status; minutes and statuses with none are left out. The
     * window is at most {@value #MAX_COUNT_WINDOW_HOURS} hours; {@code from} is taken down to its
     * minute.
     *
     * @throws UnsupportedOperationException from stores that cannot count (the default)
     */
    default List<StatusCount> countPerMinute(Instant from, Instant to) {
        throw new UnsupportedOperationException(getClass().getName() + " does not count transactions");
    }

    /** The longest window of {@link #countPerMinute}. */
    int MAX_COUNT_WINDOW_HOURS = 48;

    /** The argument check of {@link #countPerMinute}, the same in every implementation; answers {@code from} at its minute. */
    static Instant checkCountWindow(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Instant start = from.truncatedTo(ChronoUnit.MINUTES);
        if (!start.isBefore(to)) throw new IllegalArgumentException("from must be before to");
        if (Duration.between(from, to).compareTo(Duration.ofHours(MAX_COUNT_WINDOW_HOURS)) > 0) {
            throw new IllegalArgumentException("the window must be at most " + MAX_COUNT_WINDOW_HOURS + " hours");
        }
        return start;
    }
}
