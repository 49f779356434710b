package dev.bakongpay.spring.boot;

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

    private final transient BakongPayHealth health;

    BakongPayHealthServlet(BakongPayHealth health) {
        this.health = health;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var problem = health.problem();
        problem.ifPresent(
                e -> LOG.warn("BakongPay health: the {} store did not answer: {}", health.store(), e.toString()));
        boolean up = problem.isEmpty();
        resp.setStatus(up ? 200 : 503);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream()
                .write(("{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"store\":\"" + health.store()
                                + "\",\"limiter\":\"" + health.limiter() + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
