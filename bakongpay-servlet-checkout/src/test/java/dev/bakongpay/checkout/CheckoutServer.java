package dev.bakongpay.checkout;

import dev.bakongpay.spi.PaymentStatus;
import dev.bakongpay.spi.StatusTransition;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.UpstreamPayment;
import dev.bakongpay.spi.memory.MemoryTransactionStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The checkout servlet on an in-process Jetty, as {@code web-fragment.xml} deploys it (no source in the
 * constructor, source from the context attribute), over an in-memory store the test writes to.
 */
final class CheckoutServer implements AutoCloseable {
    final MemoryTransactionStore store;
    private final Server server = new Server();
    private final ServletContextHandler context = new ServletContextHandler("/shop");
    private final HttpClient http = HttpClient.newHttpClient();

    CheckoutServer(Map<String, String> initParameters, boolean withSource) throws Exception {
        this(initParameters, withSource, Clock.systemUTC());
    }

    /** With {@code clock} for the store, the source and the servlet (a {@code MutableClock} in late-window tests). */
    CheckoutServer(Map<String, String> initParameters, boolean withSource, Clock clock) throws Exception {
        store = new MemoryTransactionStore(clock);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletHolder holder = new ServletHolder(new CheckoutServlet(null, clock));
        holder.setInitParameters(initParameters);
        context.addServlet(holder, "/pay/*");
        if (withSource) context.setAttribute(CheckoutSource.ATTRIBUTE, new StoreCheckoutSource(store, clock));
        server.setHandler(context);
        server.start();
    }

    static CheckoutServer start() throws Exception {
        // the page polls fast so browser tests see changes quickly
        return new CheckoutServer(Map.of(CheckoutServlet.POLL_MILLIS, "250"), true);
    }

    /** Replaces the page's source; the servlet reads the attribute on each request. */
    void useSource(CheckoutSource source) {
        context.setAttribute(CheckoutSource.ATTRIBUTE, source);
    }

    Transaction add(Transaction t) {
        store.insert(t);
        return t;
    }

    /** Records a payment, as the payment services would after NBC confirmed it. */
    void pay(Transaction t) {
        UpstreamPayment p = new UpstreamPayment(
                "ab".repeat(32), "payer@bank", t.bakongId(), t.amount(), t.currency(), Instant.now(), null, null);
        store.transition(StatusTransition.paid(t.id(), PaymentStatus.PENDING, p, false, Instant.now()))
                .orElseThrow();
    }

    /** A wrong payment, as core's Settlement records it: FAILED with an {@code amount_mismatch} reason. */
    void fail(Transaction t) {
        fail(t, "amount_mismatch: paid 1.00 " + t.currency() + ", expected " + t.amount() + " " + t.currency());
    }

    void fail(Transaction t, String reason) {
        store.transition(StatusTransition.failed(t.id(), null, reason, Instant.now()))
                .orElseThrow();
    }

    String url(String path) {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/shop" + path;
    }

    String page(Transaction t) {
        return url("/pay/" + t.id());
    }

    HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(String path, String acceptLanguage) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .header("Accept-Language", acceptLanguage)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
