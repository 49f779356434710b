package dev.bakongpay.jaxrs;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.ws.rs.core.Application;
import java.net.URI;
import java.util.Locale;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * A JAX-RS application at {@code /api/v1/*} (and the admin one at {@code /admin/v1/*}) in Jetty
 * (EE 11), on a free local port, on the JAX-RS runtime {@link #RUNTIME} names: Jersey by default,
 * RESTEasy with {@code -Dbakongpay.test.jaxrs=resteasy} (the {@code resteasy} surefire execution runs
 * the endpoint tests that way). Each execution has only its own runtime on the class path, as a real
 * deployment would.
 */
final class ApiServer implements AutoCloseable {
    static final String PROPERTY = "bakongpay.test.jaxrs";
    static final Runtime RUNTIME =
            Runtime.valueOf(System.getProperty(PROPERTY, "jersey").toUpperCase(Locale.ROOT));
    static final String PATH = "/api/v1";
    static final String ADMIN_PATH = "/admin/v1";

    enum Runtime {
        JERSEY,
        RESTEASY
    }

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
        ContextHandlerCollection contexts =
                new ContextHandlerCollection(mount(new ServletContextHandler("/"), application, PATH));
        if (admin != null) {
            // a context of its own: RESTEasy keeps one deployment per servlet context
            contexts.addHandler(mount(new ServletContextHandler(ADMIN_PATH), admin, ""));
        }
        server.setHandler(contexts);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        baseUri = URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    private static ServletContextHandler mount(ServletContextHandler context, Application application, String prefix) {
        ServletHolder api = switch (RUNTIME) {
            case JERSEY -> new ServletHolder(OnJersey.servlet(application));
            case RESTEASY -> OnResteasy.mount(context, application, prefix);
        };
        api.setInitOrder(0); // start the runtime now, not on the first request
        context.addServlet(api, prefix + "/*");
        return context;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Jersey's classes are named only here, so the RESTEasy run never loads them. */
    private static final class OnJersey {
        static Servlet servlet(Application application) {
            return new org.glassfish.jersey.servlet.ServletContainer(
                    org.glassfish.jersey.server.ResourceConfig.forApplication(application));
        }
    }

    /**
     * RESTEasy's servlet dispatcher over a deployment of this application instance, as a servlet
     * container's RESTEasy integration would set it up; the deployment stops with the context.
     */
    private static final class OnResteasy {
        static ServletHolder mount(ServletContextHandler context, Application application, String prefix) {
            org.jboss.resteasy.spi.ResteasyDeployment deployment = new org.jboss.resteasy.core.ResteasyDeploymentImpl();
            deployment.setApplication(application);
            context.addEventListener(new ServletContextListener() {
                @Override
                public void contextInitialized(ServletContextEvent event) {
                    deployment.start();
                    event.getServletContext()
                            .setAttribute(org.jboss.resteasy.spi.ResteasyDeployment.class.getName(), deployment);
                }

                @Override
                public void contextDestroyed(ServletContextEvent event) {
                    deployment.stop();
                }
            });
            ServletHolder api =
                    new ServletHolder(new org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher());
            if (!prefix.isEmpty()) api.setInitParameter("resteasy.servlet.mapping.prefix", prefix);
            return api;
        }
    }
}
