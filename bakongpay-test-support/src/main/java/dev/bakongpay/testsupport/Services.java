package dev.bakongpay.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The one rule for tests that need a service of the machine: missing, a test is skipped with a
 * visible reason (printed to the build log, not only the report), except under {@code CI=true},
 * where it fails loudly. Also where each service is: PostgreSQL from {@code -Dbakongpay.test.pg.url}
 * or {@code BAKONGPAY_TEST_PG_URL} (default {@value #DEFAULT_PG_URL}), Redis from
 * {@code -Dbakongpay.test.redis.url} or {@code BAKONGPAY_TEST_REDIS_URL} (default
 * {@value #DEFAULT_REDIS_URL}), Chromium from {@code BAKONGPAY_TEST_CHROMIUM} and
 * {@code BAKONGPAY_TEST_CHROMEDRIVER} (Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}).
 */
public final class Services {
    public static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    public static final String DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

    private Services() {}

    /** Whether this run is CI's ({@code CI=true}), where a missing service is a failure. */
    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * A service is missing: under {@code CI=true} this throws {@link IllegalStateException};
     * otherwise it prints the reason and aborts the test (JUnit reports it skipped, with the reason).
     */
    public static void missing(String reason, Throwable cause) {
        if (ci()) throw new IllegalStateException("CI=true and " + reason, cause);
        System.err.println("[bakongpay-test] SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    /** Every service answers, or {@link #missing} with the first that does not. */
    public static void require(Service... services) {
        for (Service s : services) {
            Optional<Problem> p = probe(s);
            if (p.isPresent()) missing(p.get().reason(), p.get().cause());
        }
    }

    /** Why {@code service} is not usable here, or empty when it is. */
    public static Optional<Problem> probe(Service service) {
        return Optional.ofNullable(
                switch (service) {
                    case POSTGRESQL -> postgres();
                    case REDIS -> redis();
                    case REDIS_SERVER -> program("redis-server is not installed", "redis-server", "--version");
                    case NODE -> {
                        Problem node = program("node is not installed", "node", "--version");
                        yield node != null ? node : program("npm is not installed", "npm", "--version");
                    }
                    case CHROMIUM ->
                        Files.isExecutable(chromium()) && Files.isExecutable(chromedriver())
                                ? null
                                : new Problem(
                                        "headless Chromium needs " + chromium() + " and " + chromedriver()
                                                + " (apt-get install chromium chromium-driver fonts-noto-core)",
                                        null);
                });
    }

    /** Why a service is missing, and the exception that showed it (may be null). */
    public record Problem(String reason, Throwable cause) {}

    public static String postgresUrl() {
        return setting("bakongpay.test.pg.url", "BAKONGPAY_TEST_PG_URL", DEFAULT_PG_URL);
    }

    public static String redisUrl() {
        return setting("bakongpay.test.redis.url", "BAKONGPAY_TEST_REDIS_URL", DEFAULT_REDIS_URL);
    }

    public static Path chromium() {
        return Path.of(setting(null, "BAKONGPAY_TEST_CHROMIUM", "/usr/bin/chromium"));
    }

    public static Path chromedriver() {
        return Path.of(setting(null, "BAKONGPAY_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
    }

    private static String setting(String property, String env, String fallback) {
        String v = property == null ? null : System.getProperty(property);
        if (v == null || v.isBlank()) v = System.getenv(env);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static Problem postgres() {
        String url = postgresUrl();
        try {
            DriverManager.setLoginTimeout(5);
            try (Connection c = DriverManager.getConnection(url)) {
                c.isValid(5);
            }
            return null;
        } catch (SQLException e) {
            return new Problem(
                    "PostgreSQL not reachable at " + url + ": " + e.getMessage()
                            + " (start it or set BAKONGPAY_TEST_PG_URL)",
                    e);
        }
    }

    /** A PING over a plain socket; an answer asking for a password still shows Redis is there. */
    private static Problem redis() {
        String url = redisUrl();
        URI uri = URI.create(url);
        String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
        int port = uri.getPort() < 0 ? 6379 : uri.getPort();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[64];
            int n = in.read(buf);
            String answer = n > 0 ? new String(buf, 0, n, StandardCharsets.US_ASCII) : "";
            if (answer.startsWith("+PONG") || answer.startsWith("-NOAUTH")) return null;
            return new Problem(
                    "Redis at " + host + ":" + port + " answered '" + answer.strip()
                            + "' to PING (start it or set BAKONGPAY_TEST_REDIS_URL)",
                    null);
        } catch (IOException e) {
            return new Problem(
                    "Redis not reachable at " + url + ": " + e.getMessage()
                            + " (start it or set BAKONGPAY_TEST_REDIS_URL)",
                    e);
        }
    }

    private static Problem program(String reason, String... command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Problem(reason + " (" + String.join(" ", command) + " did not finish in 20 s)", null);
            }
            return p.exitValue() == 0
                    ? null
                    : new Problem(reason + " (" + String.join(" ", command) + " exited " + p.exitValue() + ")", null);
        } catch (IOException e) {
            return new Problem(reason + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Problem(reason + " (interrupted while asking)", e);
        }
    }
}
