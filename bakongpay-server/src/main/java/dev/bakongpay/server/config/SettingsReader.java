package dev.bakongpay.server.config;

import static dev.bakongpay.server.config.Settings.*;

import dev.bakongpay.core.config.BakongPayConfig;
import dev.bakongpay.server.config.ServerSettings.Command;
import dev.bakongpay.server.config.ServerSettings.Database;
import dev.bakongpay.server.config.ServerSettings.Upstream;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.RateLimit;
import dev.bakongpay.spi.settings.Problems;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads every setting declared in {@link Settings}, collecting each problem as
 * {@code "<NAME> was '<value>' but it <reason>"}, then checks the rules that span settings. The
 * payment rules' part is handed to core as a typed {@link BakongPayConfig}.
 */
final class SettingsReader {
    private final Command command;
    private final Problems problems;

    SettingsReader(ConfigLookup lookup, Command command) {
        this.command = command;
        this.problems = new Problems(lookup);
    }

    ServerSettings read() {
        int port = problems.read(PORT);
        String hostSetting = problems.read(HOST);
        String host = hostSetting != null ? hostSetting : command == Command.SANDBOX ? "127.0.0.1" : "0.0.0.0";
        URI publicUrl = problems.read(PUBLIC_URL);
        ServerSettings.BankApp bankApp =
                new ServerSettings.BankApp(problems.read(APP_NAME), problems.read(APP_ICON_URL));
        Map<String, Plan> apiKeys = problems.read(API_KEYS);
        Path dataDir = problems.read(DATA_DIR).toAbsolutePath().normalize();
        String dbUrlSetting = problems.read(DB_URL);
        String storage = problems.read(STORAGE);
        String dbUser = problems.read(DB_USER);
        String dbPassword = problems.read(DB_PASSWORD);
        int poolSize = problems.read(DB_POOL_SIZE);
        boolean groupCommit = problems.read(GROUP_COMMIT);
        String redisUrl = problems.read(REDIS_URL);
        Map<Plan, RateLimit> rateLimits = problems.read(RATE_LIMITS);
        Upstream live = new Upstream(
                problems.read(BAKONG_URL),
                problems.read(BAKONG_TOKEN),
                problems.read(BAKONG_EMAIL),
                problems.read(BAKONG_PROXY));
        Duration defaultExpiry = Duration.ofSeconds(problems.read(DEFAULT_EXPIRY_SECONDS));
        Duration maxExpiry = Duration.ofSeconds(problems.read(MAX_EXPIRY_SECONDS));
        int maxBodyBytes = problems.read(MAX_BODY_BYTES);
        Duration pendingCacheTtl = Duration.ofMillis(problems.read(PENDING_CACHE_MILLIS));
        if (defaultExpiry.compareTo(maxExpiry) > 0) {
            problems.add(
                    DEFAULT_EXPIRY_SECONDS,
                    String.valueOf(defaultExpiry.toSeconds()),
                    "must not exceed " + MAX_EXPIRY_SECONDS + " (" + maxExpiry.toSeconds() + ")");
        }
        boolean simulator = command == Command.SANDBOX || problems.read(SIMULATOR_ENABLED);
        int simulatorPort = problems.read(SIMULATOR_PORT);
        ServerSettings.Simulator simulatorListen =
                new ServerSettings.Simulator(problems.read(SIMULATOR_HOST), problems.read(SIMULATOR_CONTROL_TOKEN));
        Upstream test = testUpstream(simulator);
        String level = problems.read(LOG_LEVEL);
        String logFormat = problems.read(LOG_FORMAT);
        Duration shutdownGrace = problems.read(SHUTDOWN_GRACE);
        Duration reconcileEvery = Duration.ofSeconds(problems.read(RECONCILE_SECONDS));
        ServerSettings.Webhook webhook = webhook();
        ServerSettings.Budgets budgets = budgets(reconcileEvery);
        String adminTokenText = problems.read(ADMIN_TOKEN);
        dev.bakongpay.core.admin.AdminToken adminToken =
                adminTokenText == null ? null : dev.bakongpay.core.admin.AdminToken.of(adminTokenText);
        Integer managementPort = problems.read(MANAGEMENT_PORT);
        if (managementPort != null && managementPort != 0 && managementPort == port) {
            problems.add(
                    MANAGEMENT_PORT, String.valueOf(managementPort), "must differ from " + PORT + " (" + port + ")");
        }

        List<SeedKey> keys = new ArrayList<>();
        apiKeys.forEach((key, plan) -> keys.add(new SeedKey(key, plan)));
        keys.sort(Comparator.comparing(SeedKey::plan).thenComparing(SeedKey::key));
        if (!simulator && test == null && keys.stream().anyMatch(k -> k.mode() == PaymentMode.TEST)) {
            problems.add(API_KEYS + " has bk_test_ keys but there is no simulator for them to run against: set "
                    + SIMULATOR_ENABLED + "=true or " + TEST_BAKONG_URL + " to a running simulator");
        }
        problems.throwIfAny(ConfigurationException::new);
        boolean embedded = dbUrlSetting == null;
        // DB_CLOSE_ON_EXIT=FALSE: the server closes the pool itself on Ctrl-C, after the last request.
        // WRITE_DELAY=0: H2 otherwise keeps commits in memory for up to half a second, and a create
        // that was answered 200 could be lost to a kill -9 (seen in a probe: 6 of 27).
        // CACHE_SIZE=4096 (KB): every commit puts the pages it wrote in H2's page cache, where they
        // live a few seconds; in the default 16 MB they outlived young collections and G1 copied them
        // each time (pauses of 26-29 ms under creates, 10 ms with 4 MB; PERFORMANCE.md, 2026-12-07).
        String dbUrl = embedded
                ? "jdbc:h2:file:" + dataDir.resolve("bakongpay").toString().replace('\\', '/')
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;CACHE_SIZE=4096"
                : dbUrlSetting;
        Database db = new Database(storage, dbUrl, dbUser, dbPassword, poolSize, groupCommit, embedded);
        BakongPayConfig core = BakongPayConfig.builder()
                .publicUrl(publicUrl != null ? publicUrl : URI.create("http://localhost:" + (port == 0 ? 8080 : port)))
                .apiKeys(apiKeys)
                .bakongUrl(live.baseUrl())
                .bakongToken(live.token())
                .bakongEmail(live.renewEmail())
                .bakongProxy(live.proxy())
                .rateLimits(rateLimits)
                .defaultExpiry(defaultExpiry)
                .maxExpiry(maxExpiry)
                .maxBodyBytes(maxBodyBytes)
                .pendingCacheTtl(pendingCacheTtl)
                .build();
        return new ServerSettings(
                command,
                host,
                port,
                publicUrl,
                bankApp,
                keys,
                dataDir,
                db,
                redisUrl,
                live,
                test,
                simulator,
                simulatorPort,
                simulatorListen,
                core.rateLimits(),
                level,
                reconcileEvery,
                webhook,
                budgets,
                core,
                adminToken,
                logFormat,
                shutdownGrace,
                managementPort);
    }

