package dev.bakongpay.adapters.jdbc;

import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.ApiKeyStore;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link ApiKeyStore} on PostgreSQL or H2. Operators' changes are single conditional UPDATEs. */
public final class JdbcApiKeyStore implements ApiKeyStore {
    private static final String TABLE = "bakongpay_api_key";
    private static final String COLUMNS = "key_id, key_hash, prefix, label, merchant_id, plan, mode, created_at,"
            + " last_used_at, expires_at, revoked_at";

    private final Jdbc jdbc;

    public JdbcApiKeyStore(DataSource dataSource) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void save(ApiKeyRecord r) {
        // UPDATE, else INSERT, else (someone inserted meanwhile) UPDATE: portable upsert without MERGE dialects
        jdbc.autoCommit("saving API key", c -> {
            if (update(c, r)) return null;
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO " + TABLE + " (key_id, prefix, label, plan, mode,"
                            + " active, created_at, last_used_at, expires_at, revoked_at, merchant_id, key_hash)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, r);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (!Jdbc.isUniqueViolation(e)) throw e;
                // another hash with the same id is a different key: never merge the two
                if (!update(c, r)) throw new StoreException("API key id " + r.id() + " is taken by another key");
            }
            return null;
        });
    }

    private static boolean update(Connection c, ApiKeyRecord r) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE " + TABLE + " SET key_id = ?, prefix = ?, label = ?, plan = ?,"
                        + " mode = ?, active = ?, created_at = ?, last_used_at = ?, expires_at = ?, revoked_at = ?, merchant_id = ?"
                        + " WHERE key_hash = ?")) {
            bind(ps, r);
            return ps.executeUpdate() == 1;
        }
    }

    private static void bind(PreparedStatement ps, ApiKeyRecord r) throws SQLException {
        ps.setString(1, r.id());
        ps.setString(2, r.prefix());
        ps.setString(3, r.label());
        ps.setString(4, r.plan().name());
        ps.setString(5, r.mode().name());
        ps.setBoolean(6, r.active());
        Jdbc.setInstant(ps, 7, r.createdAt());
        Jdbc.setInstant(ps, 8, r.lastUsedAt());
        Jdbc.setInstant(ps, 9, r.expiresAt());
        Jdbc.setInstant(ps, 10, r.revokedAt());
        ps.setString(11, r.merchantId());
        ps.setString(12, r.keyHash());
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String keyHash) {
        return jdbc.autoCommit("finding API key", c -> findOne(c, "key_hash", keyHash));
    }

    @Override
    public Optional<ApiKeyRecord> findById(String id) {
        return jdbc.autoCommit("finding API key", c -> findOne(c, "key_id", id));
    }

    private static Optional<ApiKeyRecord> findOne(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE " + column + " = ?")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public List<ApiKeyRecord> list(int limit) {
        ApiKeyStore.checkLimit(limit, MAX_LIST);
        return jdbc.autoCommit("listing API keys", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + TABLE
                            + " ORDER BY created_at DESC, key_id FETCH FIRST " + limit + " ROWS ONLY");
                    ResultSet rs = ps.executeQuery()) {
                List<ApiKeyRecord> out = new ArrayList<>();
                while (rs.next()) out.add(read(rs));
                return out;
            }
        });
    }

    private static ApiKeyRecord read(ResultSet rs) throws SQLException {
        return new ApiKeyRecord(
                rs.getString("key_id"),
                rs.getString("key_hash"),
                rs.getString("prefix"),
                rs.getString("label"),
                rs.getString("merchant_id"),
                Plan.valueOf(rs.getString("plan")),
                PaymentMode.valueOf(rs.getString("mode")),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "last_used_at"),
                Jdbc.instant(rs, "expires_at"),
                Jdbc.instant(rs, "revoked_at"));
    }

    @Override
    public boolean touch(String keyHash, Instant usedAt) {
        return jdbc.autoCommit("touching API key", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET last_used_at = ?"
                    + " WHERE key_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)")) {
                Jdbc.setInstant(ps, 1, usedAt);
                ps.setString(2, keyHash);
                Jdbc.setInstant(ps, 3, usedAt);
                if (ps.executeUpdate() == 1) return true;
            }
            return findOne(c, "key_hash", keyHash).isPresent();
        });
    }

    @Override
    public Optional<ApiKeyRecord> revokeById(String id, Instant at) {
        return change("revoking API key", "revoked_at = ?, active = FALSE", "revoked_at IS NULL", id, at);
    }

    @Override
    public Optional<ApiKeyRecord> expire(String id, Instant expiresAt) {
        return change("expiring API key", "expires_at = ?", "(expires_at IS NULL OR expires_at > ?)", id, expiresAt);
    }

    @Override
    public Optional<ApiKeyRecord> changePlan(String id, Plan plan) {
        Objects.requireNonNull(plan, "plan");
        return jdbc.autoCommit("changing the plan of API key", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET plan = ? WHERE key_id = ?")) {
                ps.setString(1, plan.name());
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return findOne(c, "key_id", id);
        });
    }

    @Override
    public boolean anyActive() {
        return jdbc.autoCommit("looking for a usable API key", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + TABLE
                    + " WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > CURRENT_TIMESTAMP)")) {
                ps.setMaxRows(1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** {@code SET <set> WHERE key_id = ? AND <unless>}, the instant bound to every {@code ?} of both; then the row. */
    private Optional<ApiKeyRecord> change(String what, String set, String condition, String id, Instant at) {
        Objects.requireNonNull(at, "instant");
        return jdbc.autoCommit(what, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE " + TABLE + " SET " + set + " WHERE key_id = ? AND " + condition)) {
                Jdbc.setInstant(ps, 1, at);
                ps.setString(2, id);
                if (condition.contains("?")) Jdbc.setInstant(ps, 3, at);
                ps.executeUpdate();
            }
            return findOne(c, "key_id", id);
        });
    }
}
