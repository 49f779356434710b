package dev.bakongpay.adapters.jdbc;

import dev.bakongpay.spi.WebhookDelivery;
import dev.bakongpay.spi.WebhookDeliveryQuery;
import dev.bakongpay.spi.WebhookDeliveryState;
import dev.bakongpay.spi.WebhookDeliveryStore;
import dev.bakongpay.spi.WebhookEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@link WebhookDeliveryStore} on PostgreSQL or H2. Recording is one INSERT that the primary key
 * (the event id) makes idempotent; every state change is one conditional UPDATE. Claims are
 * leases ({@code lease_owner}, {@code lease_until}) taken with {@code FOR UPDATE SKIP LOCKED} on
 * PostgreSQL and with per-row conditional UPDATEs elsewhere, like the transactions' claims.
 */
public final class JdbcWebhookDeliveryStore implements WebhookDeliveryStore {
    static final String TABLE = "bakongpay_webhook_delivery";
    private static final String COLUMNS =
            "event_id, transaction_id, merchant_id, event_type, payload, created_at, state,"
                    + " attempts, next_attempt_at, last_attempt_at, last_error, lease_owner, lease_until";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE + " ";
    private static final String INSERT = "INSERT INTO " + TABLE + " (event_id, transaction_id, merchant_id, event_type,"
            + " payload, created_at, state, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)";
    private static final String DUE =
            " WHERE state = 'PENDING' AND next_attempt_at <= ?" + " AND (lease_until IS NULL OR lease_until <= ?) ";
    private static final String ORDER = " ORDER BY next_attempt_at, created_at, event_id ";

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcWebhookDeliveryStore(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean record(WebhookEvent e) {
        Instant now = clock.instant();
        return jdbc.autoCommit("recording webhook event " + e.eventId(), c -> {
            boolean postgres = Jdbc.isPostgres(c);
            // PostgreSQL: no error (and no error line in its log) when the event is already there
            try (PreparedStatement ps =
                    c.prepareStatement(postgres ? INSERT + " ON CONFLICT (event_id) DO NOTHING" : INSERT)) {
                ps.setString(1, e.eventId());
                ps.setObject(2, e.transactionId());
                ps.setString(3, e.merchantId());
                ps.setString(4, e.type());
                ps.setString(5, e.payload());
                Jdbc.setInstant(ps, 6, e.createdAt());
                Jdbc.setInstant(ps, 7, now);
                return ps.executeUpdate() == 1;
            } catch (SQLException x) {
                if (Jdbc.isUniqueViolation(x)) return false;
                throw x;
            }
        });
    }

    @Override
    public List<WebhookDelivery> claimDue(String owner, int limit, Duration lease) {
        WebhookDeliveryStore.checkClaim(owner, limit, lease);
        Instant now = clock.instant();
        Instant until = now.plus(lease);
        List<WebhookDelivery> claimed = jdbc.autoCommit(
                "claiming webhook deliveries",
                c -> Jdbc.isPostgres(c)
                        ? claimSkipLocked(c, owner, limit, now, until)
                        : claimRowByRow(c, owner, limit, now, until));
        claimed.sort(Comparator.comparing(WebhookDelivery::nextAttemptAt)
                .thenComparing(d -> d.event().createdAt()));
        return claimed;
    }

    /** One statement: rows locked by a concurrent claimer are skipped, not waited for. */
    private static List<WebhookDelivery> claimSkipLocked(
            Connection c, String owner, int limit, Instant now, Instant until) throws SQLException {
        String sql = "WITH picked AS (SELECT event_id FROM " + TABLE + DUE + ORDER + "FETCH FIRST " + limit
                + " ROWS ONLY FOR UPDATE SKIP LOCKED) UPDATE " + TABLE + " w SET lease_owner = ?, lease_until = ?"
                + " FROM picked WHERE w.event_id = picked.event_id RETURNING " + COLUMNS.replaceAll("(^|, )", "$1w.");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.setInstant(ps, 1, now);
            Jdbc.setInstant(ps, 2, now);
            ps.setString(3, owner);
            Jdbc.setInstant(ps, 4, until);
            return readAll(ps);
        }
    }

