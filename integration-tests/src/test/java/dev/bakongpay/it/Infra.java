package dev.bakongpay.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's services the tests need: PostgreSQL, Redis, Chromium. Missing, a test skips with a
 * visible reason, except under {@code CI=true}, where it fails loudly.
 */
final class Infra {
    static final String PG_URL = System.getenv().getOrDefault("BAKONGPAY_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    static final String REDIS_HOST = "127.0.0.1";
    static final int REDIS_PORT = 6379;
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("BAKONGPAY_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("BAKONGPAY_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Infra() {}

    static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Skips (visibly) or, under CI=true, fails. */
    static void missing(String reason, Throwable cause) {
        if (ci()) throw new IllegalStateException("CI=true and " + reason, cause);
        System.err.println("[bakongpay-it] SKIPPED: " + reason);
        Assumptions.abort(reason);
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
                missing("PostgreSQL not reachable at " + PG_URL + ": " + e.getMessage()
                        + " (start it or set BAKONGPAY_TEST_PG_URL)", e);
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
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(REDIS_HOST, REDIS_PORT), 2000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[7];
            int n = in.read(buf);
            String answer = n > 0 ? new String(buf, 0, n, StandardCharsets.US_ASCII) : "";
            if (!answer.startsWith("+PONG")) missing("Redis at " + REDIS_HOST + ":" + REDIS_PORT + " answered '" + answer.strip() + "' to PING", null);
        } catch (IOException e) {
            missing("Redis not reachable at " + REDIS_HOST + ":" + REDIS_PORT + ": " + e.getMessage(), e);
        }
        return "redis://" + REDIS_HOST + ":" + REDIS_PORT;
    }

    /** Debian's chromium and chromium-driver (apt-get install chromium chromium-driver fonts-noto-core). */
    static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            missing("headless Chromium needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver fonts-noto-core)", null);
        }
    }

    /** A random suffix for API keys, so that tests sharing one Redis never share a bucket. */
    static String random(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
