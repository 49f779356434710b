package dev.bakongpay.server;

import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ConfigurationException;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.config.ServerSettings.Command;
import dev.bakongpay.server.config.Settings;
import dev.bakongpay.server.runtime.ServerRuntime;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * {@code java -jar bakongpay-server.jar serve|sandbox [--config FILE]}, and {@code keys …}
 * ({@link KeysCommand}). Exit codes: 0 after a clean stop, 2 for bad usage or configuration (every
 * problem printed), 1 when start-up failed (one line saying why: the data folder in use, the port
 * taken, the store unreachable…).
 */
public final class ServerMain {
    static final String USAGE = """
            usage: java -jar bakongpay-server.jar serve|sandbox|keys [--config FILE]
              serve    the API and checkout page, configured from BAKONGPAY_* settings
              sandbox  the same plus the Bakong simulator, test keys and next steps printed; no network needed
              keys     create, list, revoke, rotate or re-plan API keys in the configured store (keys --help)
            Settings: system properties > environment > --config FILE (or BAKONGPAY_CONFIG_FILE). See the README.""";

    private ServerMain() {}

    /** Jetty's own setting, read once when its first queue class loads. */
    static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    public static void main(String[] args) {
        skipJettysMBeanProbe();
        int code = run(args, System.out, System.err);
        if (code != 0) System.exit(code);
    }

