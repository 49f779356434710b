package dev.bakongpay.adapters.jdbc;

import dev.bakongpay.spi.StoreException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import javax.sql.DataSource;

/** Connection handling and column conversions shared by the JDBC stores. */
final class Jdbc {
    static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} on a connection in auto-commit mode: each statement commits by itself.
     * A host pool that hands out connections with auto-commit off gets them back as they were.
     */
    <T> T autoCommit(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            if (!auto) c.setAutoCommit(true);
            try {
                return work.run(c);
            } finally {
                if (!auto) c.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Runs {@code work} in one database transaction, rolled back on any failure. A serialization
     * failure or deadlock (a host running SERIALIZABLE) is retried a few times, since the work is a
     * compare-and-set that re-reads its condition.
     */
    <T> T inTransaction(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (SQLException e) {
                if (attempt < 4 && isRetryable(e)) continue;
                throw failure(what, e);
            }
        }
    }

    private <T> T once(Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                try {
                    c.setAutoCommit(auto);
                } catch (SQLException ignored) {
                    // the connection is broken or going back to the pool; either way nothing to do
                }
            }
        }
    }

    private static boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    static StoreException failure(String what, SQLException e) {
        return new StoreException(what + " failed: " + e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
    }

    static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if (UNIQUE_VIOLATION.equals(x.getSQLState())) return true;
        }
        return false;
    }

    static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) ps.setObject(i, null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        else ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static BigDecimal amount(ResultSet rs, String column, String scaleColumn) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? null : v.setScale(rs.getInt(scaleColumn)); // exact: stored with at most 6 decimals
    }
}
