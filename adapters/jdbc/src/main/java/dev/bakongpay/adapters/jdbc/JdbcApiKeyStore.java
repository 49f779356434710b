package dev.bakongpay.adapters.jdbc;

import dev.bakongpay.spi.ApiKeyRecord;
import dev.bakongpay.spi.ApiKeyStore;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link ApiKeyStore} on PostgreSQL or H2. */
public final class JdbcApiKeyStore implements ApiKeyStore {
    private static final String TABLE = "bakongpay_api_key";

    private final Jdbc jdbc;

    public JdbcApiKeyStore(DataSource dataSource) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void save(ApiKeyRecord r) {
        // UPDATE, else INSERT, else (someone inserted meanwhile) UPDATE: portable upsert without MERGE dialects
        jdbc.autoCommit("saving API key", c -> {
            if (update(c, r)) return null;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (plan, mode, active, created_at,"
                    + " last_used_at, merchant_id, key_hash) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, r);
                ps.executeUpdate();
            } catch (SQLException e) {
                if (!Jdbc.isUniqueViolation(e)) throw e;
                update(c, r);
            }
            return null;
        });
    }

    private static boolean update(Connection c, ApiKeyRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET plan = ?, mode = ?, active = ?,"
                + " created_at = ?, last_used_at = ?, merchant_id = ? WHERE key_hash = ?")) {
            bind(ps, r);
            return ps.executeUpdate() == 1;
        }
    }

    private static void bind(PreparedStatement ps, ApiKeyRecord r) throws SQLException {
        ps.setString(1, r.plan().name());
        ps.setString(2, r.mode().name());
        ps.setBoolean(3, r.active());
        Jdbc.setInstant(ps, 4, r.createdAt());
        Jdbc.setInstant(ps, 5, r.lastUsedAt());
        ps.setString(6, r.merchantId());
        ps.setString(7, r.keyHash());
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String keyHash) {
        return jdbc.autoCommit("finding API key", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT key_hash, merchant_id, plan, mode, active, created_at,"
                    + " last_used_at FROM " + TABLE + " WHERE key_hash = ?")) {
                ps.setString(1, keyHash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new ApiKeyRecord(rs.getString("key_hash"), rs.getString("merchant_id"),
                            Plan.valueOf(rs.getString("plan")), PaymentMode.valueOf(rs.getString("mode")),
                            rs.getBoolean("active"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "last_used_at")));
                }
            }
        });
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
            return exists(c, keyHash);
        });
    }

    @Override
    public boolean revoke(String keyHash) {
        return jdbc.autoCommit("revoking API key", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET active = FALSE WHERE key_hash = ?")) {
                ps.setString(1, keyHash);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean anyActive() {
        return jdbc.autoCommit("looking for an active API key", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + TABLE + " WHERE active = TRUE")) {
                ps.setMaxRows(1);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static boolean exists(Connection c, String keyHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + TABLE + " WHERE key_hash = ?")) {
            ps.setString(1, keyHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
