package dev.bakongpay.server.config;

import static dev.bakongpay.server.config.Names.*;

import dev.bakongpay.core.config.BakongPayConfig;
import dev.bakongpay.server.config.ServerSettings.Command;
import dev.bakongpay.server.config.ServerSettings.Database;
import dev.bakongpay.server.config.ServerSettings.Upstream;
import dev.bakongpay.spi.PaymentMode;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads every setting, collecting each problem as {@code "<NAME> was '<value>' but it <reason>"}.
 * The settings of the payment rules (port, public URL, keys, store and Redis URLs, NBC, limits,
 * expiry) are core's {@link BakongPayConfig}, read by its own reader from the same lookup, so
 * there is one rule per name; this class adds what only the server has.
 */
final class SettingsReader {
    private static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");

    private final ConfigLookup lookup;
    private final Command command;
    private final List<String> problems = new ArrayList<>();

    SettingsReader(ConfigLookup lookup, Command command) {
        this.lookup = lookup;
        this.command = command;
    }

    ServerSettings read() {
        BakongPayConfig core = null;
        try {
            core = BakongPayConfig.fromEnvironment(lookup);
        } catch (dev.bakongpay.core.config.ConfigurationException e) {
            problems.addAll(e.problems());
        }
        String host = text(HOST, command == Command.SANDBOX ? "127.0.0.1" : "0.0.0.0");
        Path dataDir = dataDir();
        int poolSize = poolSize();
        boolean simulator = command == Command.SANDBOX || bool(SIMULATOR_ENABLED, false);
        int simulatorPort = port(SIMULATOR_PORT, 9090);
        ServerSettings.Simulator simulatorListen = simulatorListen();
        Upstream test = testUpstream(simulator);
        String level = level();
        java.time.Duration reconcileEvery = java.time.Duration.ofSeconds(reconcileSeconds());
        ServerSettings.Webhook webhook = webhook();
        ServerSettings.Budgets budgets = budgets(reconcileEvery);
        if (core == null) throw new ConfigurationException(problems);

        List<SeedKey> keys = new ArrayList<>();
        core.apiKeys().forEach((key, plan) -> keys.add(new SeedKey(key, plan)));
        keys.sort(java.util.Comparator.comparing(SeedKey::plan).thenComparing(SeedKey::key));
        if (!simulator && test == null && keys.stream().anyMatch(k -> k.mode() == PaymentMode.TEST)) {
            problems.add(API_KEYS + " has bk_test_ keys but there is no simulator for them to run against: set "
                    + SIMULATOR_ENABLED + "=true or " + TEST_BAKONG_URL + " to a running simulator");
        }
        if (!problems.isEmpty()) throw new ConfigurationException(problems);
        boolean embedded = core.dbUrl() == null;
        // DB_CLOSE_ON_EXIT=FALSE: the server closes the pool itself on Ctrl-C, after the last request.
        // WRITE_DELAY=0: H2 otherwise keeps commits in memory for up to half a second, and a create
        // that was answered 200 could be lost to a kill -9 (seen in a probe: 6 of 27).
        String dbUrl = embedded ? "jdbc:h2:file:" + dataDir.resolve("bakongpay").toString().replace('\\', '/')
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" : core.dbUrl();
        Database db = new Database(core.storage(), dbUrl, lookup.apply(DB_USER), lookup.apply(DB_PASSWORD), poolSize, embedded);
        Upstream live = new Upstream(core.bakongUrl(), core.bakongToken(), core.bakongEmail(), core.bakongProxy());
        URI publicUrl = lookup.apply(PUBLIC_URL) == null ? null : core.publicUrl();
        return new ServerSettings(command, host, core.port(), publicUrl, keys, dataDir, db, core.redisUrl(), live, test,
                simulator, simulatorPort, simulatorListen, core.rateLimits(), level, reconcileEvery, webhook, budgets, core);
    }

