package dev.bakongpay.checkout.internal;

import static dev.bakongpay.checkout.internal.Html.escape;

import dev.bakongpay.checkout.CheckoutView;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Renders the checkout card and the short message pages (not found, unavailable). */
public final class CheckoutPage {
    private static final Template PAGE = Template.load("page.html");
    private static final Template MESSAGE = Template.load("message.html");
    private static final String CSS = Template.resource("checkout.css");
    private static final String JS = Template.resource("checkout.js");
    private static final String MARK = Template.resource("khqr-mark.svg").strip();
    /** The mark's white drawing on a red rounded square: the page's own KHQR mark, so one copy of its paths. */
    private static final byte[] APP_ICON =
            ("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 120\" role=\"img\""
                            + " aria-label=\"KHQR\"><rect width=\"120\" height=\"120\" rx=\"26\" fill=\"#E1232E\"/>"
                            + "<g transform=\"translate(3 42)\">"
                            + MARK.substring(MARK.indexOf('>') + 1, MARK.lastIndexOf("</svg>")) + "</g></svg>\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private CheckoutPage() {}

    /**
     * The page of {@code v} in {@code lang}.
     *
     * @param base      the transaction's page path, e.g. {@code /shop/pay/<id>}; the QR and status URLs hang off it
     * @param fontFaces the {@code @font-face} rules of the bundled font ({@link Fonts#fontFaces})
     * @param nonce     the CSP nonce of this response
     */
    public static String render(
            CheckoutView v, Messages lang, String base, String fontFaces, String nonce, Instant now, long pollMillis) {
        return render(v, lang, base, fontFaces, nonce, now, pollMillis, false);
    }

    /**
     * As above; {@code appUnavailable} adds the note that the bank app could not be opened (the
     * answer of {@code …/app} when no bank-app link could be had) and leaves out the button to it.
     */
    public static String render(
            CheckoutView v,
            Messages lang,
            String base,
            String fontFaces,
            String nonce,
            Instant now,
            long pollMillis,
            boolean appUnavailable) {
        Map<String, String> m = common(lang, fontFaces, nonce);
        m.put("merchantName", escape(v.merchantName()));
        m.put("status", v.status().name());
        m.put("statusUrl", escape(base + "/status"));
        m.put("qrUrl", escape(base + "/qr.png"));
        m.put("expiresAtMillis", Long.toString(v.expiresAt().toEpochMilli()));
        m.put("lateUntilMillis", Long.toString(v.lateUntil().toEpochMilli()));
        // every mismatch sentence is on the page, shown by CSS, so a live update can reveal the right one
        m.put("mismatch", v.mismatch() == null ? "" : v.mismatch());
        m.put("serverNowMillis", Long.toString(now.toEpochMilli()));
        m.put("pollMillis", Long.toString(pollMillis));
        m.put("merchantNames", merchantNames(v, lang));
        m.put("formattedAmount", escape(v.formattedAmount()));
        m.put("amountDigits", escape(v.amountDigits()));
        m.put("currency", v.currency());
        m.put("currencySymbol", escape(v.currencySymbol()));
        m.put("countdown", countdown(Duration.between(now, v.expiresAt())));
        m.put(
                "deepLinkButton",
                appUnavailable
                        ? ""
                        : "<a class=\"btn deeplink\" id=\"deeplink\" href=\"" + escape(base + "/app") + "\">"
                                + escape(lang.get("openInBankApp")) + "</a>");
        m.put(
                "appNotice",
                appUnavailable
                        ? "<p class=\"app-notice\" id=\"app-unavailable\" role=\"alert\">"
                                + escape(lang.get("appUnavailable")) + "</p>"
                        : "");
        m.put("cardUrl", escape(base + "/card.png"));
        m.put("cardFileName", escape(cardFileName(v)));
        m.put("late", Boolean.toString(v.late()));
        // always there, shown by CSS when data-late is true, so a live update can reveal it
        m.put("lateNote", "<p class=\"late\" id=\"late\">" + escape(lang.get("paidLate")) + "</p>");
        m.put(
                "returnLink",
                v.returnUrl() == null
                        ? ""
                        : "<a class=\"btn btn-quiet\" id=\"return\" href=\"" + escape(v.returnUrl()) + "\">"
                                + escape(lang.get("returnToShop")) + "</a>");
        m.put(
                "description",
                v.description() == null
                        ? ""
                        // "For Order #1", never "Order: Order #1": the description is often an order number itself
                        : "<p class=\"order\" id=\"order\">" + escape(lang.get("orderLabel")) + " "
                                + escape(v.description()) + "</p>");
        return PAGE.fill(m, lang);
    }

    /** A card with a title and a sentence, for 404 and 503 answers. */
    public static String message(Messages lang, String titleKey, String textKey, String fontFaces, String nonce) {
        Map<String, String> m = common(lang, fontFaces, nonce);
        m.put("title", escape(lang.get(titleKey)));
        m.put("text", escape(lang.get(textKey)));
        m.put("poweredBy", escape(lang.get("poweredBy")));
        return MESSAGE.fill(m, lang);
    }

    /** The icon a bank app shows for this checkout when no other is configured: the KHQR mark on red. */
    public static byte[] appIcon() {
        return APP_ICON.clone();
    }

    /**
     * The saved card's file name, which says whom and how much: {@code KHQR Coffee Corner 1.50 USD.png};
     * characters file systems refuse are left out.
     */
    public static String cardFileName(CheckoutView v) {
        String name =
                v.merchantName().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "").strip();
        return "KHQR " + (name.isEmpty() ? "" : name + " ") + v.amountDigits().replace(",", "") + " " + v.currency()
                + ".png";
    }

    /** {@code mm:ss}, or {@code h:mm:ss} for long expiries; never negative. */
    static String countdown(Duration left) {
        long s = Math.max(0, left.getSeconds());
        long h = s / 3600;
        String mmss = String.format("%02d:%02d", s % 3600 / 60, s % 60);
        return h > 0 ? h + ":" + mmss : mmss;
    }

    private static Map<String, String> common(Messages lang, String fontFaces, String nonce) {
        Map<String, String> m = new HashMap<>();
        m.put("lang", lang.tag());
        m.put("nonce", nonce);
        m.put("css", fontFaces + CSS);
        m.put("js", JS);
        m.put("khqrMark", MARK);
        StringBuilder links = new StringBuilder();
        for (Messages l : Messages.values()) {
            links.append("<a href=\"?lang=")
                    .append(l.tag())
                    .append("\" lang=\"")
                    .append(l.tag())
                    .append('"')
                    .append(l == lang ? " aria-current=\"true\"" : "")
                    .append('>')
                    .append(escape(l.get("languageName")))
                    .append("</a>");
        }
        m.put("languageLinks", links.toString());
        return m;
    }

    /** In Khmer the Khmer name leads when the shop gave one; the QR's own name always shows. */
    private static String merchantNames(CheckoutView v, Messages lang) {
        boolean khmerFirst = lang == Messages.KM && v.merchantNameKhmer() != null;
        String name = "<p class=\"" + (khmerFirst ? "merchant-name-alt" : "merchant-name") + "\" id=\"merchant\">"
                + escape(v.merchantName()) + "</p>";
        if (v.merchantNameKhmer() == null) return name;
        String khmer = "<p class=\"" + (khmerFirst ? "merchant-name" : "merchant-name-alt")
                + "\" id=\"merchant-km\" lang=\"km\">" + escape(v.merchantNameKhmer()) + "</p>";
        return khmerFirst ? khmer + name : name + khmer;
    }
}
