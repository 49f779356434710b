package dev.bakongpay.server;

import dev.bakongpay.server.runtime.ServerRuntime;
import dev.bakongpay.server.web.BakongPayServletContextListener;
import dev.bakongpay.server.web.ErrorServlet;
import dev.bakongpay.server.web.JsonErrorHandler;
import java.net.URI;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/** The executable JAR's web server: one Jetty connector, one context at {@code /}. */
public final class EmbeddedJetty implements AutoCloseable {
    private final Server server;
    private final ServerConnector connector;
    private final GracefulHandler graceful;

    private EmbeddedJetty(Server server, ServerConnector connector, GracefulHandler graceful) {
        this.server = server;
        this.connector = connector;
        this.graceful = graceful;
    }

    /** Binds {@code host:port} (0 picks a free port) and serves the runtime's application. */
    public static EmbeddedJetty start(ServerRuntime runtime) throws Exception {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        // no "Server: Jetty(12.x)" or X-Powered-By: a version helps only whoever looks for its flaws
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(runtime.settings().host());
        connector.setPort(runtime.settings().port());
        server.addConnector(connector);
        // bind before the application starts, so that it knows the real port when asked for port 0
        connector.open();
        // errors Jetty answers itself, before (server) or around (context) the servlets: the API's
        // JSON envelope with Cache-Control: no-store, not Jetty's HTML page
        server.setErrorHandler(new JsonErrorHandler());
        ServletContextHandler context = new ServletContextHandler("/");
        context.setErrorHandler(new JsonErrorHandler.InContext());
        context.setAttribute(BakongPayServletContextListener.RUNTIME_ATTRIBUTE, runtime);
        URI publicUrl = runtime.settings().publicUrl();
        context.setAttribute(
                BakongPayServletContextListener.PUBLIC_URL_ATTRIBUTE,
                publicUrl != null ? publicUrl : localUrl(connector));
        context.addEventListener(new BakongPayServletContextListener());
        // what no servlet serves is a 404 in the envelope whatever the method (Jetty's own default
        // servlet would echo a TRACE back)
        context.addServlet(new ServletHolder("bakongpay-not-found", new ErrorServlet()), "/");
        // on stop: the connector stops accepting, a request on a kept-alive connection gets 503 with
        // Connection: close, and requests in flight have BAKONGPAY_SHUTDOWN_GRACE to finish
        GracefulHandler graceful = new GracefulHandler(context);
        server.setHandler(graceful);
        // the embedded simulator and the Bakong clients may still be starting on their own thread:
        // Jetty starts this bean after the application (built meanwhile) and before the connector,
        // so no request is taken before they are ready
        server.addBean(new AbstractLifeCycle() {
            @Override
            protected void doStart() {
                runtime.awaitUpstreams();
            }
        });
        server.setStopTimeout(runtime.settings().shutdownGrace().toMillis());
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        return new EmbeddedJetty(server, connector, graceful);
    }

    /** Requests being served now. */
    public long requestsInFlight() {
        return graceful.getCurrentRequestCount();
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Where a browser on this machine reaches the server. */
    public URI localUrl() {
        return localUrl(connector);
    }

    private static URI localUrl(ServerConnector connector) {
        String host = connector.getHost();
        if (host == null || host.equals("0.0.0.0") || host.equals("::")) host = "localhost";
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + connector.getLocalPort());
    }

    /**
     * Stops taking requests and waits up to the stop timeout for those in flight, then closes every
     * connection; requests still running then are cut off, and the exception says so.
     */
    @Override
    public void close() throws Exception {
        server.stop();
    }
}
