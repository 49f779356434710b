package dev.bakongpay.adapters.jdbc;

import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.UpstreamPayment;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.UUID;

/** Maps {@link Transaction} to and from the {@code bakongpay_transaction} table. */
final class TransactionRows {
    static final String TABLE = "bakongpay_transaction";
    static final String COLUMNS = "id, merchant_id, mode, md5, qr_string, amount, amount_scale, currency, bakong_id,"
            + " merchant_name, description, status, created_at, expires_at, updated_at, pay_hash, pay_from_account,"
            + " pay_to_account, pay_amount, pay_amount_scale, pay_currency, pay_acknowledged_at, pay_external_ref,"
            + " pay_instruction_ref, status_reason, late, attributes";
    static final String INSERT = "INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE + " ";
    /** The columns a transition sets, then {@code WHERE id = ? AND status = ?}. */
    static final String TRANSITION = "UPDATE " + TABLE + " SET status = ?, updated_at = ?, status_reason = ?, late = ?,"
            + " pay_hash = ?, pay_from_account = ?, pay_to_account = ?, pay_amount = ?, pay_amount_scale = ?,"
            + " pay_currency = ?, pay_acknowledged_at = ?, pay_external_ref = ?, pay_instruction_ref = ?"
            + " WHERE id = ? AND status = ?";

    private TransactionRows() {}

    static void bindInsert(PreparedStatement ps, Transaction t) throws SQLException {
        ps.setObject(1, t.id());
        ps.setString(2, t.merchantId());
        ps.setString(3, t.mode().name());
        ps.setString(4, t.md5());
        ps.setString(5, t.qrString());
        ps.setBigDecimal(6, t.amount());
        ps.setInt(7, t.amount().scale());
        ps.setString(8, t.currency());
        ps.setString(9, t.bakongId());
        ps.setString(10, t.merchantName());
        ps.setString(11, t.description());
        ps.setString(12, t.status().name());
        Jdbc.setInstant(ps, 13, t.createdAt());
        Jdbc.setInstant(ps, 14, t.expiresAt());
        Jdbc.setInstant(ps, 15, t.updatedAt());
        bindPayment(ps, 16, t.payment());
        ps.setString(25, t.statusReason());
        ps.setBoolean(26, t.late());
        ps.setString(27, AttributesJson.write(t.attributes()));
    }

    /** Binds the nine payment columns from {@code first}. */
    static void bindPayment(PreparedStatement ps, int first, UpstreamPayment p) throws SQLException {
        ps.setString(first, p == null ? null : p.hash());
        ps.setString(first + 1, p == null ? null : p.fromAccountId());
        ps.setString(first + 2, p == null ? null : p.toAccountId());
        ps.setBigDecimal(first + 3, p == null ? null : p.amount());
        if (p == null) ps.setNull(first + 4, Types.SMALLINT);
        else ps.setInt(first + 4, p.amount().scale());
        ps.setString(first + 5, p == null ? null : p.currency());
        Jdbc.setInstant(ps, first + 6, p == null ? null : p.acknowledgedAt());
        ps.setString(first + 7, p == null ? null : p.externalRef());
        ps.setString(first + 8, p == null ? null : p.instructionRef());
    }

    static Transaction read(ResultSet rs) throws SQLException {
        String hash = rs.getString("pay_hash");
        UpstreamPayment payment = hash == null
                ? null
                : new UpstreamPayment(
                        hash,
                        rs.getString("pay_from_account"),
                        rs.getString("pay_to_account"),
                        Jdbc.amount(rs, "pay_amount", "pay_amount_scale"),
                        rs.getString("pay_currency"),
                        Jdbc.instant(rs, "pay_acknowledged_at"),
                        rs.getString("pay_external_ref"),
                        rs.getString("pay_instruction_ref"));
        BigDecimal amount = Jdbc.amount(rs, "amount", "amount_scale");
        return new Transaction(
                rs.getObject("id", UUID.class),
                rs.getString("merchant_id"),
                PaymentMode.valueOf(rs.getString("mode")),
                rs.getString("md5"),
                rs.getString("qr_string"),
                amount,
                rs.getString("currency"),
                rs.getString("bakong_id"),
                rs.getString("merchant_name"),
                rs.getString("description"),
                PaymentStatus.valueOf(rs.getString("status")),
                Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "expires_at"),
                Jdbc.instant(rs, "updated_at"),
                payment,
                rs.getString("status_reason"),
                rs.getBoolean("late"),
                AttributesJson.read(rs.getString("attributes")));
    }
}