    /** Null when no URL is set (webhooks off); the secret is then required, and never printed. */
    private ServerSettings.Webhook webhook() {
        URI url = problems.read(WEBHOOK_URL);
        int maxAttempts = problems.read(WEBHOOK_MAX_ATTEMPTS);
        String secret = problems.read(WEBHOOK_SECRET);
        if (url == null) return null;
        if (secret == null) {
            problems.add(WEBHOOK_SECRET + " is missing but " + WEBHOOK_URL
                    + " is set: give the secret the shop verifies" + " each webhook's signature with");
        }
        return new ServerSettings.Webhook(url, secret, maxAttempts);
    }

    /**
     * The lease is also how often reconciliation asks about one md5, so by default it follows the
     * interval (a shop that sets 5 s expects a payment seen within about 5 s), but never shorter than
     * one Bakong operation plus a margin, or another node could take a batch still being checked.
     */
    private ServerSettings.Budgets budgets(Duration reconcileEvery) {
        ServerSettings.Budgets d = ServerSettings.Budgets.DEFAULTS;
        Duration timeout = problems.read(BAKONG_TIMEOUT);
        Duration deadline = problems.read(BAKONG_DEADLINE);
        Duration floor = deadline.plusSeconds(5);
        Duration lease = reconcileEvery.isZero()
                ? d.reconcileLease()
                : reconcileEvery.compareTo(floor) > 0 ? reconcileEvery : floor;
        Integer leaseSeconds =
                problems.read(RECONCILE_LEASE_SECONDS); // unset keeps the derived lease, fractions included
        if (leaseSeconds != null) lease = Duration.ofSeconds(leaseSeconds);
        return new ServerSettings.Budgets(timeout, deadline, lease, problems.read(RECONCILE_MAX_BATCHES));
    }

    private Upstream testUpstream(boolean embeddedSimulator) {
        URI url = problems.read(TEST_BAKONG_URL);
        String token = problems.read(TEST_BAKONG_TOKEN);
        if (url == null) return null;
        if (embeddedSimulator) {
            problems.add(
                    TEST_BAKONG_URL,
                    problems.text(TEST_BAKONG_URL),
                    "cannot be used together with the embedded simulator ("
                            + (command == Command.SANDBOX
                                    ? "the sandbox always embeds one"
                                    : SIMULATOR_ENABLED + "=true")
                            + "); choose one");
        }
        if (token == null) {
            problems.add(TEST_BAKONG_TOKEN + " is missing but " + TEST_BAKONG_URL
                    + " is set: give the simulator's fixed token (its BAKONG_SIMULATOR_TOKEN)");
        }
        return new Upstream(url, token, null, null);
    }
}
