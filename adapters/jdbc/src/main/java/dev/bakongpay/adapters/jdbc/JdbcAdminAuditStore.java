package dev.bakongpay.adapters.jdbc;

import dev.bakongpay.spi.AdminAuditEntry;
import dev.bakongpay.spi.AdminAuditStore;
import dev.bakongpay.spi.ApiKeyStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** {@link AdminAuditStore} on PostgreSQL or H2: one row per entry, never updated. */
public final class JdbcAdminAuditStore implements AdminAuditStore {
    private static final String TABLE = "bakongpay_admin_audit";

    private final Jdbc jdbc;

    public JdbcAdminAuditStore(DataSource dataSource) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void append(AdminAuditEntry e) {
        Objects.requireNonNull(e, "entry");
        jdbc.autoCommit("writing an audit entry", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                    + " (occurred_at, actor, action, key_id," + " detail) VALUES (?, ?, ?, ?, ?)")) {
                Jdbc.setInstant(ps, 1, e.at());
                ps.setString(2, e.actor());
                ps.setString(3, e.action());
                ps.setString(4, e.keyId());
                ps.setString(5, e.detail());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<AdminAuditEntry> list(int limit) {
        ApiKeyStore.checkLimit(limit, MAX_LIST);
        return jdbc.autoCommit("reading the audit trail", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT occurred_at, actor, action, key_id, detail FROM "
                            + TABLE + " ORDER BY occurred_at DESC, seq DESC FETCH FIRST " + limit + " ROWS ONLY");
                    ResultSet rs = ps.executeQuery()) {
                List<AdminAuditEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new AdminAuditEntry(
                            Jdbc.instant(rs, "occurred_at"),
                            rs.getString("actor"),
                            rs.getString("action"),
                            rs.getString("key_id"),
                            rs.getString("detail")));
                }
                return out;
            }
        });
    }
}
