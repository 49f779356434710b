package dev.bakongpay.jaxrs.admin;

import jakarta.ws.rs.core.Application;
import java.net.URI;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/** The admin application on Jersey + Jetty (EE 11) at {@code /admin/v1/*}, on a free local port. */
final class AdminTestServer implements AutoCloseable {
    private final Server server = new Server();
    final URI baseUri;

    AdminTestServer(Application application) {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder admin = new ServletHolder(new ServletContainer(ResourceConfig.forApplication(application)));
        admin.setInitOrder(0);
        context.addServlet(admin, "/admin/v1/*");
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
