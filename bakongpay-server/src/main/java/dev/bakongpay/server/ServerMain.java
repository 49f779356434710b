package dev.bakongpay.server;

import dev.bakongpay.server.config.ConfigLookup;
import dev.bakongpay.server.config.ConfigurationException;
import dev.bakongpay.server.config.ServerSettings;
import dev.bakongpay.server.config.ServerSettings.Command;
import dev.bakongpay.server.runtime.ServerRuntime;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar bakongpay-server.jar serve|sandbox [--config FILE]}, and {@code keys …} ({@link KeysCommand}). Exit codes: 0 after a
 * clean stop, 2 for bad usage or configuration (every problem printed), 1 when start-up failed.
 */
public final class ServerMain {
    static final String USAGE = """
            usage: java -jar bakongpay-server.jar serve|sandbox|keys [--config FILE]
              serve    the API and checkout page, configured from BAKONGPAY_* settings
              sandbox  the same plus the Bakong simulator, test keys and next steps printed; no network needed
              keys     create, list, revoke, rotate or re-plan API keys in the configured store (keys --help)
            Settings: system properties > environment > --config FILE (or BAKONGPAY_CONFIG_FILE). See the README.""";

    private ServerMain() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) System.exit(code);
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
        Logging.configure(settings.logLevel());
        if (command == Command.SANDBOX && settings.seedKeys().isEmpty()) {
            try {
                settings = settings.withSeedKeys(SandboxKeys.loadOrGenerate(settings.dataDir()));
            } catch (java.io.IOException e) {
                err.println("bakongpay-server: cannot keep the sandbox keys in " + settings.dataDir() + ": " + e.getMessage());
                return 1;
            }
        }
        return serve(settings, out, err);
    }

    private static int serve(ServerSettings settings, PrintStream out, PrintStream err) {
        ServerRuntime runtime;
        EmbeddedJetty jetty;
        try {
            runtime = ServerRuntime.open(settings, Clock.systemUTC());
        } catch (ConfigurationException e) {
            err.println(e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("bakongpay-server: start-up failed: " + e.getMessage());
            Logging.logger(ServerMain.class).error("start-up failed", e);
            return 1;
        }
        try {
            jetty = EmbeddedJetty.start(runtime);
        } catch (Exception e) {
            runtime.close();
            err.println("bakongpay-server: the web server did not start on " + settings.host() + ":" + settings.port()
                    + ": " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // web server first, so no request meets a closed store; then the store, limiter, simulator
            try {
                jetty.close();
            } catch (Exception e) {
                Logging.logger(ServerMain.class).warn("stopping the web server failed", e);
            }
            runtime.close();
            stopped.countDown();
        }, "bakongpay-shutdown"));
        Logging.logger(ServerMain.class).info("BakongPay {} listening on {} (health: {}/health)",
                settings.command().name().toLowerCase(java.util.Locale.ROOT), jetty.localUrl(), jetty.localUrl());
        if (settings.command() == Command.SANDBOX) {
            SandboxGuide.print(out, settings, jetty.localUrl(), runtime);
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