    /**
     * Without {@value #JETTY_REFERENCES_PER_CACHE_LINE} Jetty asks the platform MBean server
     * whether object references are compressed, to pad its queues by a cache line: building that
     * server (every platform MXBean registered) took 0.2 s of CPU of a 1.7 s start. 16 is right
     * with compressed references (the JVM's default below 32 GB of heap) and pads twice as much as
     * needed without them; either way no two hot fields share a line. An operator's own value wins.
     */
    static void skipJettysMBeanProbe() {
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
        }
    }

    /** Starts the server and blocks until it is stopped (Ctrl-C); returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("keys")) {
            return KeysCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err, Clock.systemUTC());
        }
        Command command = null;
        String configFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "serve" -> command = Command.SERVE;
                case "sandbox" -> command = Command.SANDBOX;
                case "--config" -> configFile = i + 1 < args.length ? args[++i] : "";
                case "-h", "--help", "help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    err.println("bakongpay-server: unknown argument '" + args[i] + "'\n" + USAGE);
                    return 2;
                }
            }
        }
        if (command == null || "".equals(configFile)) {
            err.println(USAGE);
            return 2;
        }
        ServerSettings settings;
        try {
            settings = ServerSettings.read(ConfigLookup.standard(configFile), command);
        } catch (ConfigurationException e) {
            err.println(e.getMessage());
            return 2;
        }
        Logging.configure(settings.logLevel(), settings.logFormat());
        Launch launch = launch(settings, out, err);
        if (launch.server() == null) return launch.exitCode();
        RunningServer server = launch.server();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "bakongpay-shutdown"));
        try {
            server.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** What a failed start of the store (and management port), or of the simulator and the Bakong clients, prints. */
    private static Launch runtimeFailed(
            RuntimeException e, boolean upstreams, ServerSettings settings, PrintStream err) {
        if (upstreams && bindFailure(e)) {
            err.println("bakongpay-server: the simulator's address "
                    + settings.simulator().host() + ":" + settings.simulatorPort()
                    + " is already in use; stop what listens there or set " + Settings.SIMULATOR_PORT
                    + " to a free port (0 picks one)");
            return Launch.failed(1);
        }
        err.println("bakongpay-server: start-up failed: " + e.getMessage());
        Logging.logger(ServerMain.class).error("start-up failed", e);
        return Launch.failed(1);
    }

    /** A running server, or the exit code of a start-up that failed (its reason already printed). */
    record Launch(int exitCode, RunningServer server) {
        static Launch failed(int exitCode) {
            return new Launch(exitCode, null);
        }
    }

    /**
     * Everything {@code serve} and {@code sandbox} do up to "listening": the data folder's lock, the
     * sandbox keys, the store, limiter and simulator, the web server, the start-up warnings.
     */
    static Launch launch(ServerSettings settings, PrintStream out, PrintStream err) {
        Optional<DataDirLock> lock = Optional.empty();
        if (usesDataDir(settings)) {
            try {
                lock = DataDirLock.tryAcquire(settings.dataDir());
            } catch (IOException e) {
                err.println("bakongpay-server: cannot use the data folder " + settings.dataDir() + " (" + e.getMessage()
                        + "); make it writable or set " + Settings.DATA_DIR + " to another folder");
                return Launch.failed(1);
            }
            if (lock.isEmpty()) {
                err.println("bakongpay-server: the data folder " + settings.dataDir()
                        + " is in use by another BakongPay server;"
                        + " stop that one first, or give this one its own folder with " + Settings.DATA_DIR);
                return Launch.failed(1);
            }
        }
        Launch launch = portTaken(settings.host(), settings.port())
                ? Launch.failed(portInUse(settings, err))
                : start(settings, out, err, lock.orElse(null));
        if (launch.server() == null) lock.ifPresent(ServerMain::release);
        return launch;
    }

    /**
     * Whether something listens on the port already: asked before the store is opened and migrated,
     * so a taken port fails in a second, not after the migration. The web server's own bind still decides.
     */
    private static boolean portTaken(String host, int port) {
        if (port == 0) return false;
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true); // as Jetty binds, so a port in TIME_WAIT is not called taken
            probe.bind(new java.net.InetSocketAddress(host, port));
            return false;
        } catch (BindException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // an address this machine lacks: the web server's bind says so
        }
    }

    private static int portInUse(ServerSettings settings, PrintStream err) {
        err.println("bakongpay-server: " + settings.host() + ":" + settings.port()
                + " is already in use; stop what listens there" + " or set " + Settings.PORT
                + " to a free port (0 picks one)");
        return 1;
    }

    /** The embedded H2 file, the simulator's state and the sandbox keys live in the data folder. */
    private static boolean usesDataDir(ServerSettings settings) {
        return settings.db().embeddedDefault() || settings.simulatorEnabled() || settings.command() == Command.SANDBOX;
    }

    private static Launch start(ServerSettings settings, PrintStream out, PrintStream err, DataDirLock lock) {
        if (settings.command() == Command.SANDBOX && settings.seedKeys().isEmpty()) {
            try {
                settings = settings.withSeedKeys(SandboxKeys.loadOrGenerate(settings.dataDir()));
            } catch (IOException e) {
                err.println("bakongpay-server: cannot keep the sandbox keys in " + settings.dataDir() + ": "
                        + e.getMessage());
                return Launch.failed(1);
            }
        }
        ServerRuntime runtime;
        EmbeddedJetty jetty;
        try {
            // the simulator and the Bakong clients finish starting while Jetty builds the application
            runtime = ServerRuntime.openBesideUpstreams(settings, Clock.systemUTC());
        } catch (ConfigurationException e) {
            err.println(e.getMessage());
            return Launch.failed(2);
        } catch (RuntimeException e) {
            return runtimeFailed(e, false, settings, err);
        }
        try {
            jetty = EmbeddedJetty.start(runtime);
        } catch (Exception e) {
            var upstreamFailure = runtime.upstreamFailure();
            runtime.close();
            if (upstreamFailure.isPresent()) {
                return runtimeFailed(upstreamFailure.get(), true, settings, err);
            }
            if (bindFailure(e)) {
                return Launch.failed(portInUse(settings, err));
            } else {
                err.println("bakongpay-server: the web server did not start on " + settings.host() + ":"
                        + settings.port() + ": " + e.getMessage());
            }
            return Launch.failed(1);
        }
        Logger log = Logging.logger(ServerMain.class);
        log.info(
                "BakongPay {} listening on {} (health: {}/health, probes: /health/live, /health/ready)",
                settings.command().name().toLowerCase(Locale.ROOT),
                jetty.localUrl(),
                jetty.localUrl());
        if (settings.command() == Command.SERVE) warnIfNoKey(runtime, log);
        if (settings.command() == Command.SANDBOX) {
            SandboxGuide.print(out, settings, jetty.localUrl(), runtime);
        }
        return new Launch(0, new RunningServer(settings, runtime, jetty, lock));
    }

    private static boolean bindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) return true;
        }
        return false;
    }

    /** Every API request would get 401: say so, and how to make a key. */
    private static void warnIfNoKey(ServerRuntime runtime, Logger log) {
        boolean any;
        try {
            any = !runtime.settings().seedKeys().isEmpty()
                    || runtime.storage().apiKeys().anyActive();
        } catch (RuntimeException e) {
            return; // the store's trouble shows in /health and /health/ready
        }
        if (!any) {
            log.warn(
                    "BakongPay: no API key is active, so every API request gets 401. Create one with: java -jar {} keys create"
                            + " --plan PRO --label \"Shop A\" (or set {}=bk_live_...=PRO)",
                    jarName(),
                    Settings.API_KEYS);
        }
    }

    /** This JAR's file name as the operator has it, for commands to copy. */
    private static String jarName() {
        try {
            Path location = Path.of(ServerMain.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            String name = location.getFileName().toString();
            if (name.endsWith(".jar")) return name;
        } catch (Exception e) {
            // classes run from a folder (tests, an IDE): the name the build gives the JAR
        }
        String version = ServerMain.class.getPackage().getImplementationVersion();
        return "bakongpay-server-" + (version != null ? version : "<version>") + ".jar";
    }

    private static void release(DataDirLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            Logging.logger(ServerMain.class)
                    .warn("BakongPay: could not release {}: {}", DataDirLock.FILE, e.toString());
        }
    }

    /** A started server; {@link #stop()} is what Ctrl-C and SIGTERM do. */
    static final class RunningServer {
        private final ServerSettings settings;
        private final ServerRuntime runtime;
        private final EmbeddedJetty jetty;
        private final DataDirLock lock;
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final CountDownLatch stopped = new CountDownLatch(1);

        private RunningServer(ServerSettings settings, ServerRuntime runtime, EmbeddedJetty jetty, DataDirLock lock) {
            this.settings = settings;
            this.runtime = runtime;
            this.jetty = jetty;
            this.lock = lock;
        }

        URI localUrl() {
            return jetty.localUrl();
        }

        ServerRuntime runtime() {
            return runtime;
        }

        long requestsInFlight() {
            return jetty.requestsInFlight();
        }

        /**
         * Stops taking new requests (the port closes; a request on a kept-alive connection gets 503),
         * lets those in flight finish within {@code BAKONGPAY_SHUTDOWN_GRACE}, then closes the store,
         * limiter and simulator and frees the data folder. Web server first, so no request meets a
         * closed store. A second call waits for the first.
         */
        void stop() {
            if (!stopping.compareAndSet(false, true)) {
                awaitQuietly();
                return;
            }
            Logger log = Logging.logger(ServerMain.class);
            try {
                log.info(
                        "BakongPay stopping: new requests refused; {} in flight get up to {} ms to finish",
                        jetty.requestsInFlight(),
                        settings.shutdownGrace().toMillis());
                try {
                    jetty.close();
                } catch (Exception e) {
                    log.warn(
                            "BakongPay: requests still in flight after {} ms were cut off ({}); raise {} to give them longer",
                            settings.shutdownGrace().toMillis(),
                            e.toString(),
                            Settings.SHUTDOWN_GRACE);
                }
                runtime.close();
                if (lock != null) release(lock);
            } finally {
                stopped.countDown();
            }
        }

        void awaitStop() throws InterruptedException {
            stopped.await();
        }

        private void awaitQuietly() {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
