package dev.bakongpay.spi.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The common rules, each with its one wording. Every parser receives stripped, non-blank text and
 * throws {@link Rejected} with a reason that completes {@code <NAME> was '<value>' but it …}.
 */
public final class Parsers {

    private Parsers() {}

    /** Any text. */
    public static Parser<String> text() {
        return text -> text;
    }

    /** A port: a whole number from 0 to 65535, where 0 picks a free port. */
    public static Parser<Integer> port() {
        return wholeNumber(0, 65535, "must be a whole number from 0 to 65535 (0 picks a free port)")
                .map(Long::intValue);
    }

    /** A whole number from {@code min} to {@code max}, as an int. */
    public static Parser<Integer> intRange(int min, int max, String reason) {
        return wholeNumber(min, max, reason).map(Long::intValue);
    }

    /** A whole number from {@code min} to {@code max}; otherwise {@code reason} ("must be a whole number of … from … to …"). */
    public static Parser<Long> wholeNumber(long min, long max, String reason) {
        return text -> {
            try {
                long n = Long.parseLong(text);
                if (n >= min && n <= max) return n;
            } catch (NumberFormatException e) {
                // rejected below with the rule
            }
            throw new Rejected(reason);
        };
    }

    /** {@code true} or {@code false}, in any case. */
    public static Parser<Boolean> bool() {
        return text -> {
            if (text.equalsIgnoreCase("true")) return true;
            if (text.equalsIgnoreCase("false")) return false;
            throw new Rejected("must be true or false");
        };
    }

    /** One of {@code values}, in any case; the value in lower case. */
    public static Parser<String> oneOf(List<String> values) {
        List<String> allowed = List.copyOf(values);
        return text -> {
            String v = text.toLowerCase(Locale.ROOT);
            if (allowed.contains(v)) return v;
            throw new Rejected("must be one of " + allowed);
        };
    }

    /**
     * A duration from {@code min} to {@code max}: {@code 2500ms}, {@code 3s}, {@code 1.5s},
     * {@code 2m} or a bare number of seconds.
     */
    public static Parser<Duration> duration(Duration min, Duration max) {
        String reason = "must be a duration from " + shortText(min) + " to " + shortText(max) + ", like 3s or 2500ms";
        return text -> {
            Duration d = durationText(text);
            if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) throw new Rejected(reason);
            return d;
        };
    }

    /** {@code 2500ms}, {@code 3s}, {@code 2m} or bare seconds (fractions allowed but in ms), or null when not a duration. */
    static Duration durationText(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms"))
                return Duration.ofMillis(
                        Long.parseLong(t.substring(0, t.length() - 2).trim()));
            double unit = t.endsWith("s") ? 1000 : t.endsWith("m") ? 60_000 : 1000;
            String number = t.endsWith("s") || t.endsWith("m")
                    ? t.substring(0, t.length() - 1).trim()
                    : t;
            double ms = Double.parseDouble(number) * unit;
            if (Double.isNaN(ms) || Double.isInfinite(ms) || Math.abs(ms) > Long.MAX_VALUE / 2.0) return null;
            return Duration.ofMillis(Math.round(ms));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code 100ms}, {@code 60s}, {@code 1h}: how a bound is worded in a rule. */
    static String shortText(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms != 0) return ms / 3_600_000 + "h";
        if (ms % 1000 == 0) return ms / 1000 + "s";
        return ms + "ms";
    }

    /** An absolute {@code http://} or {@code https://} URL with a host, kept exactly as given. */
    public static Parser<URI> httpUrl() {
        return text -> {
            try {
                URI u = new URI(text);
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) return u;
            } catch (URISyntaxException e) {
                // rejected below with the rule
            }
            throw new Rejected("must be an absolute http:// or https:// URL");
        };
    }

    /** {@code uri} without one trailing slash: a base URL that paths are appended to. */
    public static URI withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }

    /** An interface address to listen on: no spaces, no slashes. */
    public static Parser<String> host() {
        return text -> {
            if (text.isEmpty() || text.chars().anyMatch(c -> c <= ' ' || c == '/')) {
                throw new Rejected("must be an interface address such as 127.0.0.1, or 0.0.0.0 for every one");
            }
            return text;
        };
    }

    /** A file system path this platform accepts. */
    public static Parser<Path> path() {
        return text -> {
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw new Rejected("is not a usable path: " + e.getReason());
            }
        };
    }

    /** Text for which {@code test} holds; otherwise {@code reason}. */
    public static Parser<String> matching(java.util.function.Predicate<String> test, String reason) {
        return text -> {
            if (test.test(text)) return text;
            throw new Rejected(reason);
        };
    }
}
