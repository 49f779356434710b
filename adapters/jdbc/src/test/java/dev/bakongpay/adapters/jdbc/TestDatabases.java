package dev.bakongpay.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.bakongpay.testsupport.Services;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Databases for the adapter's tests. PostgreSQL comes from {@code -Dbakongpay.test.pg.url} or env
 * {@code BAKONGPAY_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres});
 * each test class gets its own schema, dropped afterwards, so runs repeat and other modules may
 * share the database. Without PostgreSQL the tests are skipped with the reason, unless
 * {@code CI=true}, where they fail ({@code @RequiresService(Service.POSTGRESQL)} on the test class).
 */
final class TestDatabases {
    static final String DEFAULT_PG_URL = Services.DEFAULT_PG_URL;

    private TestDatabases() {}

    static String postgresUrl() {
        return Services.postgresUrl();
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
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
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
