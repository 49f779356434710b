package dev.bakongpay.simulator.internal;

import jakarta.servlet.MultipartConfigElement;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Wires the simulator's parts and its Jetty server. {@code BakongSimulator} is its public face.
 */
public final class SimulatorEngine {

    private final Ledger ledger = new Ledger();
    private final CallStats stats = new CallStats();
    private final TokenRegistry tokens;
    private final FaultInjector faults;
    private final PaymentDesk desk;
    private final AccountsAndTokens accounts;
    private final StateFile stateFile;
    private final Server server;
    private final OpenApiServlet openApi;
    private final ServerConnector connector;

    public SimulatorEngine(String host, int port, String fixedToken, Duration tokenLifetime, Clock clock, Path statePath) {
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
            ledger.onChange(this::persist);
            tokens.onChange(this::persist);
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
        this.openApi = new OpenApiServlet(new TransactionLookups(ledger, stats, clock), accounts, tokens, faults, stats);
        ServletHolder api = new ServletHolder("open-api", openApi);
        api.setAsyncSupported(true);
        context.addServlet(api, "/v1/*");
        ServletHolder control = new ServletHolder("control", new ControlServlet(this));
        control.getRegistration().setMultipartConfig(new MultipartConfigElement(
                System.getProperty("java.io.tmpdir"), HttpIo.MAX_BODY_BYTES, HttpIo.MAX_BODY_BYTES * 2L, HttpIo.MAX_BODY_BYTES));
        context.addServlet(control, "/simulator/*");
        context.addServlet(new ServletHolder("bank", new BankPageServlet(accounts)), "/");
        server.setHandler(context);
    }

    public void start() throws Exception {
        server.start();
    }

    public void stop() throws Exception {
        openApi.releaseHeld(); // held calls (TIMEOUT faults) would keep the graceful stop waiting
        server.stop();
    }

    public boolean running() {
        return server.isRunning();
    }

    public int port() {
        return connector.getLocalPort();
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

    private void persist() {
        // the snapshot is taken under the file's lock, so a later change is never overwritten by an older one
        synchronized (stateFile) {
            stateFile.save(new StateFile.Snapshot(ledger.payments(), ledger.qrs(), ledger.accounts(), tokens.issued()));
        }
    }
}
