package dev.bakongpay.checkout.internal;

/** HTML escaping for text and quoted attribute values; the JDK has none. */
public final class Html {
    private Html() {}

    /** {@code s} safe inside an element or a double- or single-quoted attribute; null becomes empty. */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r == null && c < 0x20 && c != '\n' && c != '\t')
                r = " "; // control characters have no business on the page
            if (r != null && b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (b != null) {
                if (r != null) b.append(r);
                else b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }
}
