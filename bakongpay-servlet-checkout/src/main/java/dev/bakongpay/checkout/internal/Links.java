package dev.bakongpay.checkout.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Which links the page may render as {@code href}: the rest would be a script or phishing vector. */
public final class Links {
    private Links() {}

    /** {@code url} if it is an absolute http(s) URL with a host, else null ({@code javascript:}, {@code data:}, relative …). */
    public static String webUrlOrNull(String url) {
        URI uri = parse(url);
        if (uri == null || uri.getHost() == null) return null;
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("http") ? url : null;
    }

    /** {@code url} if it opens a Bakong app ({@code bakong:}) or a web page, else null. */
    public static String deepLinkOrNull(String url) {
        URI uri = parse(url);
        if (uri == null) return null;
        return uri.getScheme().equalsIgnoreCase("bakong") ? url : webUrlOrNull(url);
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank() || url.length() > 4096) return null;
        for (int i = 0; i < url.length(); i++) {
            // browsers drop tabs and newlines inside URLs, which lets "java\nscript:" through naive checks
            if (Character.isWhitespace(url.charAt(i)) || Character.isISOControl(url.charAt(i))) return null;
        }
        try {
            URI uri = new URI(url);
            return uri.getScheme() == null ? null : uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
