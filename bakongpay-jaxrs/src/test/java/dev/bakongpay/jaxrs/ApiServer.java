package dev.bakongpay.jaxrs;

import jakarta.ws.rs.core.Application;
import java.net.URI;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/** A JAX-RS application on Jersey + Jetty (EE 11) at {@code /api/v1/*} (and the admin one at {@code /admin/v1/*}), on a free local port. */
final class ApiServer implements AutoCloseable {
    private final Server server = new Server();
    final URI baseUri;

    ApiServer(Application application) {
        this(application, null);
    }

    /** The payment API, and the admin API at {@code /admin/v1/*} when {@code admin} is not null. */
    ApiServer(Application application, Application admin) {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder api = new ServletHolder(new ServletContainer(ResourceConfig.forApplication(application)));
        api.setInitOrder(0); // start Jersey now, not on the first request
        context.addServlet(api, "/api/v1/*");
        if (admin != null) {
            ServletHolder adminApi = new ServletHolder(new ServletContainer(ResourceConfig.forApplication(admin)));
            adminApi.setInitOrder(0);
            context.addServlet(adminApi, "/admin/v1/*");
        }
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        baseUri = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
