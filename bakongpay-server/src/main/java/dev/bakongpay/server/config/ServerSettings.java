package dev.bakongpay.server.config;

import dev.bakongpay.core.config.BakongPayConfig;
import dev.bakongpay.spi.Plan;
import dev.bakongpay.spi.RateLimit;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything the reference server reads at start-up, validated. Built by
 * {@link #read(ConfigLookup, Command)}, which reports every bad setting at once.
 *
 * @param command          serve, sandbox or war (decides defaults: the sandbox always embeds the simulator)
 * @param host             interface to listen on
 * @param port             API and checkout port; 0 picks a free one
 * @param publicUrl        base of {@code checkoutUrl}; null means "the address the server listens on"
 * @param bankApp          the app named in bank-app link requests ({@code BAKONGPAY_APP_NAME}, {@code BAKONGPAY_APP_ICON_URL})
 * @param seedKeys         API keys stored (hashed) at start-up
 * @param dataDir          where the embedded H2 file and the simulator's state live
 * @param db               the store
 * @param redisUrl         null → the in-memory rate limiter (one node only)
 * @param live             NBC, for {@code bk_live_} keys
 * @param test             a running simulator for {@code bk_test_} keys; null when embedded or absent
 * @param simulatorEnabled start the simulator inside this process
 * @param simulatorPort    its port
 * @param simulator        the interface it listens on (127.0.0.1, not the API's host) and its control token
 * @param rateLimits       per plan
 * @param logLevel         slf4j-simple's default level
 * @param reconcileEvery   how often unpolled pending payments are checked; zero turns it off
 * @param webhook          where payment events are POSTed; null when webhooks are off
 * @param budgets          time budgets of calls to Bakong and the reconciliation lease
 * @param core             the payment rules' settings, handed to core as typed values
 * @param adminToken       the operator's bearer token for the admin API, metrics and console; null: all off
 * @param logFormat        {@code plain} or {@code json} lines (executable JAR)
 * @param shutdownGrace    how long requests in flight may take to finish on a stop (executable JAR)
 * @param managementPort   the port serving /metrics and /health without a token; null: none
 */
public record ServerSettings(
        Command command,
        String host,
        int port,
        URI publicUrl,
        BankApp bankApp,
        List<SeedKey> seedKeys,
        Path dataDir,
        Database db,
        String redisUrl,
        Upstream live,
        Upstream test,
        boolean simulatorEnabled,
        int simulatorPort,
        Simulator simulator,
        Map<Plan, RateLimit> rateLimits,
        String logLevel,
        java.time.Duration reconcileEvery,
        Webhook webhook,
        Budgets budgets,
        BakongPayConfig core,
        dev.bakongpay.core.admin.AdminToken adminToken,
        String logFormat,
        java.time.Duration shutdownGrace,
        Integer managementPort) {

    /** How the server was started. */
    public enum Command {
        SERVE,
        SANDBOX,
        WAR
    }

    /**
     * The app a bank app names when a {@code deepLink} opens it: name (null: each payment's merchant
     * name) and icon address (null: the checkout's own icon).
     */
    public record BankApp(String name, URI iconUrl) {
        public static final BankApp DEFAULTS = new BankApp(null, null);
    }

    /** A store: adapter id (null: by url), JDBC url, optional credentials, pool size, group commit on or off. */
    public record Database(
            String adapter,
            String url,
            String user,
            String password,
            int poolSize,
            boolean groupCommit,
            boolean embeddedDefault) {
        @Override
        public String toString() {
            return "Database[" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
        }
    }

    /**
     * How long Bakong may take, how often reconciliation may ask about one md5, and how much it does per tick.
     *
     * @param bakongTimeout   one attempt ({@code BAKONGPAY_BAKONG_TIMEOUT}, 3 s)
     * @param bakongDeadline  one operation, retries included ({@code BAKONGPAY_BAKONG_DEADLINE}, 5 s)
     * @param reconcileLease  a reconciliation lease: the shortest spacing between two checks of one
     *                        md5 by reconciliation, across all nodes ({@code BAKONGPAY_RECONCILE_LEASE_SECONDS}, 60 s)
     * @param reconcileBatches full batches of 50 one reconciliation tick runs back to back
     *                        ({@code BAKONGPAY_RECONCILE_MAX_BATCHES}, 10): per node and interval, at most
     *                        this many md5-list calls to Bakong and 50 times as many payments reconciled
     */
    public record Budgets(
            java.time.Duration bakongTimeout,
            java.time.Duration bakongDeadline,
            java.time.Duration reconcileLease,
            int reconcileBatches) {
        /** The lease here applies only when reconciliation is off; otherwise it follows the interval. */
        public static final Budgets DEFAULTS = new Budgets(
                Settings.BAKONG_TIMEOUT.fallback(),
                Settings.BAKONG_DEADLINE.fallback(),
                java.time.Duration.ofSeconds(30),
                Settings.RECONCILE_MAX_BATCHES.fallback());
    }

    /**
     * Where the embedded simulator listens ({@code BAKONG_SIMULATOR_HOST}, 127.0.0.1 by default
     * whatever the API's host) and the token its control API requires ({@code BAKONG_SIMULATOR_CONTROL_TOKEN}, none).
     */
    public record Simulator(String host, String controlToken) {
        public static final Simulator DEFAULTS = new Simulator(Settings.SIMULATOR_HOST.fallback(), null);

        @Override
        public String toString() {
            return "Simulator[host=" + host + ", controlToken=" + (controlToken == null ? "none" : "***") + "]";
        }
    }

    /** A Bakong Open API endpoint and its credentials. */
    public record Upstream(URI baseUrl, String token, String renewEmail, URI proxy) {
        @Override
        public String toString() {
            return "Upstream[" + baseUrl + ", token=" + (token == null ? "none" : "***") + ", proxy=" + proxy + "]";
        }
    }

    /** The shop's webhook endpoint, the secret that signs each POST, and the attempts per event. */
    public record Webhook(URI url, String secret, int maxAttempts) {
        @Override
        public String toString() {
            return "Webhook[" + url + ", secret=***, maxAttempts=" + maxAttempts + "]";
        }
    }

    public ServerSettings {
        seedKeys = List.copyOf(seedKeys);
        rateLimits = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(rateLimits));
    }

    /** Reads and validates; throws {@link ConfigurationException} listing every problem. */
    public static ServerSettings read(ConfigLookup lookup, Command command) {
        return new SettingsReader(lookup, command).read();
    }

    /** The same settings with other seed keys (the sandbox generates them when none are configured). */
    public ServerSettings withSeedKeys(List<SeedKey> keys) {
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
                simulatorEnabled,
                simulatorPort,
                simulator,
                rateLimits,
                logLevel,
                reconcileEvery,
                webhook,
                budgets,
                core,
                adminToken,
                logFormat,
                shutdownGrace,
                managementPort);
    }

    /** The limits as configured: {@code FREE=60/m, PRO=600/m, ENTERPRISE=6000/m}. */
    public String rateLimitsText() {
        StringBuilder text = new StringBuilder();
        rateLimits.forEach((plan, limit) -> {
            long ms = limit.period().toMillis();
            String unit = ms == 1_000 ? "s" : ms == 60_000 ? "m" : ms == 3_600_000 ? "h" : ms + "ms";
            text.append(text.length() == 0 ? "" : ", ")
                    .append(plan)
                    .append('=')
                    .append(limit.capacity())
                    .append('/')
                    .append(unit);
        });
        return text.toString();
    }

    /** Whether {@code bk_test_} keys have a simulator to run against. */
    public boolean testModeAvailable() {
        return simulatorEnabled || test != null;
    }
}
