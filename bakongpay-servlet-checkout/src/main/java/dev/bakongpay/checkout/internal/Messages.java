package dev.bakongpay.checkout.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** The page's words in English and Khmer, from UTF-8 properties files next to the template. */
public enum Messages {
    EN("en"),
    KM("km");

    private final String tag;
    private final Properties text = new Properties();

    Messages(String tag) {
        this.tag = tag;
        String name = "/dev/bakongpay/checkout/messages_" + tag + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing " + name);
            text.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The language tag for {@code <html lang>}. */
    public String tag() {
        return tag;
    }

    /** The text of {@code key}; a missing key fails loudly so a typo never reaches a shopper. */
    public String get(String key) {
        String v = text.getProperty(key);
        if (v == null) throw new IllegalArgumentException("no message '" + key + "' in " + tag);
        return v;
    }

    /** {@code ?lang=} wins, then the browser's preference, then English. */
    public static Messages choose(String langParameter, List<Locale> accepted) {
        if ("km".equalsIgnoreCase(langParameter)) return KM;
        if ("en".equalsIgnoreCase(langParameter)) return EN;
        for (Locale l : accepted) {
            if (l.getLanguage().equals("km")) return KM;
            if (l.getLanguage().equals("en")) return EN;
        }
        return EN;
    }
}
