package dev.bakongpay.checkout.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The page's bundled web font, Noto Sans Khmer (Khmer subset, OFL 1.1, see {@code fonts/OFL.txt}),
 * so Khmer never shows as boxes on a device without a Khmer font. Each file is served under a
 * name that carries a hash of its bytes ({@code noto-sans-khmer-400.1a2b3c4d5e.woff2}), so a
 * browser may cache it for good: a changed font gets a new name.
 */
public final class Fonts {
    /** The CSS family name; the page's font stacks name it first for Khmer. */
    public static final String FAMILY = "Noto Sans Khmer";
    /** The path segment the files are served under, below the servlet's mapping. */
    public static final String DIRECTORY = "/fonts/";
    // the Khmer subset's own range, as the font package declares it: Latin text never loads it
    private static final String KHMER_RANGE = "U+1780-17FF,U+19E0-19FF,U+200C-200D,U+25CC";
    private static final int[] WEIGHTS = {400, 700};
    private static final Map<String, byte[]> FILES = new LinkedHashMap<>();
    private static final Map<Integer, String> NAME_BY_WEIGHT = new LinkedHashMap<>();

    static {
        for (int weight : WEIGHTS) {
            byte[] bytes = read("noto-sans-khmer-" + weight + ".woff2");
            String name = "noto-sans-khmer-" + weight + "." + hash(bytes) + ".woff2";
            FILES.put(name, bytes);
            NAME_BY_WEIGHT.put(weight, name);
        }
    }

    private Fonts() {}

    /** The bytes of the file served as {@code name} (e.g. {@code noto-sans-khmer-400.1a2b3c4d5e.woff2}); empty for any other name. */
    public static Optional<byte[]> file(String name) {
        return Optional.ofNullable(FILES.get(name));
    }

    /** The served file name of {@code weight} (400 or 700). */
    public static String name(int weight) {
        String name = NAME_BY_WEIGHT.get(weight);
        if (name == null) throw new IllegalArgumentException("no bundled weight " + weight);
        return name;
    }

    /**
     * The {@code @font-face} rules of the bundled weights.
     *
     * @param base the servlet's path, e.g. {@code /shop/pay}; the files hang off {@code base + "/fonts/"}
     */
    public static String fontFaces(String base) {
        StringBuilder css = new StringBuilder();
        NAME_BY_WEIGHT.forEach((weight, name) -> css.append("@font-face{font-family:\"")
                .append(FAMILY)
                .append("\";font-style:normal;font-weight:")
                .append(weight)
                // swap: the text is readable at once in a fallback, then sharpens when the font lands
                .append(";font-display:swap;src:url(\"")
                .append(urlPath(base + DIRECTORY + name))
                .append("\") format(\"woff2\");unicode-range:")
                .append(KHMER_RANGE)
                .append("}\n"));
        return css.toString();
    }

    /** {@code path} with every character but unreserved ones, {@code /} and {@code %} (the container hands the context path still encoded) percent-encoded, so nothing can leave the CSS string. */
    static String urlPath(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || "/-._~%".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    private static byte[] read(String file) {
        String path = "/dev/bakongpay/checkout/fonts/" + file;
        try (InputStream in = Fonts.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first 10 hex digits of the SHA-256 of {@code bytes}: enough to tell two versions apart. */
    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
