package dev.bakongpay.adapters.jdbc;

import dev.bakongpay.spi.IdempotencyRecord;
import dev.bakongpay.spi.IdempotencyStore;
import dev.bakongpay.spi.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link IdempotencyStore} on PostgreSQL or H2: the primary key (merchant_id, idem_key) decides who is first. */
public final class JdbcIdempotencyStore implements IdempotencyStore {
    private static final String TABLE = "bakongpay_idempotency_key";
    private static final String SELECT =
            "SELECT merchant_id, idem_key, request_fingerprint, status_code, response_body," + " created_at FROM "
                    + TABLE + " WHERE merchant_id = ? AND idem_key = ?";

    private final Jdbc jdbc;
    private final GroupCommit writes;

    public JdbcIdempotencyStore(DataSource dataSource) {
        this(new Jdbc(Objects.requireNonNull(dataSource, "dataSource")), null);
    }

    /** With {@code writes} shared with the other stores of one {@link JdbcStorage}, so a create's writes share commits. */
    JdbcIdempotencyStore(Jdbc jdbc, GroupCommit writes) {
        this.jdbc = jdbc;
        this.writes = writes != null ? writes : new GroupCommit(jdbc);
    }

    /** Reservations and completions share commits with concurrent writes ({@link GroupCommit}). */
    @Override
    public Optional<IdempotencyRecord> putIfAbsent(IdempotencyRecord r) {
        return writes.run("storing idempotency key", c -> {
            for (int attempt = 0; attempt < 5; attempt++) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (merchant_id, idem_key,"
                        + " request_fingerprint, status_code, response_body, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, r.merchantId());
                    ps.setString(2, r.key());
                    ps.setString(3, r.requestFingerprint());
                    if (r.statusCode() == null) ps.setNull(4, Types.INTEGER);
                    else ps.setInt(4, r.statusCode());
                    ps.setString(5, r.responseBody());
                    Jdbc.setInstant(ps, 6, r.createdAt());
                    ps.executeUpdate();
                    return Optional.<IdempotencyRecord>empty();
                } catch (SQLException e) {
                    if (!Jdbc.isUniqueViolation(e)) throw e;
                }
                Optional<IdempotencyRecord> existing = select(c, r.merchantId(), r.key());
                if (existing.isPresent()) return existing; // else it was deleted meanwhile: try again
            }
            throw new StoreException("idempotency key " + r.key() + " kept appearing and vanishing; giving up");
        });
    }

    @Override
    public Optional<IdempotencyRecord> find(String merchantId, String key) {
        return jdbc.autoCommit("finding idempotency key", c -> select(c, merchantId, key));
    }

    @Override
    public boolean complete(String merchantId, String key, int statusCode, String responseBody) {
        new IdempotencyRecord(merchantId, key, "check", statusCode, responseBody, Instant.EPOCH); // validates
        return writes.run("completing idempotency key", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET status_code = ?, response_body = ?"
                    + " WHERE merchant_id = ? AND idem_key = ? AND status_code IS NULL")) {
                ps.setInt(1, statusCode);
                ps.setString(2, responseBody);
                ps.setString(3, merchantId);
                ps.setString(4, key);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean delete(String merchantId, String key) {
        return jdbc.autoCommit("deleting idempotency key", c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM " + TABLE + " WHERE merchant_id = ? AND idem_key = ?")) {
                ps.setString(1, merchantId);
                ps.setString(2, key);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int purgeCreatedBefore(Instant cutoff) {
        return jdbc.autoCommit("purging idempotency keys", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE created_at < ?")) {
                Jdbc.setInstant(ps, 1, cutoff);
                return ps.executeUpdate();
            }
        });
    }

    private static Optional<IdempotencyRecord> select(Connection c, String merchantId, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT)) {
            ps.setString(1, merchantId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                int status = rs.getInt("status_code");
                Integer code = rs.wasNull() ? null : status;
                return Optional.of(new IdempotencyRecord(
                        rs.getString("merchant_id"),
                        rs.getString("idem_key"),
                        rs.getString("request_fingerprint"),
                        code,
                        rs.getString("response_body"),
                        Jdbc.instant(rs, "created_at")));
            }
        }
    }
}
