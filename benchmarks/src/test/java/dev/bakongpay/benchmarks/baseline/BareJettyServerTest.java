package dev.bakongpay.benchmarks.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BareJettyServerTest {

    private Server server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = BareJettyServer.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void answersAnyPostWithTheSameJsonOf250BytesAndKeepsTheConnection() throws Exception {
        for (String path : new String[] {"/api/v1/check/md5", "/api/v1/khqr/create", "/anything"}) {
            HttpResponse<byte[]> answer = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + BareJettyServer.port(server) + path))
                            .header("Authorization", "Bearer bk_test_x")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"md5\":\"" + "a".repeat(32) + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(answer.headers().firstValueAsLong("Content-Length")).hasValue(250);
            assertThat(answer.headers().firstValue("Server")).isEmpty();
            assertThat(answer.body()).hasSize(250).isEqualTo(BareJettyServer.ANSWER);
            assertThat(new ObjectMapper()
                            .readTree(answer.body())
                            .at("/data/status")
                            .asText())
                    .isEqualTo("SUCCESS");
        }
    }
}
