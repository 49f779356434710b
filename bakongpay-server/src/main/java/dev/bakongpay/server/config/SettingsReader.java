package dev.bakongpay.server.config;

import static dev.bakongpay.server.config.Names.*;

import dev.bakongpay.server.config.ServerSettings.Command;
import dev.bakongpay.server.config.ServerSettings.Database;
import dev.bakongpay.server.config.ServerSettings.Upstream;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.RateLimit;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads every setting, collecting each problem as {@code "<NAME> was '<value>' but it <reason>"}. */
final class SettingsReader {
    private static final Pattern RATE = Pattern.compile("([A-Za-z]+)=(\\d{1,9})/([smh])");
    private static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");
    static final Map<Plan, RateLimit> DEFAULT_RATE_LIMITS = Map.of(
            Plan.FREE, RateLimit.perMinute(60), Plan.PRO, RateLimit.perMinute(600), Plan.ENTERPRISE, RateLimit.perMinute(6000));

    private final ConfigLookup lookup;
    private final Command command;
    private final List<String> problems = new ArrayList<>();

    SettingsReader(ConfigLookup lookup, Command command) {
        this.lookup = lookup;
        this.command = command;
    }

    ServerSettings read() {
        String host = text(HOST, command == Command.SANDBOX ? "127.0.0.1" : "0.0.0.0");
        int port = port(PORT, 8080);
        URI publicUrl = httpUrl(PUBLIC_URL, null);
        List<SeedKey> keys = seedKeys();
        Path dataDir = dataDir();
        Database db = database(dataDir);
        String redis = redisUrl();
        Upstream live = new Upstream(httpUrl(BAKONG_URL, Names.NBC_URL), text(BAKONG_TOKEN, null), email(), proxy());
        boolean simulator = command == Command.SANDBOX || bool(SIMULATOR_ENABLED, false);
        int simulatorPort = port(SIMULATOR_PORT, 9090);
        Upstream test = testUpstream(simulator);
        Map<Plan, RateLimit> limits = rateLimits();
        String level = level();
        if (!simulator && test == null && keys.stream().anyMatch(k -> k.mode() == dev.bakongpay.spi.PaymentMode.TEST)) {
            problems.add(API_KEYS + " has bk_test_ keys but there is no simulator for them to run against: set "
                    + SIMULATOR_ENABLED + "=true or " + TEST_BAKONG_URL + " to a running simulator");
        }
        if (!problems.isEmpty()) throw new ConfigurationException(problems);
        return new ServerSettings(command, host, port, publicUrl, keys, dataDir, db, redis, live, test, simulator,
                simulatorPort, limits, level);
    }

    private String text(String name, String fallback) {
        String v = lookup.apply(name);
        return v == null ? fallback : v;
    }

    private String was(String name) {
        return name + " was '" + lookup.apply(name) + "' but it ";
    }

    private int port(String name, int fallback) {
        String v = lookup.apply(name);
        if (v == null) return fallback;
        try {
            int p = Integer.parseInt(v);
            if (p >= 0 && p <= 65535) return p;
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(was(name) + "must be a port number from 0 to 65535 (0 picks a free port)");
        return fallback;
    }

    private boolean bool(String name, boolean fallback) {
        String v = lookup.apply(name);
        if (v == null) return fallback;
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) return Boolean.parseBoolean(v);
        problems.add(was(name) + "must be true or false");
        return fallback;
    }

    private URI httpUrl(String name, String fallback) {
        String v = text(name, fallback);
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

    private List<SeedKey> seedKeys() {
        String v = lookup.apply(API_KEYS);
        List<SeedKey> keys = new ArrayList<>();
        if (v == null) return keys;
        String[] entries = v.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) continue;
            int eq = entry.lastIndexOf('=');
            String key = eq < 0 ? entry : entry.substring(0, eq).strip();
            String plan = eq < 0 ? "" : entry.substring(eq + 1).strip().toUpperCase(Locale.ROOT);
            // keys are secrets: messages show only their first characters
            String shown = API_KEYS + " entry " + (i + 1) + " was '" + SeedKey.redact(key) + (eq < 0 ? "" : "=" + plan) + "' but it ";
            if (SeedKey.modeOf(key) == null) {
                problems.add(shown + "must start with bk_test_ (test mode) or bk_live_ (live mode), like bk_test_abc123=FREE");
            } else if (Arrays.stream(Plan.values()).noneMatch(p -> p.name().equals(plan))) {
                problems.add(shown + "must end with =PLAN, PLAN one of " + Arrays.toString(Plan.values()));
            } else if (keys.stream().anyMatch(k -> k.key().equals(key))) {
                problems.add(shown + "repeats an earlier key");
            } else {
                keys.add(new SeedKey(key, Plan.valueOf(plan)));
            }
        }
        return keys;
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

