package dev.bakongpay.simulator.internal;

import jakarta.servlet.MultipartConfigElement;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the simulator's parts and its Jetty server. {@code BakongSimulator} is its public face.
 */
public final class SimulatorEngine {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorEngine.class);
    /**
     * Changes are written to the state file at most this long after they happen, many at once:
     * writing the whole file per payment made a simulator with many payments quadratic.
     */
    private static final long SAVE_DELAY_MILLIS = 100;

    private final Ledger ledger = new Ledger();
    private final CallStats stats = new CallStats();
    private final TokenRegistry tokens;
    private final FaultInjector faults;
    private final PaymentDesk desk;
    private final AccountsAndTokens accounts;
    private final StateFile stateFile;
    private final ScheduledThreadPoolExecutor stateWriter;
    private final AtomicBoolean saveScheduled = new AtomicBoolean();
    private volatile ScheduledFuture<?> pendingSave;
    private final Server server;
    private final OpenApiServlet openApi;
    private final ServerConnector connector;

    public SimulatorEngine(
            String host,
            int port,
            String fixedToken,
            String controlToken,
            Duration tokenLifetime,
            Clock clock,
            Path statePath) {
        QrInspector inspector = new QrInspector(clock);
        this.tokens = new TokenRegistry(fixedToken, tokenLifetime, clock);
        this.faults = new FaultInjector(clock);
        this.desk = new PaymentDesk(ledger, inspector, clock);
        this.accounts = new AccountsAndTokens(ledger, tokens, inspector);
        this.stateFile = statePath == null ? null : new StateFile(statePath);
        if (stateFile != null) {
            StateFile.Snapshot saved = stateFile.load();
            ledger.restore(saved.payments(), saved.qrs(), saved.accounts());
            tokens.restore(saved.tokens());
            stateWriter = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "bakong-simulator-state");
                t.setDaemon(true);
                return t;
            });
            stateWriter.setKeepAliveTime(1, TimeUnit.SECONDS);
            stateWriter.allowCoreThreadTimeOut(true);
            ledger.onChange(this::persistSoon);
            tokens.onChange(this::persistSoon);
        } else {
            stateWriter = null;
        }

        // generous: LATENCY faults hold a thread each while tests fire a hundred concurrent checks
        QueuedThreadPool threads = new QueuedThreadPool(256, 4);
        threads.setName("bakong-simulator");
        threads.setDaemon(true);
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setStopTimeout(2_000);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        this.openApi =
                new OpenApiServlet(new TransactionLookups(ledger, stats, clock), accounts, tokens, faults, stats);
        ServletHolder api = new ServletHolder("open-api", openApi);
        api.setAsyncSupported(true);
        context.addServlet(api, "/v1/*");
        RequestGuard guard = new RequestGuard(loopback(host), controlToken);
        ServletHolder control = new ServletHolder("control", new ControlServlet(this, guard));
        control.getRegistration()
                .setMultipartConfig(new MultipartConfigElement(
                        System.getProperty("java.io.tmpdir"),
                        HttpIo.MAX_BODY_BYTES,
                        HttpIo.MAX_BODY_BYTES * 2L,
                        HttpIo.MAX_BODY_BYTES));
        context.addServlet(control, "/simulator/*");
        context.addServlet(new ServletHolder("bank", new BankPageServlet(accounts, guard)), "/");
        server.setHandler(context);
    }

    /** Whether {@code host} is a loopback address (127.0.0.1, ::1, localhost): then only loopback names are answered. */
    static boolean loopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException | SecurityException e) {
            return false;
        }
    }

    public void start() throws Exception {
        server.start();
    }

    public void stop() throws Exception {
        openApi.releaseHeld(); // held calls (TIMEOUT faults) would keep the graceful stop waiting
        try {
            server.stop();
        } catch (java.util.concurrent.TimeoutException e) {
            // the graceful part ran out of time (clients keeping idle connections, a loaded machine);
            // Jetty stops the server all the same, which is all a caller of stop needs; it then
            // reports FAILED rather than STOPPED because its stop threw
            if (!server.isStopped() && !server.isFailed()) {
                throw e;
            }
            LOG.debug("the simulator's graceful stop timed out; it stopped anyway", e);
        }
        if (stateFile != null) {
            ScheduledFuture<?> pending = pendingSave;
            if (pending != null) {
                pending.cancel(false); // no write after stop returns: the owner may delete the file then
            }
            persistNow(); // whatever the last requests changed is in the file when stop returns
        }
    }

    public boolean running() {
        return server.isRunning();
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The address the socket is bound to (e.g. 127.0.0.1:9090), or null when not listening. */
    public java.net.InetSocketAddress localAddress() {
        if (connector.getTransport() instanceof java.nio.channels.ServerSocketChannel channel) {
            try {
                return (java.net.InetSocketAddress) channel.getLocalAddress();
            } catch (java.io.IOException e) {
                return null;
            }
        }
        return null;
    }

    public Path statePath() {
        return stateFile == null ? null : stateFile.path();
    }

    /** Forgets payments, QRs, accounts, issued tokens, faults and call counts; the fixed token stays. */
    public void reset() {
        ledger.clearAll();
        tokens.clear();
        faults.clear();
        stats.clear();
    }

    public Ledger ledger() {
        return ledger;
    }

    public CallStats stats() {
        return stats;
    }

    public FaultInjector faults() {
        return faults;
    }

    public PaymentDesk desk() {
        return desk;
    }

    public TokenRegistry tokens() {
        return tokens;
    }

    private void persistSoon() {
        if (saveScheduled.compareAndSet(false, true)) {
            pendingSave = stateWriter.schedule(this::persistInBackground, SAVE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void persistInBackground() {
        try {
            persistNow();
        } catch (RuntimeException e) {
            LOG.warn("the simulator's state could not be saved; the next change tries again", e);
        }
    }

    private void persistNow() {
        // cleared before the snapshot: a change made while it is taken schedules one more save
        saveScheduled.set(false);
        // the snapshot is taken under the file's lock, so a later change is never overwritten by an older one
        synchronized (stateFile) {
            stateFile.save(new StateFile.Snapshot(ledger.payments(), ledger.qrs(), ledger.accounts(), tokens.issued()));
        }
    }
}
