package dev.bakongpay.simulator.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The mock bank app: one page with its script and style, served from the JAR, no external assets.
 * Deep links from {@code generate_deeplink_by_qr} ({@code /l/<id>}) land here with the QR filled in
 * and read, and, when the link was asked with a {@code sourceInfo}, a link back to that app
 * ({@code appDeepLinkCallback}) once paid, as a bank app returns to the app that opened it.
 */
final class BankPageServlet extends HttpServlet {

    private static final Map<String, String> ASSETS = Map.of(
            "/", "index.html",
            "/bank", "index.html",
            "/bank.js", "bank.js",
            "/bank.css", "bank.css");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8");

    private final transient AccountsAndTokens links;
    private final transient RequestGuard guard;

    BankPageServlet(AccountsAndTokens links, RequestGuard guard) {
        this.links = links;
        this.guard = guard;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        NbcAnswer refused = guard.refusePage(request);
        if (refused != null) {
            HttpIo.write(response, refused);
            return;
        }
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.startsWith("/l/")) {
            AccountsAndTokens.DeepLink link = links.link(path.substring(3));
            if (link == null) {
                response.sendError(404, "This deep link is unknown to the simulator");
                return;
            }
            String page = "/?qr=" + URLEncoder.encode(link.qr(), StandardCharsets.UTF_8);
            if (link.callback() != null) {
                page += "&back=" + URLEncoder.encode(link.callback(), StandardCharsets.UTF_8) + "&app="
                        + URLEncoder.encode(link.appName(), StandardCharsets.UTF_8);
            }
            response.sendRedirect(page);
            return;
        }
        String asset = ASSETS.get(path);
        if (asset == null) {
            HttpIo.write(response, NbcAnswer.failure(404, null, "Not found"));
            return;
        }
        try (InputStream in = BankPageServlet.class.getResourceAsStream("/dev/bakongpay/simulator/bank/" + asset)) {
            if (in == null) {
                throw new IllegalStateException("the JAR lacks the bank page asset " + asset);
            }
            byte[] bytes = in.readAllBytes();
            response.setContentType(TYPES.get(asset.substring(asset.lastIndexOf('.') + 1)));
            // everything the page shows is untrusted QR content: no inline script, no other origin
            response.setHeader(
                    "Content-Security-Policy",
                    "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Cache-Control", "no-store");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
