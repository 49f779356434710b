package dev.bakongpay.benchmarks.load;

import java.io.Closeable;
import java.io.IOException;

/**
 * One worker's way to the server: a single request in flight at a time. Implementations are not
 * thread-safe; each worker owns one.
 */
interface HttpClientConnection extends Closeable {

    /** Sends a request and reads the whole answer. {@code body} may be null for a GET. */
    default HttpAnswer exchange(String method, String path, byte[] body) throws IOException {
        return exchange(method, path, body, null);
    }

    /** The same with an {@code Idempotency-Key} header when {@code idempotencyKey} is not null. */
    HttpAnswer exchange(String method, String path, byte[] body, String idempotencyKey) throws IOException;

    @Override
    void close();

    /** Status and body of one answer. */
    record HttpAnswer(int status, byte[] body) {}
}
