package dev.bakongpay.it;

import dev.bakongpay.testsupport.Service;
import dev.bakongpay.testsupport.Services;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The machine's services the tests need: PostgreSQL, Redis, Chromium. Missing, a test skips with a
 * visible reason, except under {@code CI=true}, where it fails loudly ({@link Services}, the rule
 * every module's tests share).
 */
final class Infra {
    static final String PG_URL = Services.postgresUrl();
    static final Path CHROMIUM = Services.chromium();
    static final Path CHROMEDRIVER = Services.chromedriver();

    private Infra() {}

    /** Skips (visibly) or, under CI=true, fails. */
    static void missing(String reason, Throwable cause) {
        Services.missing(reason, cause);
    }

    /** A PostgreSQL schema of its own for one test class; {@link #close()} drops it. */
    static final class PgSchema implements AutoCloseable {
        final String name;
        final String url;

        private PgSchema(String name) {
            this.name = name;
            this.url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        static PgSchema create(String prefix) {
            byte[] random = new byte[5];
            ThreadLocalRandom.current().nextBytes(random);
            String name = "it_" + prefix + "_" + HexFormat.of().formatHex(random);
            try {
                DriverManager.setLoginTimeout(5);
                try (Connection c = DriverManager.getConnection(PG_URL)) {
                    c.createStatement().execute("CREATE SCHEMA " + name);
                }
            } catch (SQLException e) {
                missing(
                        "PostgreSQL not reachable at " + PG_URL + ": " + e.getMessage()
                                + " (start it or set BAKONGPAY_TEST_PG_URL)",
                        e);
            }
            return new PgSchema(name);
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url);
        }

        @Override
        public void close() {
            try (Connection c = DriverManager.getConnection(PG_URL)) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            } catch (SQLException e) {
                System.err.println("[bakongpay-it] could not drop schema " + name + ": " + e.getMessage());
            }
        }
    }

    /**
     * A Redis URL for one test class. Rate-limit buckets are keyed by the API key, and every test
     * seeds keys of its own (random), so sharing the instance with other users is safe.
     */
    static String redisUrl() {
        Services.require(Service.REDIS);
        return Services.redisUrl();
    }

    /** Debian's chromium and chromium-driver (apt-get install chromium chromium-driver fonts-noto-core). */
    static void requireChromium() {
        Services.require(Service.CHROMIUM);
    }

    /** A random suffix for API keys, so that tests sharing one Redis never share a bucket. */
    static String random(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
