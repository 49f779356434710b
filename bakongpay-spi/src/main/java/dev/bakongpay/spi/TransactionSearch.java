package dev.bakongpay.spi;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * An operator's search of the transaction store ({@link TransactionStore#search}): every given
 * filter must match, newest first ({@code createdAt}, then id, both descending), at most
 * {@code limit}, starting after {@code before} (the last row of the previous page). Filters are
 * across merchants: this is for the operator, never for a merchant's API.
 *
 * @param md5        exact md5, or null
 * @param id         exact transaction id, or null
 * @param status     current status, or null
 * @param merchantId exact merchant id, or null
 * @param before     only transactions after this position in the newest-first order, or null for the first page
 * @param limit      1 to {@value #MAX_LIMIT}
 */
public record TransactionSearch(
        String md5, UUID id, PaymentStatus status, String merchantId, Position before, int limit) {
    /** The largest page. */
    public static final int MAX_LIMIT = 200;

    /**
     * Newest first: {@code createdAt} descending, then the id descending compared as unsigned
     * 128-bit numbers, which is the order of its text form and of PostgreSQL's and H2's UUID.
     */
    public static final Comparator<Transaction> NEWEST_FIRST = Comparator.comparing(Transaction::createdAt)
            .thenComparing(t -> t.id().toString())
            .reversed();

    public TransactionSearch {
        if (md5 != null) Checks.md5(md5, "md5");
        Checks.optionalText(merchantId, "merchantId", 128);
        if (limit < 1 || limit > MAX_LIMIT)
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
    }

    /** The newest {@code limit} transactions, no filter. */
    public static TransactionSearch newest(int limit) {
        return new TransactionSearch(null, null, null, null, null, limit);
    }

    public TransactionSearch withMd5(String v) {
        return new TransactionSearch(v, id, status, merchantId, before, limit);
    }

    public TransactionSearch withId(UUID v) {
        return new TransactionSearch(md5, v, status, merchantId, before, limit);
    }

    public TransactionSearch withStatus(PaymentStatus v) {
        return new TransactionSearch(md5, id, v, merchantId, before, limit);
    }

    public TransactionSearch withMerchantId(String v) {
        return new TransactionSearch(md5, id, status, v, before, limit);
    }

    public TransactionSearch after(Position v) {
        return new TransactionSearch(md5, id, status, merchantId, v, limit);
    }

    /** Whether {@code t} passes the filters and comes after {@link #before} (for stores that filter in memory). */
    public boolean matches(Transaction t) {
        return (md5 == null || md5.equals(t.md5()))
                && (id == null || id.equals(t.id()))
                && (status == null || status == t.status())
                && (merchantId == null || merchantId.equals(t.merchantId()))
                && (before == null || before.isBefore(t));
    }

    /**
     * A place in the newest-first order: the {@code createdAt} and id of a transaction.
     *
     * @param createdAt the transaction's creation time (microseconds)
     * @param id        its id
     */
    public record Position(Instant createdAt, UUID id) {
        public Position {
            createdAt = Checks.instant(createdAt, "createdAt");
            java.util.Objects.requireNonNull(id, "id must not be null");
        }

        /** The position of {@code t}. */
        public static Position of(Transaction t) {
            return new Position(t.createdAt(), t.id());
        }

        /** Whether {@code t} comes after this position in the newest-first order (is older). */
        public boolean isBefore(Transaction t) {
            int c = t.createdAt().compareTo(createdAt);
            return c < 0 || (c == 0 && t.id().toString().compareTo(id.toString()) < 0);
        }
    }
}
