package dev.bakongpay.server.web.console;

import dev.bakongpay.jaxrs.internal.Json;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The operator console at {@code /admin/}: one static page, one script and one style sheet, all
 * served from this JAR (no CDN). The page holds no data and no secret: its script asks for the
 * admin token and calls {@code /admin/v1} with it. Every answer carries a CSP that lets only this
 * script run and only same-origin requests go out, and forbids framing.
 */
public final class ConsoleServlet extends HttpServlet {
    /** script and style from this origin only; no inline code, no framing, no form posts, no plugins. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final String BASE = "/dev/bakongpay/server/web/console/";
    private static final Map<String, Asset> ASSETS = Map.of(
            "/", new Asset("index.html", "text/html; charset=utf-8"),
            "/console.js", new Asset("console.js", "text/javascript; charset=utf-8"),
            "/console.css", new Asset("console.css", "text/css; charset=utf-8"));

    private record Asset(String file, String contentType, byte[] bytes) {
        Asset(String file, String contentType) {
            this(file, contentType, read(file));
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            error(response, 405, "method_not_allowed", "The console answers GET and HEAD only");
            response.setHeader("Allow", "GET, HEAD");
            return;
        }
        String path = request.getPathInfo();
        if (path == null || path.isEmpty()) {
            // /admin → /admin/, so that the page's relative links (console.js, v1/…) resolve under it
            headers(response);
            response.setStatus(308);
            response.setHeader("Location", request.getContextPath() + request.getServletPath() + "/");
            return;
        }
        Asset asset = ASSETS.get(path);
        if (asset == null) {
            error(response, 404, "not_found", "Nothing is served at this path; the console is at /admin/");
            return;
        }
        headers(response);
        response.setStatus(200);
        response.setContentType(asset.contentType());
        response.setContentLength(asset.bytes().length);
        if (method.equals("GET")) response.getOutputStream().write(asset.bytes());
    }

    private static void headers(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    }

    private static void error(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        headers(response);
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(Json.MAPPER.writeValueAsBytes(Json.error(code, message, List.of())));
    }

    private static byte[] read(String file) {
        try (InputStream in = ConsoleServlet.class.getResourceAsStream(BASE + file)) {
            if (in == null) throw new IllegalStateException(BASE + file + " is missing from the JAR");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
