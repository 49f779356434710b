package dev.bakongpay.benchmarks.baseline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The bare HTTP stack the server's rates are divided by (issue 19): the same Jetty, connector and
 * thread pool as {@code bakongpay-server}'s {@code EmbeddedJetty}, with one handler in place of
 * the servlet context that reads and drops the request body and answers every request with the
 * same 250-byte JSON. What the server adds on top (servlets, Jersey, the API key, the store, the
 * QR) is what its ratio to this one measures.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.bakongpay.benchmarks.baseline.BareJettyServer 28080 [host]</pre>
 */
public final class BareJettyServer {

    /** 250 bytes, shaped like a final-status check answer. */
    static final byte[] ANSWER = answer();

    private BareJettyServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || !args[0].matches("\\d{1,5}")) {
            System.err.println("usage: BareJettyServer PORT [HOST]   (HOST defaults to 127.0.0.1)");
            System.exit(2);
            return;
        }
        Server server = start(args.length > 1 ? args[1] : "127.0.0.1", Integer.parseInt(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (Exception e) {
                // stopping on exit: nothing left to tell anybody
            }
        }));
        System.err.println("bare Jetty listening on " + server.getURI());
        server.join();
    }

    /** Binds {@code host:port} (0 picks a free one) and starts serving. */
    static Server start(String host, int port) throws Exception {
        // EmbeddedJetty's settings: Jetty's default thread pool and connector, no version headers
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new FixedAnswer());
        server.start();
        return server;
    }

    static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Any method, any path: the body is read to its end and dropped, then the fixed answer. */
    private static final class FixedAnswer extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            // a blocking read on the pool thread, as the servlet stack reads a JSON body
            Content.Source.consumeAll(request);
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, ANSWER.length);
            response.write(true, ByteBuffer.wrap(ANSWER), callback);
            return true;
        }
    }

    private static byte[] answer() {
        String head = "{\"success\":true,\"data\":{\"md5\":\"0123456789abcdef0123456789abcdef\",\"status\":\"SUCCESS\","
                + "\"amount\":12.34,\"currency\":\"USD\",\"hash\":\"0123abcd\",\"fromAccountId\":\"payer@devb\","
                + "\"toAccountId\":\"loadshop@devb\",\"paidAt\":\"2026-12-07T00:00:00Z\",\"note\":\"";
        String tail = "\"}}";
        return (head + "x".repeat(250 - head.length() - tail.length()) + tail).getBytes(StandardCharsets.US_ASCII);
    }
}
