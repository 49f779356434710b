package dev.bakongpay.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * Databases for the adapter's tests. PostgreSQL comes from {@code -Dbakongpay.test.pg.url} or env
 * {@code BAKONGPAY_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres});
 * each test class gets its own schema, dropped afterwards, so runs repeat and other modules may
 * share the database. Without PostgreSQL the tests are skipped with the reason, unless
 * {@code CI=true}, where they fail.
 */
final class TestDatabases {
    static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private TestDatabases() {}

    static String postgresUrl() {
        String url = System.getProperty("bakongpay.test.pg.url");
        if (url == null || url.isBlank()) url = System.getenv("BAKONGPAY_TEST_PG_URL");
        return url == null || url.isBlank() ? DEFAULT_PG_URL : url;
    }

    static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips the calling test class (or fails it on CI) when PostgreSQL does not answer. */
    static void requirePostgres() {
        String url = postgresUrl();
        try {
            DriverManager.setLoginTimeout(5);
            try (Connection c = DriverManager.getConnection(url)) {
                c.isValid(5);
            }
        } catch (SQLException e) {
            String reason = "PostgreSQL not reachable at " + url + ": " + e.getMessage();
            if (ci()) throw new IllegalStateException("CI=true and " + reason);
            String message = reason + " (skipping; start it or set BAKONGPAY_TEST_PG_URL)";
            System.err.println("[bakongpay-test] SKIPPED: " + message); // visible in the build log, not only in reports
            Assumptions.abort(message);
        }
    }

    static String uniqueName(String prefix) {
        byte[] b = new byte[5];
        ThreadLocalRandom.current().nextBytes(b);
        return prefix + "_" + HexFormat.of().formatHex(b);
    }

    static void createSchema(String schema) {
        execute(postgresUrl(), "CREATE SCHEMA " + schema);
    }

    static void dropSchema(String schema) {
        execute(postgresUrl(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    /** A pool on PostgreSQL whose connections work in {@code schema}. */
    static HikariDataSource postgresPool(String schema, int size) {
        return postgresPool(schema, size, schema);
    }

    /** A pool whose connections carry {@code applicationName}, so a test can find and kill them. */
    static HikariDataSource postgresPool(String schema, int size, String applicationName) {
        HikariConfig c = new HikariConfig();
        c.addDataSourceProperty("ApplicationName", applicationName);
        c.setJdbcUrl(postgresUrl());
        c.setSchema(schema);
        c.setMaximumPoolSize(size);
        c.setPoolName(schema);
        return new HikariDataSource(c);
    }

    /** A pool on any JDBC URL (H2). */
    static HikariDataSource pool(String url, int size) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setMaximumPoolSize(size);
        return new HikariDataSource(c);
    }
}
