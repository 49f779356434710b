package dev.bakongpay.benchmarks.baseline;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The rungs between {@link BareJettyServer} and the server (issue 19): the same fixed 250-byte
 * answer to a POST, served by ever more of the server's stack, so that a check's cost can be
 * split between the layers it passes through. Every rung has the server's Jetty, connector and
 * thread pool ({@code EmbeddedJetty}'s settings).
 * <ul>
 *   <li>{@code servlet}: one {@link HttpServlet} in a {@link ServletContextHandler} at {@code /}
 *       (Jetty's servlet layer, as the server's checkout page and Jersey run in it);</li>
 *   <li>{@code jersey}: Jersey's {@link ServletContainer} in that context, with one JAX-RS
 *       resource method that reads the JSON body through Jackson's JAX-RS provider (as the API
 *       does) and returns the answer's bytes; the Jersey features the API turns off are off;</li>
 *   <li>{@code jersey-bytes}: as {@code jersey}, the body taken as bytes (no Jackson);</li>
 *   <li>{@code jersey-jetty}: the {@code jersey} resource on Jersey's own Jetty handler
 *       ({@link JettyHttpContainer}), no servlet layer in between;</li>
 *   <li>{@code resteasy}: the {@code jersey} resource and provider on RESTEasy's servlet
 *       dispatcher in the servlet context (the other JAX-RS runtime the API is tested on).</li>
 * </ul>
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.bakongpay.benchmarks.baseline.StackLadderServer servlet|jersey|jersey-jetty PORT</pre>
 */
public final class StackLadderServer {

    private StackLadderServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[1].matches("\\d{1,5}")) {
            System.err.println("usage: StackLadderServer servlet|jersey|jersey-jetty PORT");
            System.exit(2);
            return;
        }
        Handler handler = switch (args[0]) {
            case "servlet" -> servletContext(new FixedAnswerServlet());
            case "jersey" -> servletContext(new ServletContainer(application(FixedAnswerResource.class)));
            case "jersey-bytes" -> servletContext(new ServletContainer(application(BytesAnswerResource.class)));
            case "resteasy" -> resteasyContext();
            case "jersey-jetty" ->
                ContainerFactory.createContainer(JettyHttpContainer.class, application(FixedAnswerResource.class));
            default -> throw new IllegalArgumentException("unknown rung '" + args[0] + "'");
        };
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(args[1]));
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
        System.err.println(args[0] + " rung listening on " + server.getURI());
        server.join();
    }

    private static ServletContextHandler resteasyContext() {
        org.jboss.resteasy.spi.ResteasyDeployment deployment = new org.jboss.resteasy.core.ResteasyDeploymentImpl();
        deployment.setApplication(new jakarta.ws.rs.core.Application() {
            @Override
            public java.util.Set<Class<?>> getClasses() {
                return java.util.Set.of(FixedAnswerResource.class, JacksonJsonProvider.class);
            }
        });
        ServletContextHandler context =
                servletContext(new org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher());
        context.addEventListener(new jakarta.servlet.ServletContextListener() {
            @Override
            public void contextInitialized(jakarta.servlet.ServletContextEvent event) {
                deployment.start();
                event.getServletContext()
                        .setAttribute(org.jboss.resteasy.spi.ResteasyDeployment.class.getName(), deployment);
            }
        });
        return context;
    }

    private static ServletContextHandler servletContext(HttpServlet servlet) {
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(servlet), "/*");
        return context;
    }

    /** One resource, Jackson's provider, and the switches {@code BakongPayApplication} sets. */
    static ResourceConfig application(Class<?> resource) {
        return new ResourceConfig()
                .register(resource)
                .register(JacksonJsonProvider.class)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true)
                .property(ServerProperties.BV_FEATURE_DISABLE, true);
    }

    /** Reads the body to its end and answers the fixed bytes. */
    static final class FixedAnswerServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getInputStream().readAllBytes();
            response.setStatus(200);
            response.setContentType("application/json");
            response.setContentLength(BareJettyServer.ANSWER.length);
            response.getOutputStream().write(BareJettyServer.ANSWER);
        }
    }

    /** Any POST under {@code /api/v1}: the body as bytes, then the fixed bytes. */
    @Path("/api/v1/{operation: .+}")
    public static final class BytesAnswerResource {
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        public byte[] answer(byte[] body) {
            return BareJettyServer.ANSWER;
        }
    }

    /** Any POST under {@code /api/v1}: the JSON body as a map, then the fixed bytes. */
    @Path("/api/v1/{operation: .+}")
    public static final class FixedAnswerResource {
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.APPLICATION_JSON)
        public byte[] answer(Map<String, Object> body) {
            return BareJettyServer.ANSWER;
        }
    }
}