    /** The embedded simulator's interface (127.0.0.1 unless set: never the API's host) and control token. */
    private ServerSettings.Simulator simulatorListen() {
        String host = text(SIMULATOR_HOST, "127.0.0.1").trim();
        if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '/')) {
            problems.add(was(SIMULATOR_HOST) + "must be an interface address such as 127.0.0.1, or 0.0.0.0 for every one");
            host = "127.0.0.1";
        }
        String token = lookup.apply(SIMULATOR_CONTROL_TOKEN);
        return new ServerSettings.Simulator(host, token == null || token.isBlank() ? null : token.trim());
    }

    private String text(String name, String fallback) {
        String v = lookup.apply(name);
        return v == null ? fallback : v;
    }

    private String was(String name) {
        return name + " was '" + lookup.apply(name) + "' but it ";
    }

    private int port(String name, int fallback) {
        return wholeNumber(name, fallback, 0, 65535, "must be a port number from 0 to 65535 (0 picks a free port)");
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when unset, or (reported) when not one. */
    private int wholeNumber(String name, int fallback, int min, int max, String rule) {
        String v = lookup.apply(name);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(was(name) + rule);
        return fallback;
    }

    private boolean bool(String name, boolean fallback) {
        String v = lookup.apply(name);
        if (v == null) return fallback;
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) return Boolean.parseBoolean(v);
        problems.add(was(name) + "must be true or false");
        return fallback;
    }

    private URI httpUrl(String name) {
        String v = lookup.apply(name);
        if (v == null) return null;
        try {
            URI uri = new URI(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) return uri;
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        problems.add(was(name) + "must be an absolute http:// or https:// URL");
        return null;
    }

    private Path dataDir() {
        String v = text(DATA_DIR, "data");
        try {
            return Path.of(v).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            problems.add(was(DATA_DIR) + "is not a usable path: " + e.getReason());
            return Path.of("data").toAbsolutePath();
        }
    }

    private int poolSize() {
        return wholeNumber(DB_POOL_SIZE, 10, 1, 500, "must be a number of connections from 1 to 500");
    }

    private int reconcileSeconds() {
        return wholeNumber(RECONCILE_SECONDS, 30, 0, 86_400, "must be a whole number of seconds from 0 (off) to 86400");
    }

    /** Null when no URL is set (webhooks off); the secret is then required, and never printed. */
    private ServerSettings.Webhook webhook() {
        URI url = webhookUrl();
        int maxAttempts = maxAttempts();
        String secret = lookup.apply(WEBHOOK_SECRET);
        if (url == null) return null;
        if (secret == null) {
            problems.add(WEBHOOK_SECRET + " is missing but " + WEBHOOK_URL + " is set: give the secret the shop verifies"
                    + " each webhook's signature with");
        }
        return new ServerSettings.Webhook(url, secret, maxAttempts);
    }

    /** Like {@link #httpUrl} but kept exactly as given: a trailing slash may matter to the shop's router. */
    private URI webhookUrl() {
        String v = lookup.apply(WEBHOOK_URL);
        if (v == null) return null;
        try {
            URI uri = new URI(v);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) return uri;
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        problems.add(was(WEBHOOK_URL) + "must be an absolute http:// or https:// URL (empty turns webhooks off)");
        return null;
    }

    private int maxAttempts() {
        return wholeNumber(WEBHOOK_MAX_ATTEMPTS, 8, 1, 50, "must be a whole number of attempts from 1 to 50");
    }

    /**
     * The lease is also how often reconciliation asks about one md5, so by default it follows the
     * interval (a shop that sets 5 s expects a payment seen within about 5 s), but never shorter than
     * one Bakong operation plus a margin, or another node could take a batch still being checked.
     */
    private ServerSettings.Budgets budgets(java.time.Duration reconcileEvery) {
        ServerSettings.Budgets d = ServerSettings.Budgets.DEFAULTS;
        java.time.Duration timeout = duration(BAKONG_TIMEOUT, d.bakongTimeout(), 60_000);
        java.time.Duration deadline = duration(BAKONG_DEADLINE, d.bakongDeadline(), 120_000);
        java.time.Duration floor = deadline.plusSeconds(5);
        java.time.Duration lease = reconcileEvery.isZero() ? d.reconcileLease()
                : reconcileEvery.compareTo(floor) > 0 ? reconcileEvery : floor;
        if (lookup.apply(RECONCILE_LEASE_SECONDS) != null) { // unset keeps the derived lease, fractions included
            lease = java.time.Duration.ofSeconds(wholeNumber(RECONCILE_LEASE_SECONDS, (int) lease.toSeconds(), 5, 86_400,
                    "must be a whole number of seconds from 5 to 86400"));
        }
        return new ServerSettings.Budgets(timeout, deadline, lease, reconcileBatches(d.reconcileBatches()));
    }

    private int reconcileBatches(int fallback) {
        return wholeNumber(RECONCILE_MAX_BATCHES, fallback, 1, 1000, "must be a whole number of batches from 1 to 1000");
    }

    /** {@code 2500ms}, {@code 3s} or a bare number of seconds; from 100 ms to {@code maxMillis}. */
    private java.time.Duration duration(String name, java.time.Duration fallback, long maxMillis) {
        String v = lookup.apply(name);
        if (v == null) return fallback;
        String t = v.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            long ms = t.endsWith("ms") ? Long.parseLong(t.substring(0, t.length() - 2).trim())
                    : t.endsWith("s") ? Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 1000)
                    : Math.round(Double.parseDouble(t) * 1000);
            if (ms >= 100 && ms <= maxMillis) return java.time.Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(was(name) + "must be a duration from 100ms to " + maxMillis / 1000 + "s, like 3s or 2500ms");
        return fallback;
    }

    private Upstream testUpstream(boolean embeddedSimulator) {
        URI url = httpUrl(TEST_BAKONG_URL);
        String token = lookup.apply(TEST_BAKONG_TOKEN);
        if (url == null) return null;
        if (embeddedSimulator) {
            problems.add(was(TEST_BAKONG_URL) + "cannot be used together with the embedded simulator ("
                    + (command == Command.SANDBOX ? "the sandbox always embeds one" : SIMULATOR_ENABLED + "=true") + "); choose one");
        }
        if (token == null) {
            problems.add(TEST_BAKONG_TOKEN + " is missing but " + TEST_BAKONG_URL
                    + " is set: give the simulator's fixed token (its BAKONG_SIMULATOR_TOKEN)");
        }
        return new Upstream(url, token, null, null);
    }

    private String level() {
        String v = text(LOG_LEVEL, "info").toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(v)) {
            problems.add(was(LOG_LEVEL) + "must be one of " + LEVELS);
            return "info";
        }
        return v;
    }
}
