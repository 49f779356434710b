package dev.bakongpay.spring.boot;

import dev.bakongpay.spi.RateLimiter;
import dev.bakongpay.spi.Storage;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET <bakongpay.paths.health>}: 200 {@code {"status":"UP","store":…,"limiter":…}} when the
 * store answers a query, 503 {@code "DOWN"} otherwise (the reason is logged, not shown).
 */
final class BakongPayHealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BakongPayHealthServlet.class);
    /** A hash no key has: looking it up is the cheapest query that proves the store answers. */
    private static final String PROBE_HASH = "0".repeat(64);

    private final transient Storage storage;
    private final String limiterId;

    BakongPayHealthServlet(Storage storage, RateLimiter limiter) {
        this.storage = storage;
        this.limiterId = limiter instanceof dev.bakongpay.adapters.redis.RedisRateLimiter ? "redis" : "memory";
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        boolean up;
        try {
            storage.apiKeys().findByHash(PROBE_HASH);
            up = true;
        } catch (RuntimeException e) {
            LOG.warn("BakongPay health: the {} store did not answer: {}", storage.adapterId(), e.toString());
            up = false;
        }
        resp.setStatus(up ? 200 : 503);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream()
                .write(("{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"store\":\"" + storage.adapterId()
                                + "\",\"limiter\":\"" + limiterId + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
