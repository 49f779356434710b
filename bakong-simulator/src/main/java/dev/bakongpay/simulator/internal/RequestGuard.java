package dev.bakongpay.simulator.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps web pages and the network away from the control API and the mock bank page. A page open
 * in a developer's browser may send requests to the simulator (a form, {@code fetch} in
 * {@code no-cors} mode, a DNS name rebound to 127.0.0.1); these rules refuse all of them while
 * curl, test code and the mock bank page itself keep working:
 * <ol>
 *   <li>Listening on a loopback address, it answers only requests addressed to a loopback name
 *       ({@code Host} {@code 127.x.x.x}, {@code localhost}, {@code [::1]}): a rebound DNS name is refused.</li>
 *   <li>An {@code Origin} header must be the simulator's own origin ({@code http://} + the {@code Host}
 *       header); {@code Origin: null} is refused. No {@code Origin} at all (curl, Java) is fine.</li>
 *   <li>{@code Sec-Fetch-Site} must be {@code same-origin} when present ({@code none}, a typed address,
 *       also for GET). Another site, or another port of this host ({@code same-site}), is refused.</li>
 *   <li>With a control token, every control call but {@code GET /simulator/health} needs
 *       {@code Authorization: Bearer <token>}.</li>
 *   <li>A POST (and any request with a body) must be {@code application/json}; {@code text/plain} and
 *       {@code application/x-www-form-urlencoded}, what a page can send cross-site without asking,
 *       get 415. The two picture endpoints also take {@code image/*}, {@code application/octet-stream}
 *       and {@code multipart/form-data}.</li>
 * </ol>
 * The mock bank page (GET only) follows rules 1 and 2, and rule 3 except for a top-level navigation:
 * a link or deep link from another site may open it, nothing may embed or fetch it.
 */
final class RequestGuard {

    private static final Set<String> PICTURE_ROUTES = Set.of("POST /payments", "POST /qrs");

    private final boolean loopbackOnly;
    private final byte[] controlToken;

    RequestGuard(boolean loopbackOnly, String controlToken) {
        this.loopbackOnly = loopbackOnly;
        this.controlToken = controlToken == null ? null : controlToken.getBytes(StandardCharsets.UTF_8);
    }

    /** Why this control request is refused, or null. {@code route} is e.g. {@code "POST /payments"}. */
    NbcAnswer refuseControl(HttpServletRequest request, String route) {
        NbcAnswer crossSite = refuseCrossSite(request, false);
        if (crossSite != null) {
            return crossSite;
        }
        if (controlToken != null && !"GET /health".equals(route) && !tokenMatches(request.getHeader("Authorization"))) {
            return NbcAnswer.failure(
                    401,
                    NbcAnswer.UNAUTHORIZED,
                    "the control API needs the simulator's control token: "
                            + "send Authorization: Bearer <BAKONG_SIMULATOR_CONTROL_TOKEN>");
        }
        String method = request.getMethod();
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method) || hasBody) {
            String type = mediaType(request.getContentType());
            boolean json = "application/json".equals(type);
            boolean picture = PICTURE_ROUTES.contains(route)
                    && (type.startsWith("image/")
                            || "application/octet-stream".equals(type)
                            || "multipart/form-data".equals(type));
            if (!json && !picture) {
                return NbcAnswer.failure(
                        415,
                        NbcAnswer.MISSING_FIELDS,
                        "Content-Type was '" + shown(request.getContentType())
                                + "' but the control API takes application/json"
                                + (PICTURE_ROUTES.contains(route)
                                        ? " (or a picture: image/*, application/octet-stream, multipart/form-data)"
                                        : ""));
            }
        }
        return null;
    }

    /** Why this request for the mock bank page is refused, or null. */
    NbcAnswer refusePage(HttpServletRequest request) {
        return refuseCrossSite(request, true);
    }

    private NbcAnswer refuseCrossSite(HttpServletRequest request, boolean page) {
        String host = request.getHeader("Host");
        if (loopbackOnly && !loopbackHost(host)) {
            return forbidden("this simulator listens on a loopback address and answers only requests addressed to "
                    + "127.0.0.1, localhost or [::1] (Host was '" + shown(host) + "')");
        }
        String origin = request.getHeader("Origin");
        if (origin != null && (host == null || !origin.equalsIgnoreCase(request.getScheme() + "://" + host))) {
            return forbidden("cross-origin request refused: Origin was '" + shown(origin)
                    + "' but the simulator answers only its own pages (" + request.getScheme() + "://" + shown(host)
                    + ")");
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            String s = site.trim().toLowerCase(Locale.ROOT);
            boolean safeMethod = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
            boolean allowed = s.equals("same-origin")
                    || (s.equals("none") && safeMethod)
                    || (page
                            && safeMethod
                            && "navigate".equalsIgnoreCase(request.getHeader("Sec-Fetch-Mode"))
                            && "document".equalsIgnoreCase(request.getHeader("Sec-Fetch-Dest")));
            if (!allowed) {
                return forbidden("cross-site request refused: Sec-Fetch-Site was '" + shown(site)
                        + "'; only the simulator's own pages may call it");
            }
        }
        return null;
    }

    private boolean tokenMatches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8), controlToken);
    }

    /** Whether a Host header names this machine's loopback: 127.x.x.x, localhost, [::1]; any port. */
    static boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close > 0 && h.substring(1, close).equals("::1") && portOrNothing(h.substring(close + 1));
        }
        int colon = h.indexOf(':');
        String name = colon < 0 ? h : h.substring(0, colon);
        if (colon >= 0 && !portOrNothing(h.substring(colon))) {
            return false;
        }
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty()
                    || part.length() > 3
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean portOrNothing(String rest) {
        return rest.isEmpty()
                || (rest.startsWith(":")
                        && rest.length() > 1
                        && rest.length() <= 6
                        && rest.substring(1).chars().allMatch(c -> c >= '0' && c <= '9'));
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    private static NbcAnswer forbidden(String message) {
        return NbcAnswer.failure(403, null, message);
    }

    /** A header value as it may appear in a message: short, printable. */
    private static String shown(String value) {
        if (value == null) {
            return "";
        }
        String cut = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
