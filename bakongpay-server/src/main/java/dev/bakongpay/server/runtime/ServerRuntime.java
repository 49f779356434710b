package dev.bakongpay.server.runtime;

import dev.bakongpay.adapters.webhook.WebhookDispatcher;
import dev.bakongpay.adapters.webhook.WebhookEventListener;
import dev.bakongpay.core.bakong.BakongClient;
import dev.bakongpay.core.bakong.BakongClientConfig;
import dev.bakongpay.core.payment.BakongPaymentNetwork;
import dev.bakongpay.core.payment.PaymentNetwork;
import dev.bakongpay.server.config.ConfigurationException;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.config.Settings;
import dev.bakongpay.spi.PaymentEventListener;
import dev.bakongpay.spi.PaymentMode;
import dev.bakongpay.spi.ProviderSettings;
import dev.bakongpay.spi.RateLimiter;
import dev.bakongpay.spi.Storage;
import dev.bakongpay.spi.StorageProviders;
import dev.bakongpay.spi.WebhookDeliveryState;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.sql.Driver;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one BakongPay deployment runs on: its store, rate limiter, the payment network per mode
 * and, when enabled, the embedded simulator. The same object serves the executable JAR and the WAR;
 * {@link #close()} releases everything it opened, in reverse order.
 */
public final class ServerRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerRuntime.class);
    /** A hash no key has: looking it up is the cheapest query that proves the store answers. */
    private static final String PROBE_HASH = "0".repeat(64);

    private final ServerSettings settings;
    private final Clock clock;
    private final Storage storage;
    private final RateLimiter limiter;
    private final String limiterId;
    // the simulator and the Bakong clients, started on their own thread; guarded by this until set
    private BackgroundStart<Upstreams> pendingUpstreams;
    private volatile Upstreams upstreams;
    private RuntimeException upstreamFailure;
    private final WebhookDispatcher webhooks;
    private final PaymentEventListener paymentListener;
    private final ReadinessCheck readinessCheck;
    private final ServerMetrics metrics;
    private ManagementPort management;
    private PaymentStack paymentStack;
    private ReconciliationJob reconciliation;

    private ServerRuntime(
            ServerSettings settings,
            Clock clock,
            Storage storage,
            RateLimiter limiter,
            String limiterId,
            BackgroundStart<Upstreams> pendingUpstreams,
            WebhookDispatcher webhooks,
            ServerMetrics metrics) {
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.storage = storage;
        this.limiter = limiter;
        this.limiterId = limiterId;
        this.pendingUpstreams = pendingUpstreams;
        this.webhooks = webhooks;
        List<PaymentEventListener> listeners = new ArrayList<>();
        listeners.add(new PaymentLogListener());
        if (webhooks != null) listeners.add(new WebhookEventListener(storage.webhooks(), webhooks::wake));
        this.paymentListener = PaymentEventListener.composite(listeners);
        this.readinessCheck = new ReadinessCheck(storage, limiter);
    }

    /** Opens the store (migrating it), the limiter, the simulator; seeds the keys; logs each choice. */
    public static ServerRuntime open(ServerSettings settings, Clock clock) {
        return open(settings, clock, null);
    }

    /**
     * As {@link #open(ServerSettings, Clock)}, with the JDBC store on {@code containerDataSource}
     * when it is not null (a Jakarta EE server's pool, found by JNDI): the database settings are
     * then not used, and closing the runtime leaves the pool to its container.
     */
    public static ServerRuntime open(ServerSettings settings, Clock clock, ContainerDataSource containerDataSource) {
        ServerRuntime runtime = openBesideUpstreams(settings, clock, containerDataSource);
        try {
            runtime.awaitUpstreams();
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    /**
     * As {@link #open(ServerSettings, Clock)}, but returns once the store is open, while the
     * embedded simulator and the Bakong clients may still be starting on their own thread: the
     * caller builds its web application meanwhile and calls {@link #awaitUpstreams()} before it
     * takes requests (the executable JAR's Jetty does, between its handlers and its connector).
     */
    public static ServerRuntime openBesideUpstreams(ServerSettings settings, Clock clock) {
        return openBesideUpstreams(settings, clock, null);
    }

    private static ServerRuntime openBesideUpstreams(
            ServerSettings settings, Clock clock, ContainerDataSource containerDataSource) {
        List<AutoCloseable> opened = new ArrayList<>();
        BackgroundStart<Upstreams> upstreamStart = null;
        try {
            ServerMetrics metrics = new ServerMetrics();
            opened.add(metrics);
            if (settings.simulatorEnabled() && !EmbeddedSimulator.available()) {
                throw new ConfigurationException(List.of(Settings.SIMULATOR_ENABLED
                        + " was 'true' but this build has no " + "simulator inside (the WAR leaves it out): set "
                        + Settings.TEST_BAKONG_URL + " to a running simulator"));
            }
            // the simulator and the Bakong clients share nothing with the store: they start on a
            // second thread while the store opens and migrates and the web application is built,
            // and are waited for (awaitUpstreams) before the first request
            upstreamStart =
                    BackgroundStart.begin("bakongpay-start-upstream", () -> openUpstreams(settings, clock, metrics));
            ServerSettings.Database db = settings.db();
            Storage storage = containerDataSource == null
                    ? H2FileHousekeeping.keepTidy(openStorage(db, db.url(), clock), db.url(), db.user(), db.password())
                    : dev.bakongpay.adapters.jdbc.JdbcStorage.builder(containerDataSource.dataSource())
                            .clock(clock)
                            .groupCommit(db.groupCommit())
                            .build();
            opened.add(storage);
            dev.bakongpay.adapters.jdbc.JdbcStorage.observeWriteBatches(storage, metrics.writeBatchSizes());
            dev.bakongpay.core.payment.ReconciliationGauges.register(metrics.registry(), storage.transactions(), clock);
            LOG.info(
                    "BakongPay store: adapter={} url={}{}",
                    storage.adapterId(),
                    containerDataSource != null
                            ? "(the container's DataSource " + containerDataSource.name() + ")"
                            : ProviderSettings.of(db.url()).redactedUrl(),
                    db.embeddedDefault() && containerDataSource == null
                            ? " (embedded H2 file, the default: durable, one node only; set " + Settings.DB_URL
                                    + " for PostgreSQL)"
                            : "");

            RateLimiter limiter =
                    StorageProviders.openRateLimiter(null, new ProviderSettings(settings.redisUrl(), Map.of(), clock));
            if (limiter instanceof AutoCloseable c) opened.add(c);
            String limiterId = settings.redisUrl() == null ? "memory" : "redis";
            LOG.info(
                    "BakongPay limiter: adapter={} limits={}{}",
                    limiterId,
                    settings.rateLimitsText(),
                    settings.redisUrl() == null
                            ? " (in memory: limits are per node; set " + Settings.REDIS_URL + " to share them)"
                            : "");

            ApiKeySeeder.seed(storage.apiKeys(), settings.seedKeys(), clock);

            WebhookDispatcher webhooks = openWebhooks(settings, clock, storage, metrics);
            if (webhooks != null) opened.add(webhooks);
            ServerRuntime runtime =
                    new ServerRuntime(settings, clock, storage, limiter, limiterId, upstreamStart, webhooks, metrics);
            upstreamStart = null; // the runtime closes it from now on
            if (settings.managementPort() != null) {
                try {
                    runtime.management =
                            ManagementPort.start(settings.host(), settings.managementPort(), metrics, runtime::health);
                } catch (RuntimeException e) {
                    runtime.close();
                    throw e;
                }
            }
            return runtime;
        } catch (RuntimeException e) {
            if (upstreamStart != null) upstreamStart.closeWhenDone(e);
            closeAll(opened, e);
            throw e;
        }
    }

    /**
     * Waits until the embedded simulator and the Bakong clients have started, and logs what each
     * mode runs against; at once when they have. Throws what their start threw (the runtime is then
     * to be closed).
     */
    public void awaitUpstreams() {
        upstreams();
    }

    /** The start-up failure of the simulator or the Bakong clients, once {@link #awaitUpstreams()} has met it. */
    public synchronized Optional<RuntimeException> upstreamFailure() {
        return Optional.ofNullable(upstreamFailure);
    }

    private Upstreams upstreams() {
        Upstreams u = upstreams;
        return u != null ? u : resolveUpstreams();
    }

    private synchronized Upstreams resolveUpstreams() {
        if (upstreams != null) return upstreams;
        if (upstreamFailure != null) throw upstreamFailure;
        if (pendingUpstreams == null) throw new IllegalStateException("BakongPay runtime is closed");
        Upstreams u;
        try {
            u = pendingUpstreams.await();
        } catch (RuntimeException e) {
            upstreamFailure = e;
            pendingUpstreams = null;
            throw e;
        }
        pendingUpstreams = null;
        upstreams = u;
        logUpstreams(u);
        return u;
    }

    private void logUpstreams(Upstreams u) {
        Map<PaymentMode, BakongEndpoint> networks = u.networks();
        {
            ServerSettings.Upstream live = settings.live();
            for (BakongEndpoint n : networks.values()) {
                LOG.info(
                        "BakongPay upstream {}: {} url={} token={}{}",
                        n.mode(),
                        n.description(),
                        n.baseUrl(),
                        n.token() == null ? "missing" : "set",
                        daysLeftText(u, n.mode()));
            }
            if (!networks.containsKey(PaymentMode.TEST)) {
                LOG.info(
                        "BakongPay upstream TEST: none (bk_test_ keys are refused; set {}=true or {})",
                        Settings.SIMULATOR_ENABLED,
                        Settings.TEST_BAKONG_URL);
            }
            if (live.token() == null && settings.command() != ServerSettings.Command.SANDBOX) {
                LOG.warn(
                        "BakongPay upstream LIVE: {} is not set, so bk_live_ payments cannot be checked with NBC",
                        Settings.BAKONG_TOKEN);
            }
        }
    }

    /** The Bakong endpoint of each mode, the embedded simulator when enabled, and a client for each endpoint with a token. */
    private record Upstreams(
            EmbeddedSimulator simulator,
            Map<PaymentMode, BakongEndpoint> networks,
            Map<PaymentMode, BakongClient> clients)
            implements AutoCloseable {
        @Override
        public void close() {
            if (simulator != null) simulator.close();
        }
    }

    private static Upstreams openUpstreams(ServerSettings settings, Clock clock, ServerMetrics metrics) {
        EmbeddedSimulator simulator = null;
        Map<PaymentMode, BakongEndpoint> networks = new EnumMap<>(PaymentMode.class);
        ServerSettings.Upstream live = settings.live();
        networks.put(
                PaymentMode.LIVE,
                new BakongEndpoint(
                        PaymentMode.LIVE,
                        live.baseUrl(),
                        live.token(),
                        live.renewEmail(),
                        live.proxy(),
                        dev.bakongpay.core.config.BakongPayConfig.NBC_URL.equals(live.baseUrl())
                                ? "NBC Bakong Open API"
                                : "Bakong Open API"));
        if (settings.simulatorEnabled()) {
            byte[] seed = new byte[12];
            new SecureRandom().nextBytes(seed); // not generateSeed: that may wait for the kernel's entropy
            String token = "sandbox-" + HexFormat.of().formatHex(seed);
            simulator = EmbeddedSimulator.start(
                    settings.simulator().host(),
                    settings.simulatorPort(),
                    token,
                    settings.simulator().controlToken(),
                    settings.dataDir().resolve("simulator-state.json"));
            networks.put(
                    PaymentMode.TEST,
                    new BakongEndpoint(
                            PaymentMode.TEST, simulator.baseUrl(), token, null, null, "embedded Bakong simulator"));
        } else if (settings.test() != null) {
            networks.put(
                    PaymentMode.TEST,
                    new BakongEndpoint(
                            PaymentMode.TEST,
                            settings.test().baseUrl(),
                            settings.test().token(),
                            null,
                            null,
                            "Bakong simulator"));
        }
        try {
            Map<PaymentMode, BakongClient> clients = new EnumMap<>(PaymentMode.class);
            for (BakongEndpoint n : networks.values()) {
                if (n.token() != null) {
                    clients.put(
                            n.mode(),
                            client(n, clock, settings.budgets(), settings.core().pendingCacheTtl(), metrics));
                }
            }
            return new Upstreams(simulator, networks, clients);
        } catch (RuntimeException e) {
            if (simulator != null) {
                try {
                    simulator.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    /**
     * The configured store alone (migrated), at {@code url} (the configured one, or it with options
     * added): what the {@code keys} command line works on.
     */
    public static Storage openStorage(ServerSettings.Database db, String url, Clock clock) {
        registerJdbcDrivers();
        Map<String, String> options = new HashMap<>();
        if (db.user() != null) options.put("user", db.user());
        if (db.password() != null) options.put("password", db.password());
        options.put("poolSize", Integer.toString(db.poolSize()));
        options.put("groupCommit", Boolean.toString(db.groupCommit()));
        return StorageProviders.openStorage(db.adapter(), new ProviderSettings(url, options, clock));
    }

    /**
     * The webhook dispatcher, started, when {@code BAKONGPAY_WEBHOOK_URL} is set; null (and a log
     * line saying how to turn them on) otherwise. The outbox is the store's, so it is as durable
     * and as shared as the store.
     */
    private static WebhookDispatcher openWebhooks(
            ServerSettings settings, Clock clock, Storage storage, ServerMetrics metrics) {
        ServerSettings.Webhook w = settings.webhook();
        if (w == null) {
            LOG.info(
                    "BakongPay webhooks: off (set {} and {} to POST signed payment events to the shop)",
                    Settings.WEBHOOK_URL,
                    Settings.WEBHOOK_SECRET);
            return null;
        }
        byte[] suffix = new byte[3];
        new SecureRandom().nextBytes(suffix); // not generateSeed: that may wait for the kernel's entropy
        String node = ManagementFactory.getRuntimeMXBean().getName() + "-"
                + HexFormat.of().formatHex(suffix);
        LOG.info(
                "BakongPay webhooks: on, POST to {} (up to {} attempts per event; outbox in the {} store{})",
                redacted(w.url()),
                w.maxAttempts(),
                storage.adapterId(),
                "memory".equals(storage.adapterId())
                        ? ", kept in memory only: events not yet delivered are lost on restart"
                        : "");
        if (w.secret().length() < 16) {
            LOG.warn(
                    "BakongPay webhooks: {} is shorter than 16 characters; a longer random secret is harder to guess",
                    Settings.WEBHOOK_SECRET);
        }
        return WebhookDispatcher.builder(storage.webhooks(), w.url(), w.secret())
                .transactions(storage.transactions())
                .maxAttempts(w.maxAttempts())
                .clock(clock)
                .owner(node)
                .meterRegistry(metrics.registry())
                .build()
                .start();
    }

    /** Scheme, host, port and path: a query string may carry a shop's token. */
    private static String redacted(java.net.URI u) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())
                + (u.getPath() == null ? "" : u.getPath());
    }

    private static String daysLeftText(Upstreams upstreams, PaymentMode mode) {
        BakongClient client = upstreams.clients().get(mode);
        if (client == null) return "";
        var days = client.tokenStatus().daysLeft();
        return days.isPresent() ? " tokenDaysLeft=" + days.getAsLong() : "";
    }

    /** Core's Bakong client (retries, circuit breaker, shared checks, token renewal) for one endpoint. */
    private static BakongClient client(
            BakongEndpoint endpoint,
            Clock clock,
            ServerSettings.Budgets budgets,
            java.time.Duration pendingCacheTtl,
            ServerMetrics metrics) {
        // The client's own "not paid yet" cache sits under the payment service's: both follow
        // BAKONGPAY_PENDING_CACHE_MILLIS, or the two would stack (2 s + 3 s) and slow the checkout page.
        BakongClientConfig.Builder config = BakongClientConfig.builder(
                        endpoint.baseUrl().toString(), endpoint.token())
                .renewalEmail(endpoint.renewEmail())
                .clock(clock)
                .pendingCacheTtl(pendingCacheTtl)
                .requestTimeout(budgets.bakongTimeout())
                .deadline(budgets.bakongDeadline())
                .meterRegistry(metrics.registry(), endpoint.mode().name().toLowerCase(java.util.Locale.ROOT));
        if (endpoint.proxy() != null)
            config.proxy(endpoint.proxy().getHost() + ":" + endpoint.proxy().getPort());
        return BakongClient.create(config.build());
    }

    /**
     * The payment services and what the web layer needs of them, built on first use with the
     * address shoppers reach (the base of {@code checkoutUrl}).
     */
    public synchronized PaymentStack paymentStack(java.net.URI publicUrl) {
        if (paymentStack == null) {
            Map<PaymentMode, PaymentNetwork> byMode = new EnumMap<>(PaymentMode.class);
            for (PaymentMode mode : PaymentMode.values()) {
                byMode.put(
                        mode,
                        upstreams != null
                                ? network(upstreams, mode)
                                : new DeferredNetwork(() -> network(upstreams(), mode)));
            }
            paymentStack = PaymentStack.build(this, byMode, publicUrl);
            LOG.info("BakongPay payments: checkout links at {}/pay/<transactionId>", publicUrl);
            if (!settings.reconcileEvery().isZero()) {
                reconciliation = ReconciliationJob.start(
                        storage.transactions(),
                        paymentStack.payments(),
                        settings.reconcileEvery(),
                        settings.budgets().reconcileLease(),
                        settings.budgets().reconcileBatches());
            }
        }
        return paymentStack;
    }

    private static PaymentNetwork network(Upstreams upstreams, PaymentMode mode) {
        BakongClient client = upstreams.clients().get(mode);
        return client != null
                ? new BakongPaymentNetwork(
                        client, upstreams.networks().get(mode).description())
                : new UnconfiguredNetwork(
                        mode == PaymentMode.LIVE
                                ? "set " + Settings.BAKONG_TOKEN
                                : "set " + Settings.SIMULATOR_ENABLED + "=true or " + Settings.TEST_BAKONG_URL);
    }

    /**
     * Loads the JDBC drivers this class loader sees. DriverManager only looks in the system class
     * loader on its own, which misses the drivers in a WAR's WEB-INF/lib.
     */
    private static void registerJdbcDrivers() {
        ServiceLoader<Driver> drivers = ServiceLoader.load(Driver.class, ServerRuntime.class.getClassLoader());
        drivers.stream().forEach(p -> {
            try {
                p.get();
            } catch (java.util.ServiceConfigurationError | LinkageError e) {
                LOG.debug("JDBC driver {} did not load: {}", p.type(), e.toString());
            }
        });
    }

    /** What the payment services tell of each status change: a log line, and the webhook outbox when on. */
    public PaymentEventListener paymentListener() {
        return paymentListener;
    }

    /** The webhook dispatcher, if webhooks are on. */
    public Optional<WebhookDispatcher> webhooks() {
        return Optional.ofNullable(webhooks);
    }

    public ServerSettings settings() {
        return settings;
    }

    /** The meter registry every component records into, and its Prometheus text. */
    public ServerMetrics metrics() {
        return metrics;
    }

    /** The management port, when {@code BAKONGPAY_MANAGEMENT_PORT} is set. */
    public Optional<ManagementPort> managementPort() {
        return Optional.ofNullable(management);
    }

    public Clock clock() {
        return clock;
    }

    public Storage storage() {
        return storage;
    }

    public RateLimiter rateLimiter() {
        return limiter;
    }

    /** The network each mode runs against; no TEST entry when no simulator is configured. */
    public Map<PaymentMode, BakongEndpoint> networks() {
        return Map.copyOf(upstreams().networks());
    }

    /** The embedded simulator's base URL (its mock bank page is at {@code /}), if one runs here. */
    public Optional<java.net.URI> embeddedSimulatorUrl() {
        return Optional.ofNullable(upstreams().simulator()).map(EmbeddedSimulator::baseUrl);
    }

    /** The address the embedded simulator's socket is bound to (127.0.0.1 unless BAKONG_SIMULATOR_HOST says otherwise). */
    public Optional<java.net.InetSocketAddress> embeddedSimulatorAddress() {
        return Optional.ofNullable(upstreams().simulator()).map(EmbeddedSimulator::listenAddress);
    }

    /**
     * Asks the store a cheap question; UP only when it answers. With webhooks on, also counts the
     * outbox's pending and dead deliveries (both read the outbox's state index), so a monitor can
     * alert on deliveries given up on.
     */
    public HealthReport health() {
        String problem = null;
        Map<String, Object> outbox = null;
        try {
            storage.apiKeys().findByHash(PROBE_HASH);
            if (webhooks != null) {
                outbox = new java.util.LinkedHashMap<>();
                outbox.put("pending", storage.webhooks().count(WebhookDeliveryState.PENDING));
                outbox.put("dead", storage.webhooks().count(WebhookDeliveryState.DEAD));
            }
        } catch (RuntimeException e) {
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            outbox = null;
        }
        Upstreams u = upstreams();
        return HealthReport.of(problem, storage.adapterId(), limiterId, u.networks(), u.clients(), outbox);
    }

    /** Whether this node can take requests: the store and the rate limiter answer now (NBC's state is only reported). */
    public Readiness readiness() {
        Upstreams u = upstreams();
        return readinessCheck.ask(storage.adapterId(), limiterId, HealthReport.upstream(u.networks(), u.clients()));
    }

    @Override
    public synchronized void close() {
        List<AutoCloseable> toClose = new ArrayList<>();
        toClose.add(metrics); // closed last
        toClose.add(storage);
        if (limiter instanceof AutoCloseable c) toClose.add(c);
        boolean simulator = upstreams != null && upstreams.simulator() != null;
        if (upstreams != null) toClose.add(upstreams);
        if (pendingUpstreams != null) {
            BackgroundStart<Upstreams> pending = pendingUpstreams;
            pendingUpstreams = null;
            // still starting (the web server failed first): wait for it and close what it opened;
            // its own failure, if any, is the caller's to report, so it is not logged again here
            toClose.add(() -> pending.closeWhenDone(new RuntimeException("start-up abandoned")));
        }
        if (webhooks != null) toClose.add(webhooks); // before the store it reads
        if (reconciliation != null) toClose.add(reconciliation); // closed first: it uses all of the above
        if (management != null) toClose.add(management); // first of all: no scrape meets a closed store
        toClose.add(readinessCheck);
        closeAll(toClose, null);
        LOG.info(
                "BakongPay stopped: {}store, limiter{} closed",
                webhooks == null ? "" : "webhooks, ",
                simulator ? " and simulator" : "");
    }

    private static void closeAll(List<AutoCloseable> opened, RuntimeException failure) {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                if (failure != null) failure.addSuppressed(e);
                else LOG.warn("BakongPay: closing {} failed", opened.get(i), e);
            }
        }
    }
}
