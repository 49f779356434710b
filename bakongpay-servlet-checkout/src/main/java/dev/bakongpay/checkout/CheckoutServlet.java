package dev.bakongpay.checkout;

import dev.bakongpay.checkout.internal.CheckoutPage;
import dev.bakongpay.checkout.internal.Fonts;
import dev.bakongpay.checkout.internal.Links;
import dev.bakongpay.checkout.internal.Messages;
import dev.bakongpay.checkout.internal.RefreshThrottle;
import dev.bakongpay.checkout.internal.SecurityHeaders;
import dev.bakongpay.core.khqr.KhqrException;
import dev.bakongpay.core.payment.PaymentService;
import dev.bakongpay.core.render.QrFormat;
import dev.bakongpay.core.render.QrImageOptions;
import dev.bakongpay.core.render.QrRenderException;
import dev.bakongpay.core.render.QrRenderer;
import dev.bakongpay.spi.PaymentStatus;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosted checkout page, mapped to {@code /pay/*}:
 * <ul>
 * <li>{@code GET /pay/{transactionId}[?lang=en|km]}: the KHQR payment card (HTML)</li>
 * <li>{@code GET /pay/{transactionId}/qr.png[?size=n]}: the QR image, drawn by core's {@link QrRenderer}
 * (black on white, error correction M, 4-module quiet zone; 528 px unless {@code size} asks for
 * 100 to 1024, a size out of that range being brought into it)</li>
 * <li>{@code GET /pay/{transactionId}/card.png}: the KHQR card the page's "Save QR" button
 * downloads, named after the merchant and amount</li>
 * <li>{@code GET /pay/{transactionId}/status}: {@code {"status": …}} JSON the page polls</li>
 * <li>{@code GET /pay/{transactionId}/app}: the create answer's {@code deepLink}. For a pending
 * payment, a 302 to the source's {@link CheckoutSource#bankAppLink bank-app link}; when there is
 * none (NBC declined or could not answer), the checkout page itself with a note to save or scan
 * the QR. Once the payment is no longer pending, a 302 to the checkout page.</li>
 * <li>{@code GET /pay/app-icon.svg}: the icon named in the bank-app link request when none is configured</li>
 * <li>{@code GET /pay/fonts/{name}}: the bundled Khmer web font, under names that carry a hash of
 * their bytes, cacheable for a year</li>
 * </ul>
 * The {@link CheckoutSource} comes from the constructor or, for the no-argument constructor used
 * by {@code web-fragment.xml}, from the servlet-context attribute {@value CheckoutSource#ATTRIBUTE},
 * read on each request so the application may set it after the servlet starts; without one the
 * servlet answers 503.
 */
public class CheckoutServlet extends HttpServlet {
    /** Init or context parameter: CSP {@code frame-ancestors} sources allowed to frame the page (default none). */
    public static final String FRAME_ANCESTORS = "dev.bakongpay.checkout.frameAncestors";
    /** Init or context parameter: how often the page polls its status, in milliseconds (default 2000). */
    public static final String POLL_MILLIS = "dev.bakongpay.checkout.pollMillis";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CheckoutServlet.class);
    // canonical form only, so one transaction has one URL and odd spellings 404
    private static final Pattern PATH = Pattern.compile(
            "/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(/qr\\.png|/card\\.png|/status|/app)?");
    private static final Duration REFRESH_WINDOW = Duration.ofSeconds(2);
    /** Default width of the QR image: 2 px per CSS pixel of the page's 264 px image, sharp on phone screens. */
    static final int QR_SIZE = 528;
    /** Smallest {@code ?size}: core's renderer draws no smaller. */
    static final int QR_MIN_SIZE = QrImageOptions.MIN_SIZE;
    /** Largest {@code ?size}: more only costs bandwidth. */
    static final int QR_MAX_SIZE = 1024;

    private static final QrRenderer QR = new QrRenderer();
    /** Width of the saved card: sharp on a phone, small to keep. */
    static final int CARD_WIDTH = 600;

    private final transient CheckoutSource fixedSource;
    private final transient Clock clock;
    private transient volatile RefreshThrottle throttle;
    private transient SecurityHeaders headers = new SecurityHeaders(null);
    private long pollMillis = 2000;
    private volatile boolean warnedNoSource;

    /** For {@code web-fragment.xml}: the source comes from the servlet-context attribute. */
    public CheckoutServlet() {
        this(null, Clock.systemUTC());
    }

    public CheckoutServlet(CheckoutSource source) {
        this(Objects.requireNonNull(source, "source"), Clock.systemUTC());
    }

    /**
     * @param source null to read the servlet-context attribute
     * @param clock  the clock of the countdown and the refresh throttle
     */
    public CheckoutServlet(CheckoutSource source, Clock clock) {
        this.fixedSource = source;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void init() {
        headers = new SecurityHeaders(parameter(FRAME_ANCESTORS));
        String poll = parameter(POLL_MILLIS);
        if (poll != null) {
            if (!poll.strip().matches("[0-9]{1,7}")) {
                throw new IllegalArgumentException(
                        POLL_MILLIS + " was '" + poll + "' but it must be a number of milliseconds");
            }
            pollMillis = Math.max(250, Long.parseLong(poll.strip())); // faster polling only loads the server
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Messages lang = Messages.choose(req.getParameter("lang"), Collections.list(req.getLocales()));
        String path = Objects.requireNonNullElse(req.getPathInfo(), "");
        if (path.startsWith(Fonts.DIRECTORY)) { // needs no source: the 503 page shows Khmer too
            font(req, resp, lang, path.substring(Fonts.DIRECTORY.length()));
            return;
        }
        if (path.equals("/" + PaymentService.APP_ICON)) {
            headers.data(resp);
            resp.setHeader("Cache-Control", "public, max-age=86400");
            send(resp, 200, "image/svg+xml", CheckoutPage.appIcon());
            return;
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            message(req, resp, 404, lang, "notFound");
            return;
        }
        RefreshThrottle t = throttle();
        if (t == null) {
            if (!warnedNoSource) { // once: every shopper's request would repeat it
                warnedNoSource = true;
                LOG.warn(
                        "No checkout source: set the servlet-context attribute {}; answering 503",
                        CheckoutSource.ATTRIBUTE);
            }
            message(req, resp, 503, lang, "unavailable");
            return;
        }
        UUID id = UUID.fromString(m.group(1));
        String what = m.group(2) == null ? "" : m.group(2);
        Optional<CheckoutView> view;
        try {
            view = what.equals("/qr.png") || what.equals("/card.png") || what.equals("/app")
                    ? t.source().find(id)
                    : t.current(id);
        } catch (RuntimeException e) {
            LOG.warn("Checkout source failed for transaction {}", id, e);
            message(req, resp, 503, lang, "unavailable");
            return;
        }
        if (view.isEmpty()) {
            message(req, resp, 404, lang, "notFound");
            return;
        }
        String canonicalId = m.group(1).toLowerCase(java.util.Locale.ROOT);
        switch (what) {
            case "/qr.png" -> qr(req, resp, view.get());
            case "/card.png" -> card(resp, view.get());
            case "/status" -> status(resp, view.get());
            case "/app" -> app(req, resp, t.source(), view.get(), lang, canonicalId);
            default -> page(req, resp, view.get(), lang, canonicalId, false);
        }
    }

    /**
     * The deep link: to the bank app while the payment is pending and a link can be had, else the
     * checkout page (a note on it when the link could not be had). Never an error page: the
     * shopper can always scan or save the QR.
     */
    private void app(
            HttpServletRequest req,
            HttpServletResponse resp,
            CheckoutSource source,
            CheckoutView v,
            Messages lang,
            String id)
            throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Referrer-Policy", "no-referrer");
        if (v.status() != PaymentStatus.PENDING || v.isFinal(clock.instant())) {
            resp.sendRedirect(req.getContextPath() + req.getServletPath() + "/" + id);
            return;
        }
        Optional<String> link;
        try {
            link = source.bankAppLink(v.transactionId()).map(Links::webUrlOrNull);
        } catch (RuntimeException e) {
            LOG.warn("No bank-app link for transaction {}", id, e);
            link = Optional.empty();
        }
        if (link.isPresent()) {
            resp.sendRedirect(link.get());
            return;
        }
        page(req, resp, v, lang, id, true);
    }

    private void page(
            HttpServletRequest req,
            HttpServletResponse resp,
            CheckoutView v,
            Messages lang,
            String id,
            boolean appUnavailable)
            throws IOException {
        String nonce = SecurityHeaders.nonce();
        String base = req.getContextPath() + req.getServletPath() + "/" + id;
        String html = CheckoutPage.render(
                v, lang, base, Fonts.fontFaces(servletBase(req)), nonce, clock.instant(), pollMillis, appUnavailable);
        headers.page(resp, nonce);
        send(resp, 200, "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private void qr(HttpServletRequest req, HttpServletResponse resp, CheckoutView v) throws IOException {
        int size = QR_SIZE;
        String asked = req.getParameter("size");
        if (asked != null && asked.matches("[0-9]{2,4}")) {
            size = Math.max(QR_MIN_SIZE, Math.min(Integer.parseInt(asked), QR_MAX_SIZE));
        }
        headers.data(resp);
        send(resp, 200, "image/png", qrPng(v.qrString(), size));
    }

    /** The picture the page's "Save QR" button downloads, under a name that says merchant and amount. */
    private void card(HttpServletResponse resp, CheckoutView v) throws IOException {
        headers.data(resp);
        resp.setHeader(
                "Content-Disposition",
                "attachment; filename*=UTF-8''"
                        + java.net.URLEncoder.encode(CheckoutPage.cardFileName(v), StandardCharsets.UTF_8)
                                .replace("+", "%20"));
        send(resp, 200, "image/png", cardPng(v.qrString()));
    }

    /** NBC's KHQR card of the payment, 600 px wide; a QR that is no KHQR (a foreign source's) saves as the plain QR. */
    static byte[] cardPng(String qr) {
        try {
            return QR.card(qr, QrFormat.PNG, CARD_WIDTH).bytes();
        } catch (KhqrException e) {
            return qrPng(qr, QR_SIZE);
        }
    }

    /** The page's QR image: core's renderer, black on white; a size too small for the code is raised to the largest. */
    static byte[] qrPng(String qr, int size) {
        try {
            return QR.png(qr, QrImageOptions.ofSize(size));
        } catch (QrRenderException e) {
            if (e.problem() != QrRenderException.Problem.SIZE_TOO_SMALL_FOR_CONTENT || size == QR_MAX_SIZE) throw e;
            return QR.png(qr, QrImageOptions.ofSize(QR_MAX_SIZE));
        }
    }

    private void status(HttpServletResponse resp, CheckoutView v) throws IOException {
        Instant now = clock.instant();
        long left = Math.max(0, Duration.between(now, v.expiresAt()).getSeconds());
        // every value is an enum name, a boolean, a number, an instant or a UUID: nothing to escape
        String json = "{\"transactionId\":\"" + v.transactionId() + "\",\"status\":\"" + v.status()
                + "\",\"final\":" + v.isFinal(now) + ",\"late\":" + v.late()
                + ",\"mismatch\":" + (v.mismatch() == null ? "null" : "\"" + v.mismatch() + "\"")
                + ",\"expiresAt\":\"" + v.expiresAt() + "\",\"secondsLeft\":" + left
                + ",\"lateUntil\":\"" + v.lateUntil() + "\"}";
        headers.data(resp);
        send(resp, 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private void font(HttpServletRequest req, HttpServletResponse resp, Messages lang, String name) throws IOException {
        Optional<byte[]> font = Fonts.file(name);
        if (font.isEmpty()) { // an old hash too: the page names the current one
            message(req, resp, 404, lang, "notFound");
            return;
        }
        headers.immutableAsset(resp);
        send(resp, 200, "font/woff2", font.get());
    }

    private void message(HttpServletRequest req, HttpServletResponse resp, int code, Messages lang, String key)
            throws IOException {
        String nonce = SecurityHeaders.nonce();
        headers.page(resp, nonce);
        String html = CheckoutPage.message(lang, key + "Title", key + "Text", Fonts.fontFaces(servletBase(req)), nonce);
        send(resp, code, "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpServletResponse resp, int code, String type, byte[] body) throws IOException {
        resp.setStatus(code);
        resp.setContentType(type);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** Where the servlet is mapped, e.g. {@code /shop/pay}: the font URLs hang off it. */
    private static String servletBase(HttpServletRequest req) {
        return req.getContextPath() + req.getServletPath();
    }

    /** The throttle over the current source, rebuilt when the context attribute changes; null if none. */
    private RefreshThrottle throttle() {
        CheckoutSource source = fixedSource;
        if (source == null
                && getServletConfig() != null
                && getServletContext().getAttribute(CheckoutSource.ATTRIBUTE) instanceof CheckoutSource s) {
            source = s;
        }
        if (source == null) return null;
        RefreshThrottle t = throttle;
        if (t == null || t.source() != source) {
            t = new RefreshThrottle(source, clock, REFRESH_WINDOW);
            throttle = t;
        }
        return t;
    }

    private String parameter(String name) {
        String v = getInitParameter(name);
        return v != null ? v : getServletContext().getInitParameter(name);
    }
}
