package dev.bakongpay.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.bakongpay.spi.RateLimit;
import dev.bakongpay.spi.StoreException;
import dev.bakongpay.testsupport.Services;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A Redis of the test's own (a {@code redis-server} child process on a free port) goes away and
 * comes back: decisions fail with {@link StoreException} while it is gone, and resume after.
 */
@DisplayName("Redis going away and coming back")
class RedisOutageTest {
    private Process server;

    private int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void startServer(int port) throws IOException {
        try {
            server = new ProcessBuilder(
                            "redis-server",
                            "--port",
                            String.valueOf(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            Services.missing("redis-server is not installed: " + e.getMessage(), e);
        }
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .ignoreExceptions()
                .until(() -> {
                    try (Socket s = new Socket("127.0.0.1", port)) {
                        return true;
                    }
                });
    }

    private void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
            server = null;
        }
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        stopServer();
    }

    @Test
    @DisplayName("while Redis is down a decision throws StoreException within the timeout; afterwards limiting resumes")
    void outage() throws Exception {
        int port = freePort();
        startServer(port);
        RateLimit limit = RateLimit.perMinute(5);
        try (RedisRateLimiter limiter = RedisRateLimiter.builder("redis://127.0.0.1:" + port)
                .timeout(Duration.ofMillis(500))
                .build()) {
            assertThat(limiter.tryAcquire("k", limit).allowed()).isTrue();
            stopServer();
            assertThatThrownBy(() -> limiter.tryAcquire("k", limit))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("Redis");
            startServer(port);
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> limiter.tryAcquire("k", limit).allowed());
        }
    }
}
