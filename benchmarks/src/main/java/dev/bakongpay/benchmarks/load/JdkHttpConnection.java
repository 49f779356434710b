package dev.bakongpay.benchmarks.load;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The same contract over {@code java.net.http.HttpClient}, kept so that anyone can measure what the
 * JDK client costs on their machine ({@code --client jdk}) against the socket client. All workers
 * share one {@link HttpClient}, which pools one keep-alive connection per in-flight request.
 */
final class JdkHttpConnection implements HttpClientConnection {

    private final HttpClient client;
    private final URI base;
    private final String apiKey;
    private final Duration timeout;

    JdkHttpConnection(HttpClient client, URI base, String apiKey, Duration timeout) {
        this.client = client;
        this.base = base;
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    static HttpClient newSharedClient(Duration timeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public HttpAnswer exchange(String method, String path, byte[] body, String idempotencyKey) throws IOException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Accept", "application/json");
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new HttpAnswer(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    @Override
    public void close() {
        // the shared client outlives each worker; nothing per connection to release
    }
}
