package dev.bakongpay.adapters.jdbc;

import static dev.bakongpay.adapters.jdbc.TransactionRows.SELECT;
import static dev.bakongpay.adapters.jdbc.TransactionRows.TABLE;

import dev.bakongpay.spi.InsertOutcome;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.ReconciliationClaim;
import dev.bakongpay.spi.StatusCount;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.TransactionSearch;
import dev.bakongpay.spi.TransactionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@link TransactionStore} on PostgreSQL or H2. Concurrent inserts share commits ({@link GroupCommit});
 * a transition is one statement, {@code UPDATE … WHERE id = ? AND status = ?}, so exactly one concurrent caller
 * sees an update count of 1. Claims are leases ({@code claim_owner}, {@code claim_until}) taken
 * with {@code FOR UPDATE SKIP LOCKED} on PostgreSQL and with per-row conditional UPDATEs elsewhere;
 * both are safe across nodes.
 */
public final class JdbcTransactionStore implements TransactionStore {
    private static final String ELIGIBLE = " WHERE (status = 'PENDING' OR (status = 'EXPIRED' AND expires_at >= ?))"
            + " AND (claim_until IS NULL OR claim_until <= ?) ";
    private static final String ORDER = " ORDER BY claim_until NULLS FIRST, created_at, id ";
    /** {@link #ORDER} in Java, for rows read in several parts. */
    private static final Comparator<Candidate> CLAIM_ORDER = Comparator.comparing(
                    Candidate::previousClaim, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(c -> c.transaction().createdAt())
            .thenComparing(c -> c.transaction().id());

    /** A claimable row and the end of its last lease (null: never leased). */
    private record Candidate(Instant previousClaim, Transaction transaction) {}

    /**
     * The claimable rows of one status and lease state ({@link #ELIGIBLE} split in four), each read
     * along an index so that it stops after its first rows instead of sorting every match. PENDING
     * rows follow the claim index {@code (status, claim_until, created_at)}. EXPIRED rows follow
     * {@code (status, expires_at)} from the lookback's start: along the claim index a read passed
     * every EXPIRED row ever leased (nearly all of them) to find the few expired within the
     * lookback, 14 s a claim at 1,000,000 rows on H2 (PERFORMANCE.md, issue 19).
     */
    record CandidateRead(String status, boolean neverLeased) {
        private boolean expired() {
            return status.equals("EXPIRED");
        }

        String where() {
            return " WHERE status = '" + status + "' AND " + (neverLeased ? "claim_until IS NULL" : "claim_until <= ?")
                    + (expired() ? " AND expires_at >= ?" : "");
        }

        String indexOrder(int limit) {
            return (expired() ? " ORDER BY status, expires_at" : " ORDER BY status, claim_until, created_at, id")
                    + " FETCH FIRST " + limit + " ROWS ONLY";
        }

        /** The read of {@link #claimRowByRow}: the rows and the end of their last lease. */
        String select(int limit) {
            return "SELECT claim_until AS previous_claim, " + TransactionRows.COLUMNS + " FROM " + TABLE + where()
                    + indexOrder(limit);
        }

        /** Binds {@link #where()}'s parameters from {@code i}; answers the next index. */
        int bind(PreparedStatement ps, int i, Instant now, Instant expiredSince) throws SQLException {
            if (!neverLeased) Jdbc.setInstant(ps, i++, now);
            if (expired()) Jdbc.setInstant(ps, i++, expiredSince);
            return i;
        }
    }

    static final List<CandidateRead> CANDIDATE_READS = List.of(
            new CandidateRead("PENDING", true),
            new CandidateRead("PENDING", false),
            new CandidateRead("EXPIRED", true),
            new CandidateRead("EXPIRED", false));

    private final Jdbc jdbc;
    private final Clock clock;
    private final GroupCommit writes;

    public JdbcTransactionStore(DataSource dataSource, Clock clock) {
        this(new Jdbc(Objects.requireNonNull(dataSource, "dataSource")), clock, null);
    }

    /** With {@code writes} shared with the other stores of one {@link JdbcStorage}, so a create's writes share commits. */
    JdbcTransactionStore(Jdbc jdbc, Clock clock, GroupCommit writes) {
        this.jdbc = jdbc;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writes = writes != null ? writes : new GroupCommit(jdbc);
    }

    /** The group commit this store's inserts go through (for {@link JdbcStorage#observeWriteBatches}). */
    GroupCommit writes() {
        return writes;
    }

    @Override
    public InsertOutcome insert(Transaction t) {
        return writes.run("inserting transaction " + t.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(TransactionRows.INSERT)) {
                TransactionRows.bindInsert(ps, t);
                ps.executeUpdate();
                return InsertOutcome.INSERTED;
            } catch (SQLException e) {
                if (!Jdbc.isUniqueViolation(e)) throw e;
                // on PostgreSQL inside a shared commit this read fails, and the insert is run again alone
                return findOne(c, "WHERE id = ?", t.id()).isPresent()
                        ? InsertOutcome.DUPLICATE_ID
                        : InsertOutcome.DUPLICATE_MD5;
            }
        });
    }

    @Override
    public Optional<Transaction> findById(String merchantId, UUID id) {
        return find("finding transaction " + id, "WHERE id = ? AND merchant_id = ?", id, merchantId);
    }

    @Override
    public Optional<Transaction> findAnyById(UUID id) {
        return find("finding transaction " + id, "WHERE id = ?", id);
    }

    @Override
    public Optional<Transaction> findByMd5(String merchantId, String md5) {
        return find("finding transaction by md5", "WHERE md5 = ? AND merchant_id = ?", md5, merchantId);
    }

    @Override
    public Optional<Transaction> findAnyByMd5(String md5) {
        return find("finding transaction by md5", "WHERE md5 = ?", md5);
    }

    @Override
    public Optional<Transaction> findByPaymentHash(String merchantId, String hash) {
        return find(
                "finding transaction by payment hash",
                "WHERE pay_hash = ? AND merchant_id = ? ORDER BY created_at DESC FETCH FIRST 1 ROWS ONLY",
                hash,
                merchantId);
    }

    @Override
    public Optional<Transaction> transition(StatusTransition st) {
        // the UPDATE holds the row lock until commit, so the SELECT reads exactly what this caller wrote
        return jdbc.inTransaction("transition of transaction " + st.transactionId(), c -> {
            try (PreparedStatement ps = c.prepareStatement(TransactionRows.TRANSITION)) {
                ps.setString(1, st.to().name());
                Jdbc.setInstant(ps, 2, st.at());
                ps.setString(3, st.reason());
                ps.setBoolean(4, st.late());
                TransactionRows.bindPayment(ps, 5, st.payment());
                ps.setObject(14, st.transactionId());
                ps.setString(15, st.from().name());
                if (ps.executeUpdate() != 1) return Optional.empty();
            }
            return findOne(c, "WHERE id = ?", st.transactionId());
        });
    }

    @Override
    public Optional<String> findBankAppLink(UUID id) {
        Objects.requireNonNull(id, "id");
        return jdbc.autoCommit("reading the bank-app link of transaction " + id, c -> bankAppLink(c, id));
    }

    @Override
    public Optional<String> saveBankAppLink(UUID id, String link) {
        TransactionStore.checkBankAppLink(id, link);
        // only a NULL column is written, so the first link stored stays; the read then sees the winner
        return jdbc.inTransaction("storing the bank-app link of transaction " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE " + TABLE + " SET bank_app_link = ? WHERE id = ? AND bank_app_link IS NULL")) {
                ps.setString(1, link);
                ps.setObject(2, id);
                ps.executeUpdate();
            }
            return bankAppLink(c, id);
        });
    }

    private static Optional<String> bankAppLink(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT bank_app_link FROM " + TABLE + " WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** One read along the claim index {@code (status, claim_until, created_at)}. */
    @Override
    public dev.bakongpay.spi.ReconciliationBacklog reconciliationBacklog(Instant now) {
        return jdbc.autoCommit("reading the reconciliation backlog", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) AS due,"
                    + " MIN(CASE WHEN claim_until IS NULL THEN created_at ELSE claim_until END) AS oldest FROM " + TABLE
                    + " WHERE status = 'PENDING' AND (claim_until IS NULL OR claim_until <= ?)")) {
                Jdbc.setInstant(ps, 1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new dev.bakongpay.spi.ReconciliationBacklog(rs.getLong("due"), Jdbc.instant(rs, "oldest"));
                }
            }
        });
    }

    @Override
    public List<Transaction> claimForReconciliation(ReconciliationClaim claim) {
        Instant now = clock.instant();
        Instant expiredSince = now.minus(claim.expiredLookback());
        Instant until = now.plus(claim.lease());
        return jdbc.autoCommit(
                "claiming transactions for reconciliation",
                c -> Jdbc.isPostgres(c)
                        ? claimSkipLocked(c, claim, now, expiredSince, until)
                        : claimRowByRow(c, claim, now, expiredSince, until));
    }

    /**
     * One statement: the candidates come from {@link #CANDIDATE_READS} joined by UNION ALL, each
     * following the claim index and stopping after its first rows; then the eligible ones are locked
     * in claim order, rows locked by a concurrent claimer skipped rather than waited for, and leased.
     * One read with the ORs of {@link #ELIGIBLE} would sort every PENDING row, every batch: 250 ms
     * at 300,000 of them, against 3.4 ms this way (EXPLAIN ANALYZE of the whole statement).
     */
    private List<Transaction> claimSkipLocked(
            Connection c, ReconciliationClaim claim, Instant now, Instant expiredSince, Instant until)
            throws SQLException {
        int wanted = 2 * claim.limit();
        StringBuilder candidates = new StringBuilder();
        for (CandidateRead read : CANDIDATE_READS) {
            if (candidates.length() > 0) candidates.append(" UNION ALL ");
            candidates
                    .append("(SELECT id FROM ")
                    .append(TABLE)
                    .append(read.where())
                    .append(read.indexOrder(wanted))
                    .append(')');
        }
        String sql = "WITH candidate AS (" + candidates + "),"
                + " picked AS (SELECT id, claim_until AS previous FROM " + TABLE + ELIGIBLE
                + " AND id IN (SELECT id FROM candidate)" + ORDER
                + "FETCH FIRST " + claim.limit() + " ROWS ONLY FOR UPDATE SKIP LOCKED)"
                + " UPDATE " + TABLE + " t SET claim_owner = ?, claim_until = ? FROM picked WHERE t.id = picked.id"
                + " RETURNING picked.previous AS previous_claim, "
                + TransactionRows.COLUMNS.replaceAll("(^|, )", "$1t.");
        List<Candidate> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (CandidateRead read : CANDIDATE_READS) i = read.bind(ps, i, now, expiredSince);
            Jdbc.setInstant(ps, i++, expiredSince);
            Jdbc.setInstant(ps, i++, now);
            ps.setString(i++, claim.owner());
            Jdbc.setInstant(ps, i, until);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(new Candidate(Jdbc.instant(rs, "previous_claim"), TransactionRows.read(rs)));
            }
        }
        rows.sort(CLAIM_ORDER); // RETURNING has no order: restore the claim order
        return rows.stream().map(Candidate::transaction).toList();
    }

    /**
     * Portable: read candidates, then lease each with a conditional UPDATE; a row another node took
     * is skipped. The candidates come from {@link #CANDIDATE_READS}, merged in Java: one read with
     * the ORs of {@link #ELIGIBLE} scans and sorts the whole table, every batch, on H2.
     */
    private List<Transaction> claimRowByRow(
            Connection c, ReconciliationClaim claim, Instant now, Instant expiredSince, Instant until)
            throws SQLException {
        int wanted = 2 * claim.limit();
        List<Candidate> candidates = new ArrayList<>();
        for (CandidateRead read : CANDIDATE_READS) {
            try (PreparedStatement ps = c.prepareStatement(read.select(wanted))) {
                read.bind(ps, 1, now, expiredSince);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next())
                        candidates.add(new Candidate(Jdbc.instant(rs, "previous_claim"), TransactionRows.read(rs)));
                }
            }
        }
        candidates.sort(CLAIM_ORDER);
        if (candidates.size() > wanted)
            candidates.subList(wanted, candidates.size()).clear();
        List<Transaction> won = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET claim_owner = ?, claim_until = ?"
                + " WHERE id = ? AND status IN ('PENDING', 'EXPIRED') AND (claim_until IS NULL OR claim_until <= ?)")) {
            for (Candidate candidate : candidates) {
                if (won.size() == claim.limit()) break;
                Transaction t = candidate.transaction();
                ps.setString(1, claim.owner());
                Jdbc.setInstant(ps, 2, until);
                ps.setObject(3, t.id());
                Jdbc.setInstant(ps, 4, now);
                if (ps.executeUpdate() == 1) won.add(t);
            }
        }
        return won;
    }

    @Override
    public List<Transaction> findFinalChangedBetween(Instant from, Instant to, int limit) {
        if (limit < 1 || limit > 1000) throw new IllegalArgumentException("limit must be 1 to 1000, was " + limit);
        return jdbc.autoCommit("listing changed transactions", c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE updated_at >= ? AND updated_at < ?"
                    + " AND status IN ('SUCCESS', 'FAILED', 'EXPIRED') ORDER BY updated_at, id FETCH FIRST " + limit
                    + " ROWS ONLY")) {
                Jdbc.setInstant(ps, 1, from);
                Jdbc.setInstant(ps, 2, to);
                List<Transaction> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(TransactionRows.read(rs));
                }
                return out;
            }
        });
    }

    @Override
    public List<Transaction> search(TransactionSearch search) {
        Objects.requireNonNull(search, "search");
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (search.id() != null) {
            where.append(" AND id = ?");
            params.add(search.id());
        }
        if (search.md5() != null) {
            where.append(" AND md5 = ?");
            params.add(search.md5());
        }
        if (search.status() != null) {
            where.append(" AND status = ?");
            params.add(search.status().name());
        }
        if (search.merchantId() != null) {
            where.append(" AND merchant_id = ?");
            params.add(search.merchantId());
        }
        if (search.before() != null) {
            // keyset paging: rows strictly after the previous page's last one in (created_at, id) DESC order
            where.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
            params.add(search.before().createdAt());
            params.add(search.before().createdAt());
            params.add(search.before().id());
        }
        String sql = SELECT + where + " ORDER BY created_at DESC, id DESC FETCH FIRST " + search.limit() + " ROWS ONLY";
        return jdbc.autoCommit("searching transactions", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    if (params.get(i) instanceof Instant t) Jdbc.setInstant(ps, i + 1, t);
                    else ps.setObject(i + 1, params.get(i));
                }
                List<Transaction> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(TransactionRows.read(rs));
                }
                return out;
            }
        });
    }

    @Override
    public List<StatusCount> countPerMinute(Instant from, Instant to) {
        Instant start = TransactionStore.checkCountWindow(from, to);
        // epoch minutes, the same on both databases whatever the session's time zone
        String minute = "FLOOR(EXTRACT(EPOCH FROM created_at) / 60)";
        String sql = "SELECT " + minute + " AS epoch_minute, status, COUNT(*) AS n FROM " + TABLE
                + " WHERE created_at >= ? AND created_at < ? GROUP BY " + minute
                + ", status ORDER BY epoch_minute, status";
        return jdbc.autoCommit("counting transactions per minute", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Jdbc.setInstant(ps, 1, start);
                Jdbc.setInstant(ps, 2, to);
                List<StatusCount> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StatusCount(
                                Instant.ofEpochSecond(rs.getLong("epoch_minute") * 60),
                                PaymentStatus.valueOf(rs.getString("status")),
                                rs.getLong("n")));
                    }
                }
                out.sort(Comparator.comparing(StatusCount::minute).thenComparing(StatusCount::status));
                return out;
            }
        });
    }

    private Optional<Transaction> find(String what, String where, Object... params) {
        return jdbc.autoCommit(what, c -> findOne(c, where, params));
    }

    private static Optional<Transaction> findOne(Connection c, String where, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(TransactionRows.read(rs)) : Optional.empty();
            }
        }
    }
}
