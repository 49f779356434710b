package dev.bakongpay.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bakongpay.spi.StoreException;
import dev.bakongpay.spi.Transaction;
import dev.bakongpay.spi.memory.MemoryTransactionStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The servlet built in code, as an embedding server does, with a source it controls. */
@DisplayName("The checkout servlet wired in code")
class CheckoutServletWiringTest {
    private final MemoryTransactionStore store = new MemoryTransactionStore(Clock.systemUTC());
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile boolean broken;

    /** Counts refreshes and can fail like a store that lost its database. */
    private final CheckoutSource source = new CheckoutSource() {
        private final StoreCheckoutSource delegate = new StoreCheckoutSource(store);

        @Override
        public Optional<CheckoutView> find(UUID id) {
            if (broken) throw new StoreException("connection refused");
            return delegate.find(id);
        }

        @Override
        public Optional<CheckoutView> refresh(UUID id) {
            refreshes.incrementAndGet();
            return find(id);
        }
    };

    private <T> T withServer(ThrowingFunction<String, T> body) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new CheckoutServlet(source)), "/pay/*");
        server.setHandler(context);
        server.start();
        try {
            return body.apply("http://127.0.0.1:" + connector.getLocalPort());
        } finally {
            server.stop();
        }
    }

    interface ThrowingFunction<A, B> {
        B apply(A a) throws Exception;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("asks the source for a refresh at most once per two seconds however often the page polls")
    void boundedRefresh() throws Exception {
        Transaction t = Fixtures.usd("1.00", Instant.now().plusSeconds(900)).build();
        store.insert(t);
        withServer(base -> {
            for (int i = 0; i < 10; i++)
                assertThat(get(base + "/pay/" + t.id() + "/status").statusCode())
                        .isEqualTo(200);
            return null;
        });
        assertThat(refreshes.get()).isBetween(1, 2); // ten polls well within one window, at most crossing one boundary
    }

    @Test
    @DisplayName("answers a friendly 503 page without a stack trace when the source fails")
    void sourceFails() throws Exception {
        broken = true;
        HttpResponse<String> r = withServer(base -> get(base + "/pay/" + UUID.randomUUID()));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("Checkout unavailable").doesNotContain("StoreException", "connection refused");
    }

    @Test
    @DisplayName("refuses other methods than GET and HEAD")
    void methods() throws Exception {
        Transaction t = Fixtures.usd("1.00", Instant.now().plusSeconds(900)).build();
        store.insert(t);
        int[] codes = withServer(base -> new int[] {
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/pay/" + t.id()))
                                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode(),
            HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base + "/pay/" + t.id()))
                                    .POST(HttpRequest.BodyPublishers.ofString("x"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode()
        });
        assertThat(codes).containsExactly(200, 405);
    }
}
