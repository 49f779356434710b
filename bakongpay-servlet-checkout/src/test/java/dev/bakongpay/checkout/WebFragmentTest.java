package dev.bakongpay.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.memory.MemoryTransactionStore;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drop-in path: a web application with this JAR in WEB-INF/lib and no code of its own for the page. */
@DisplayName("The web fragment")
class WebFragmentTest {

    @Test
    @DisplayName("maps the checkout page to /pay/* in a web application that only sets the source attribute")
    void dropIn(@TempDir Path webapp) throws Exception {
        Path lib = Files.createDirectories(webapp.resolve("WEB-INF/lib"));
        Files.writeString(webapp.resolve("WEB-INF/web.xml"), """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0"/>
                """);
        // the JAR as packaging would make it; classes come from the test class path (parent-first)
        try (JarOutputStream jar =
                new JarOutputStream(Files.newOutputStream(lib.resolve("bakongpay-servlet-checkout.jar")))) {
            jar.putNextEntry(new JarEntry("META-INF/web-fragment.xml"));
            try (var in = CheckoutServlet.class.getResourceAsStream("/META-INF/web-fragment.xml")) {
                in.transferTo(jar);
            }
            jar.closeEntry();
        }
        MemoryTransactionStore store = new MemoryTransactionStore(Clock.systemUTC());
        Transaction t = Fixtures.usd("25.00", Instant.now().plusSeconds(900)).build();
        store.insert(t);

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        WebAppContext context = new WebAppContext(webapp.toString(), "/");
        context.setParentLoaderPriority(true);
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent e) {
                e.getServletContext().setAttribute(CheckoutSource.ATTRIBUTE, new StoreCheckoutSource(store));
            }
        });
        server.setHandler(context);
        server.start();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://127.0.0.1:" + connector.getLocalPort() + "/pay/" + t.id()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("FINN SHOP", ">25.00<");
        } finally {
            server.stop();
        }
    }
}
