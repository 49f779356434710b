package dev.bakongpay.server;

import dev.bakongpay.testsupport.Services;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * PostgreSQL for tests: {@code BAKONGPAY_TEST_PG_URL}, default 127.0.0.1:5432 db {@code test} with
 * trust auth. Absent, the tests skip with a visible reason, except under {@code CI=true}, where they fail.
 */
final class TestPostgres {
    static final String URL = Services.postgresUrl();

    private TestPostgres() {}

    /** A fresh schema on the test database, and a URL whose connections work in it. */
    static String freshSchemaUrl() {
        byte[] random = new byte[5];
        ThreadLocalRandom.current().nextBytes(random);
        String schema = "server_" + HexFormat.of().formatHex(random);
        try {
            DriverManager.setLoginTimeout(5);
            try (Connection c = DriverManager.getConnection(URL)) {
                c.createStatement().execute("CREATE SCHEMA " + schema);
            }
        } catch (SQLException e) {
            Services.missing(
                    "PostgreSQL not reachable at " + URL + ": " + e.getMessage()
                            + " (start it or set BAKONGPAY_TEST_PG_URL)",
                    e);
        }
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