    /** Portable: read candidates, then lease each with a conditional UPDATE; a row another node took is skipped. */
    private static List<WebhookDelivery> claimRowByRow(
            Connection c, String owner, int limit, Instant now, Instant until) throws SQLException {
        List<WebhookDelivery> candidates;
        try (PreparedStatement ps =
                c.prepareStatement(SELECT + DUE + ORDER + "FETCH FIRST " + (2 * limit) + " ROWS ONLY")) {
            Jdbc.setInstant(ps, 1, now);
            Jdbc.setInstant(ps, 2, now);
            candidates = readAll(ps);
        }
        List<WebhookDelivery> won = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE " + TABLE + " SET lease_owner = ?, lease_until = ?"
                        + " WHERE event_id = ? AND state = 'PENDING' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)")) {
            for (WebhookDelivery d : candidates) {
                if (won.size() == limit) break;
                ps.setString(1, owner);
                Jdbc.setInstant(ps, 2, until);
                ps.setString(3, d.eventId());
                Jdbc.setInstant(ps, 4, now);
                Jdbc.setInstant(ps, 5, now);
                if (ps.executeUpdate() == 1) {
                    won.add(new WebhookDelivery(
                            d.event(),
                            d.state(),
                            d.attempts(),
                            d.nextAttemptAt(),
                            d.lastAttemptAt(),
                            d.lastError(),
                            owner,
                            until));
                }
            }
        }
        return won;
    }

    @Override
    public boolean markDelivered(String eventId) {
        Instant now = clock.instant();
        return update(
                "marking webhook event " + eventId + " delivered",
                "UPDATE " + TABLE
                        + " SET state = 'DELIVERED', attempts = attempts + 1, next_attempt_at = ?, last_attempt_at = ?,"
                        + " lease_owner = NULL, lease_until = NULL WHERE event_id = ? AND state = 'PENDING'",
                now,
                now,
                eventId);
    }

    @Override
    public boolean retryLater(String eventId, String owner, Instant nextAttemptAt, String error) {
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        return update(
                "scheduling webhook event " + eventId,
                "UPDATE " + TABLE
                        + " SET attempts = attempts + 1, next_attempt_at = ?, last_attempt_at = ?, last_error = ?,"
                        + " lease_owner = NULL, lease_until = NULL WHERE event_id = ? AND state = 'PENDING' AND lease_owner = ?",
                nextAttemptAt,
                clock.instant(),
                truncate(error),
                eventId,
                owner);
    }

    @Override
    public boolean giveUp(String eventId, String owner, String error) {
        Instant now = clock.instant();
        return update(
                "giving up webhook event " + eventId,
                "UPDATE " + TABLE
                        + " SET state = 'DEAD', attempts = attempts + 1, next_attempt_at = ?, last_attempt_at = ?, last_error = ?,"
                        + " lease_owner = NULL, lease_until = NULL WHERE event_id = ? AND state = 'PENDING' AND lease_owner = ?",
                now,
                now,
                truncate(error),
                eventId,
                owner);
    }

    @Override
    public long count(WebhookDeliveryState state) {
        Objects.requireNonNull(state, "state");
        return jdbc.autoCommit("counting " + state + " webhook deliveries", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + TABLE + " WHERE state = ?")) {
                ps.setString(1, state.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public List<WebhookDelivery> findDead(int limit) {
        WebhookDeliveryStore.checkLimit(limit);
        return jdbc.autoCommit("listing dead webhook deliveries", c -> {
            // (state, next_attempt_at) is the due index; a DEAD row's next_attempt_at is when it was given up
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE state = 'DEAD'"
                    + " ORDER BY state DESC, next_attempt_at DESC, event_id DESC FETCH FIRST " + limit
                    + " ROWS ONLY")) {
                return readAll(ps);
            }
        });
    }

    @Override
    public boolean redeliver(String eventId) {
        return update(
                "redelivering webhook event " + eventId,
                "UPDATE " + TABLE
                        + " SET state = 'PENDING', attempts = 0, next_attempt_at = ?, lease_owner = NULL, lease_until = NULL"
                        + " WHERE event_id = ? AND state = 'DEAD'",
                clock.instant(),
                eventId);
    }

    @Override
    public List<WebhookDelivery> list(WebhookDeliveryQuery query) {
        Objects.requireNonNull(query, "query");
        String where = query.state() != null ? "WHERE state = '" + query.state().name() + "'" : "WHERE 1 = 1";
        if (query.failedOnly()) where += " AND (state = 'DEAD' OR (state = 'PENDING' AND attempts > 0))";
        String sql =
                SELECT + where + " ORDER BY created_at DESC, event_id DESC FETCH FIRST " + query.limit() + " ROWS ONLY";
        return jdbc.autoCommit("listing webhook deliveries", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                return readAll(ps);
            }
        });
    }

    @Override
    public boolean retryNow(String eventId) {
        Instant now = clock.instant();
        return update(
                "retrying webhook event " + eventId + " now",
                "UPDATE " + TABLE
                        + " SET next_attempt_at = ?, lease_owner = NULL, lease_until = NULL WHERE event_id = ?"
                        + " AND state = 'PENDING' AND attempts > 0 AND (lease_until IS NULL OR lease_until <= ?)",
                now,
                eventId,
                now);
    }

    @Override
    public Optional<WebhookDelivery> find(String eventId) {
        return jdbc.autoCommit("finding webhook event " + eventId, c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE event_id = ?")) {
                ps.setString(1, eventId);
                return readAll(ps).stream().findFirst();
            }
        });
    }

    @Override
    public List<WebhookDelivery> findByTransaction(UUID transactionId) {
        return jdbc.autoCommit("finding webhook events of transaction " + transactionId, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement(SELECT + "WHERE transaction_id = ? ORDER BY created_at, event_id")) {
                ps.setObject(1, transactionId);
                return readAll(ps);
            }
        });
    }

    private boolean update(String what, String sql, Object... params) {
        return jdbc.autoCommit(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    if (params[i] instanceof Instant t) Jdbc.setInstant(ps, i + 1, t);
                    else ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 512 ? error : error.substring(0, 512);
    }

    private static List<WebhookDelivery> readAll(PreparedStatement ps) throws SQLException {
        List<WebhookDelivery> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                WebhookEvent e = new WebhookEvent(
                        rs.getString("event_id"),
                        rs.getObject("transaction_id", UUID.class),
                        rs.getString("merchant_id"),
                        rs.getString("event_type"),
                        rs.getString("payload"),
                        Jdbc.instant(rs, "created_at"));
                out.add(new WebhookDelivery(
                        e,
                        WebhookDeliveryState.valueOf(rs.getString("state")),
                        rs.getInt("attempts"),
                        Jdbc.instant(rs, "next_attempt_at"),
                        Jdbc.instant(rs, "last_attempt_at"),
                        rs.getString("last_error"),
                        rs.getString("lease_owner"),
                        Jdbc.instant(rs, "lease_until")));
            }
        }
        return out;
    }
}