    private Database database(Path dataDir) {
        String url = lookup.apply(DB_URL);
        boolean embedded = url == null;
        if (embedded) {
            // DB_CLOSE_ON_EXIT=FALSE: the server closes the pool itself on Ctrl-C, after the last request
            url = "jdbc:h2:file:" + dataDir.resolve("bakongpay").toString().replace('\\', '/') + ";DB_CLOSE_ON_EXIT=FALSE";
        } else if (!url.startsWith("jdbc:")) {
            problems.add(was(DB_URL) + "must be a JDBC URL like jdbc:postgresql://host:5432/db or jdbc:h2:file:/path/db");
        }
        int pool = 10;
        String poolText = lookup.apply(DB_POOL_SIZE);
        if (poolText != null) {
            try {
                pool = Integer.parseInt(poolText);
            } catch (NumberFormatException e) {
                pool = -1;
            }
            if (pool < 1 || pool > 500) {
                problems.add(was(DB_POOL_SIZE) + "must be a number of connections from 1 to 500");
                pool = 10;
            }
        }
        return new Database(url, lookup.apply(DB_USER), lookup.apply(DB_PASSWORD), pool, embedded);
    }

    private String redisUrl() {
        String v = lookup.apply(REDIS_URL);
        if (v != null && !(v.startsWith("redis://") || v.startsWith("rediss://") || v.startsWith("redis-socket://"))) {
            problems.add(REDIS_URL + " was '" + dev.bakongpay.spi.ProviderSettings.of(v).redactedUrl()
                    + "' but it must be a redis://host:port URL (or rediss:// for TLS)");
        }
        return v;
    }

    private String email() {
        String v = lookup.apply(BAKONG_EMAIL);
        if (v != null && (!v.contains("@") || v.length() > 30)) {
            problems.add(was(BAKONG_EMAIL) + "must be the e-mail address registered with NBC (at most 30 characters)");
        }
        return v;
    }

    private URI proxy() {
        String v = lookup.apply(BAKONG_PROXY);
        if (v == null) return null;
        URI uri = httpUrl(BAKONG_PROXY, null);
        if (uri != null && uri.getPort() < 0) {
            problems.add(was(BAKONG_PROXY) + "must name the proxy's port, like http://proxy.local:3128");
        }
        return uri;
    }

    private Upstream testUpstream(boolean embeddedSimulator) {
        URI url = httpUrl(TEST_BAKONG_URL, null);
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

    private Map<Plan, RateLimit> rateLimits() {
        Map<Plan, RateLimit> limits = new EnumMap<>(DEFAULT_RATE_LIMITS);
        String v = lookup.apply(RATE_LIMITS);
        if (v == null) return limits;
        for (String entry : v.split(",")) {
            if (entry.isBlank()) continue;
            Matcher m = RATE.matcher(entry.strip());
            Plan plan = m.matches() ? planNamed(m.group(1)) : null;
            long n = m.matches() ? Long.parseLong(m.group(2)) : 0;
            if (plan == null || n < 1) {
                problems.add(RATE_LIMITS + " was '" + v + "' but entry '" + entry.strip()
                        + "' must look like PLAN=N/s|m|h with PLAN one of " + Arrays.toString(Plan.values()) + " and N at least 1");
                continue;
            }
            Duration period = switch (m.group(3)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                default -> Duration.ofHours(1);
            };
            limits.put(plan, new RateLimit(n, period));
        }
        return limits;
    }

    private static Plan planNamed(String name) {
        return Arrays.stream(Plan.values()).filter(p -> p.name().equalsIgnoreCase(name)).findFirst().orElse(null);
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
