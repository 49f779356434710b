package dev.bakongpay.checkout.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page with {@code {{name}}} holes. Values go in as given, so callers pass escaped text or
 * fragments they built from escaped parts; a hole without a value fails, so none leaks to a page.
 */
public final class Template {
    private static final Pattern HOLE = Pattern.compile("\\{\\{([A-Za-z0-9_.]+)}}");
    private final String text;

    private Template(String text) {
        this.text = text;
    }

    /** The UTF-8 resource {@code name} next to the checkout classes. */
    public static Template load(String name) {
        return new Template(resource(name));
    }

    /** The UTF-8 resource {@code name} next to the checkout classes, as text. */
    public static String resource(String name) {
        String path = "/dev/bakongpay/checkout/" + name;
        try (InputStream in = Template.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page with every hole filled from {@code values}, then {@code msg.x} holes from {@code messages}. */
    public String fill(Map<String, String> values, Messages messages) {
        Matcher m = HOLE.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 8192);
        while (m.find()) {
            String key = m.group(1);
            String v = key.startsWith("msg.") ? Html.escape(messages.get(key.substring(4))) : values.get(key);
            if (v == null) throw new IllegalArgumentException("no value for {{" + key + "}}");
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
